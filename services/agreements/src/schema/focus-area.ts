import { builder } from '../builder';

/*
 * Fokusområden: the national catalogue, and an agreement's own areas mapped to it. Other subgraphs
 * refer to a catalogue area by its code.
 */

export const FocusArea = builder.prismaObject('FocusArea', {
  description: 'Fokusområde: a prioritised area in the national catalogue, e.g. brott mot äldre.',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Kod: a stable code, e.g. ELDERLY.' }),
    name: t.exposeString('name', { description: 'Namn: the area\'s Swedish name.' }),
    description: t.exposeString('description', { description: 'Beskrivning: what the area covers.' }),
  }),
});

builder.asEntity(FocusArea, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: ({ code }, context) => context.db.focusArea.findUnique({ where: { code } }),
});

builder.prismaObject('AgreementFocusArea', {
  description: 'Fokusområde i överenskommelsen: one of an agreement\'s areas, in its own words, mapped to the catalogue.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Ordning: the area\'s place in the agreement, from 1.' }),
    title: t.exposeString('title', { description: 'Rubrik: the area\'s title as the agreement writes it.' }),
    description: t.exposeString('description', { nullable: true, description: 'Beskrivning: the agreement\'s text for the area, if it has one.' }),
    focusArea: t.relation('focusArea', { description: 'Fokusområde: the catalogue area it maps to.' }),
  }),
});

export const AgreementFocusAreaInput = builder.inputType('AgreementFocusAreaInput', {
  description: 'Fokusområde i överenskommelsen: the agreement\'s own title and text, mapped to a catalogue code.',
  fields: (t) => ({
    code: t.id({ required: true, description: 'Catalogue code, e.g. ELDERLY (see `focusAreas`).' }),
    title: t.string({ required: true, description: 'Rubrik as the agreement writes it.' }),
    description: t.string({ description: 'Beskrivning: the agreement\'s text for the area.' }),
  }),
});

builder.queryField('focusAreas', (t) =>
  t.prismaField({
    type: ['FocusArea'],
    description: 'Fokusområden: the national catalogue, in its order.',
    resolve: (query, _root, _args, context) => context.db.focusArea.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
);
