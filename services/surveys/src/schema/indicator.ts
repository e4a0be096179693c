import { recordLoader, UNIT_RANGES } from '@samverkan/schema';
import { builder, type Context } from '../builder';

/* Indikatorer: the catalogue of questions and indices the trygghetsmätningar report. */

export const IndicatorUnitEnum = builder.enumType('IndicatorUnit', {
  description: 'Enhet: the unit of an indicator\'s values.',
  values: {
    INDEX_0_6: { description: 'Problemindex 0–6: 0 = hardly a problem, 6 = an alarming problem.' },
    PERCENT: { description: 'Procent 0–100: a share of the respondents.' },
  } as const,
});

const IndicatorDirectionEnum = builder.enumType('IndicatorDirection', {
  description: 'Riktning: whether a higher value is worse or better (ranks put the best first).',
  values: {
    HIGHER_IS_WORSE: { description: 'Högre är sämre (problems, unsafety, worry, victimisation).' },
    HIGHER_IS_BETTER: { description: 'Högre är bättre (confidence in the police, reporting rate).' },
  } as const,
});

const IndicatorCategoryEnum = builder.enumType('IndicatorCategory', {
  description: 'Kategori: what an indicator measures.',
  values: {
    PROBLEMS: { description: 'Problem: how big local problems are felt to be.' },
    UNSAFETY: { description: 'Otrygghet: feeling unsafe.' },
    VICTIMISATION: { description: 'Utsatthet: having been a victim of crime, and reporting it.' },
    CONFIDENCE_IN_POLICE: { description: 'Förtroende för polisen.' },
    WORRY: { description: 'Oro: worry about crime.' },
  } as const,
});

const UnitRange = builder.objectRef<{ min: number; max: number }>('UnitRange').implement({
  description: 'Skala: the lowest and highest value a unit allows.',
  fields: (t) => ({
    min: t.exposeFloat('min', { description: 'Lägsta värde.' }),
    max: t.exposeFloat('max', { description: 'Högsta värde.' }),
  }),
});

export const Indicator = builder.prismaObject('Indicator', {
  description: 'Indikator: a question or index of the trygghetsmätningar, with a stable code.',
  fields: (t) => ({
    code: t.exposeID('code', { description: 'Kod: stable, e.g. PROBLEM_INDEX or UNSAFE_OUTDOORS.' }),
    name: t.exposeString('name', { description: 'Namn (Swedish), as in the published tables.' }),
    description: t.exposeString('description', { description: 'Beskrivning: what is asked or measured.' }),
    unit: t.field({ type: IndicatorUnitEnum, description: 'Enhet: index 0–6 or per cent.', resolve: (i) => i.unit }),
    range: t.field({ type: UnitRange, description: 'Skala: the values the unit allows.', resolve: (i) => UNIT_RANGES[i.unit] }),
    direction: t.field({ type: IndicatorDirectionEnum, description: 'Riktning: whether higher is worse or better.', resolve: (i) => i.direction }),
    category: t.field({ type: IndicatorCategoryEnum, description: 'Kategori.', resolve: (i) => i.category }),
  }),
});

const indicatorByCode = recordLoader((codes: readonly string[], context: Context) => context.db.indicator.findMany({ where: { code: { in: [...codes] } } }), (row) => row.code);

builder.asEntity(Indicator, {
  key: builder.selection<{ code: string }>('code'),
  resolveReference: ({ code }, context) => indicatorByCode(context).load(code),
});

builder.queryFields((t) => ({
  indicators: t.prismaField({
    type: ['Indicator'],
    description: 'Indikatorer: the catalogue, in its order.',
    resolve: (query, _root, _args, context) => context.db.indicator.findMany({ ...query, orderBy: { position: 'asc' } }),
  }),
  indicator: t.prismaField({
    type: 'Indicator',
    nullable: true,
    description: 'Indikator by code, or null.',
    args: { code: t.arg.id({ required: true, description: 'Kod, e.g. PROBLEM_INDEX.' }) },
    resolve: (query, _root, args, context) => context.db.indicator.findUnique({ ...query, where: { code: String(args.code) } }),
  }),
}));
