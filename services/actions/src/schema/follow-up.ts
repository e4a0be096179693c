import { addFollowUp } from '../actions/write';
import { builder } from '../builder';
import { dateField } from './date-field';
import { OutcomeEnum } from './enums';

/* Uppföljning: a follow-up of an åtgärd, and adding one. */

export const FollowUp = builder.prismaObject('FollowUp', {
  description: 'Uppföljning: a follow-up of an åtgärd and what it found.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id.' }),
    date: t.field({ ...dateField('Datum.'), nullable: false, resolve: (f) => f.date }),
    author: t.exposeString('author', { description: 'Författare.' }),
    text: t.exposeString('text', { description: 'Text.' }),
    outcome: t.field({ type: OutcomeEnum, description: 'Utfall.', resolve: (f) => f.outcome }),
    indicatorCodes: t.exposeStringList('indicatorCodes', { description: 'Indikatorer (trygghetsmätning) it refers to, by code.' }),
  }),
});

const FollowUpInput = builder.inputType('FollowUpInput', {
  description: 'Ny uppföljning.',
  fields: (t) => ({
    date: t.field({ type: 'Date', required: true, description: 'Datum.' }),
    text: t.string({ required: true, description: 'Text.' }),
    outcome: t.field({ type: OutcomeEnum, required: true, description: 'Utfall.' }),
    indicatorCodes: t.stringList({ description: 'Indikatorer (trygghetsmätning), by code.' }),
  }),
});

builder.mutationField('addFollowUp', (t) =>
  t.prismaField({
    type: 'Action',
    description: 'Ny uppföljning of an åtgärd.',
    args: {
      actionId: t.arg.id({ required: true, description: 'The åtgärd.' }),
      input: t.arg({ type: FollowUpInput, required: true, description: 'The follow-up.' }),
    },
    resolve: (query, _root, args, context) => addFollowUp(context, args, (tx, id) => tx.action.findUniqueOrThrow({ ...query, where: { id } })),
  }),
);
