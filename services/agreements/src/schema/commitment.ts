import { builder } from '../builder';
import { Agreement } from './agreement';

/*
 * Åtaganden: what an agreement commits its parties to, quoted from its text (e.g. a joint lägesbild
 * at least every other year).
 */

const CommitmentKindEnum = builder.enumType('CommitmentKind', {
  description: 'Typ av åtagande: what an agreement commits the parties to.',
  values: {
    JOINT_SITUATION_REPORT: { description: 'Gemensam lägesbild: a joint picture of crime in the kommun and its causes.' },
    ACTION_PLAN: { description: 'Åtgärdsplan: a plan of actions decided from the lägesbild.' },
    OTHER: { description: 'Annat åtagande.' },
  } as const,
});

builder.prismaObject('AgreementCommitment', {
  description: 'Åtagande: one commitment an agreement makes, in its own words.',
  fields: (t) => ({
    position: t.exposeInt('position', { description: 'Ordning, from 1, as in the agreement.' }),
    kind: t.field({ type: CommitmentKindEnum, description: 'Typ.', resolve: (c) => c.kind }),
    intervalMonths: t.exposeInt('intervalMonths', {
      nullable: true,
      description: 'Intervall (månader): how often at least, where the text says (24: "minst vartannat år"); null when it gives no interval.',
    }),
    text: t.exposeString('text', { description: 'Text: the commitment, quoted from the agreement.' }),
    sourceTitle: t.exposeString('sourceTitle', { description: 'Källa: the title of the document it is quoted from.' }),
  }),
});

builder.prismaObjectField(Agreement, 'commitments', (t) =>
  t.relation('commitments', { description: 'Åtaganden: what the agreement commits the parties to, in its order.', query: { orderBy: { position: 'asc' } } }),
);
