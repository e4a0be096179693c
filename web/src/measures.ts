/**
 * Måtten the map and the ranking colour kommuner by: a trygghetsmätning indicator in a year, the
 * agreement status on a day, or the law's check (efterlevnad) on a day. Each gives every kommun a
 * fill and a text, and the legend; the colours come from the API's answers alone.
 */
import { graphql } from './generated/gql';
import type { MapAgreementsQuery, MapComplianceQuery, MapIndicatorQuery } from './generated/gql/graphql';
import { EMPTY_WORDS, formatValue, STATUS_WORDS, UNIT_WORDS } from './format';

export type MeasureKind = 'indikator' | 'overenskommelse' | 'efterlevnad';

export const MEASURE_WORDS: Record<MeasureKind, string> = {
  indikator: 'Trygghetsmätning (indikator)',
  overenskommelse: 'Samverkansöverenskommelse (status)',
  efterlevnad: 'Efterlevnad av lagen (2023:196)',
};

export const MapIndicatorDocument = graphql(`
  query MapIndicator($indicator: ID!, $year: Int!, $origins: [ResultOrigin!]) {
    indicator(code: $indicator) {
      code
      name
      unit
      direction
    }
    municipalities {
      code
      name
      surveyStanding(indicator: $indicator, year: $year, origins: $origins) {
        value
        rank
        rankOf
        instrument {
          code
          name
          demo
        }
        result {
          demo
        }
      }
      surveyStandingEmpty(indicator: $indicator, year: $year, origins: $origins) {
        reason
        message
      }
    }
  }
`);

export const MapAgreementsDocument = graphql(`
  query MapAgreements($on: Date) {
    municipalities {
      code
      name
      activeAgreement(on: $on) {
        id
        title
      }
      agreements {
        id
        title
        status(on: $on)
      }
    }
  }
`);

export const MapComplianceDocument = graphql(`
  query MapCompliance($on: Date) {
    compliance(on: $on) {
      municipality {
        code
      }
      compliant
      hasCurrentSituationReport
      situationReportDecidedOn
      actionPlanDecidedOn
      ongoingActions
      overdueActions
    }
  }
`);

/** A kommun's look on the map. */
export interface Shade {
  fill: string;
  /** Its value or status in words. */
  text: string;
  /** Made-up demo value. */
  demo?: boolean;
}

export interface LegendEntry {
  fill: string;
  label: string;
  count: number;
}

export interface Colouring {
  title: string;
  unit?: string;
  shades: Map<string, Shade>;
  legend: LegendEntry[];
  /** Instruments with values, for the choice of scale. */
  instruments?: { code: string; name: string; demo: boolean; count: number }[];
  instrument?: string;
  demo: boolean;
  note?: string;
}

export const GREY = '#b4b4b4';
/** A kommun with a value of another instrument: lighter, so that the two greys differ. */
export const OTHER_GREY = '#e2e2e2';
const SEQUENTIAL = ['#fef0d9', '#fdcc8a', '#fc8d59', '#e34a33', '#b30000'];
const SEQUENTIAL_GOOD = ['#b30000', '#e34a33', '#fc8d59', '#fdcc8a', '#fef0d9'];

function countLegend(shades: Map<string, Shade>, entries: { fill: string; label: string }[]): LegendEntry[] {
  return entries.map((entry) => ({ ...entry, count: [...shades.values()].filter((shade) => shade.fill === entry.fill).length }));
}

/** The indicator's values of one instrument on one scale (five equal classes); the others grey with the reason. */
export function colourIndicator(data: MapIndicatorQuery, chosenInstrument: string | undefined): Colouring {
  const unit = data.indicator?.unit;
  const counts = new Map<string, { code: string; name: string; demo: boolean; count: number }>();
  for (const kommun of data.municipalities) {
    const instrument = kommun.surveyStanding?.instrument;
    if (!instrument) continue;
    const entry = counts.get(instrument.code) ?? { code: instrument.code, name: instrument.name, demo: instrument.demo, count: 0 };
    entry.count += 1;
    counts.set(instrument.code, entry);
  }
  const instruments = [...counts.values()].sort((a, b) => Number(a.demo) - Number(b.demo) || b.count - a.count);
  const instrument = instruments.find((i) => i.code === chosenInstrument)?.code ?? instruments[0]?.code;
  const values = data.municipalities.flatMap((k) => (k.surveyStanding && k.surveyStanding.instrument.code === instrument ? [k.surveyStanding.value] : []));
  const min = Math.min(...values);
  const max = Math.max(...values);
  const palette = data.indicator?.direction === 'HIGHER_IS_BETTER' ? SEQUENTIAL_GOOD : SEQUENTIAL;
  const step = (max - min) / palette.length || 1;
  const classOf = (value: number) => Math.min(palette.length - 1, Math.floor((value - min) / step));
  const shades = new Map<string, Shade>();
  const reasons = new Map<string, string>();
  let demo = false;
  for (const kommun of data.municipalities) {
    const standing = kommun.surveyStanding;
    if (standing && standing.instrument.code === instrument) {
      demo ||= standing.result.demo;
      shades.set(kommun.code, {
        fill: palette[classOf(standing.value)]!,
        text: `${formatValue(standing.value, unit)}${standing.result.demo ? ' (DEMO)' : ''}, plats ${standing.rank} av ${standing.rankOf}`,
        demo: standing.result.demo,
      });
    } else {
      const reason = standing ? EMPTY_WORDS.OTHER_INSTRUMENT! : EMPTY_WORDS[kommun.surveyStandingEmpty?.reason ?? ''] ?? 'inget resultat';
      const fill = standing ? OTHER_GREY : GREY;
      reasons.set(reason, fill);
      shades.set(kommun.code, { fill, text: standing ? `Annat mätinstrument (${standing.instrument.name}): ${formatValue(standing.value, unit)}${standing.result.demo ? ' (DEMO)' : ''}` : `Inget värde: ${reason}` });
    }
  }
  const legend: LegendEntry[] = values.length
    ? palette.map((fill, i) => ({
        fill,
        label: `${formatValue(min + i * step, unit)} – ${formatValue(i === palette.length - 1 ? max : min + (i + 1) * step, unit)}`,
        count: [...shades.values()].filter((shade) => shade.fill === fill).length,
      }))
    : [];
  for (const [reason, fill] of reasons) {
    const count = data.municipalities.filter((k) => {
      const standing = k.surveyStanding;
      if (standing) return standing.instrument.code !== instrument && reason === EMPTY_WORDS.OTHER_INSTRUMENT;
      return (EMPTY_WORDS[k.surveyStandingEmpty?.reason ?? ''] ?? 'inget resultat') === reason;
    }).length;
    legend.push({ fill, label: `Grå: ${reason}`, count });
  }
  const chosen = instruments.find((i) => i.code === instrument);
  return {
    title: `${data.indicator?.name ?? 'Indikator'}${chosen ? ` — ${chosen.name}` : ''}`,
    unit: unit ? UNIT_WORDS[unit] : undefined,
    shades,
    legend,
    instruments,
    instrument,
    demo,
    ...(values.length ? {} : { note: 'Inga kommuner har ett värde med dessa val.' }),
  };
}

const STATUS_FILLS: Record<string, string> = {
  ACTIVE: '#1a9850',
  UPCOMING: '#91cf60',
  DRAFT: '#d9ef8b',
  COMMISSIONED: '#fee08b',
  UNDATED: '#fdae61',
  EXPIRED: '#d73027',
  SUPERSEDED: '#d73027',
  WITHDRAWN: '#d73027',
};
const NO_AGREEMENT = '#f4f4f4';

/** The agreement status on a day: in force, else the newest agreement's status, else none. */
export function colourAgreements(data: MapAgreementsQuery): Colouring {
  const shades = new Map<string, Shade>();
  for (const kommun of data.municipalities) {
    if (kommun.activeAgreement) shades.set(kommun.code, { fill: STATUS_FILLS.ACTIVE!, text: `Gällande: ${kommun.activeAgreement.title}` });
    else if (kommun.agreements[0]) {
      const newest = kommun.agreements[0];
      shades.set(kommun.code, { fill: STATUS_FILLS[newest.status] ?? GREY, text: `${STATUS_WORDS[newest.status] ?? newest.status}: ${newest.title}` });
    } else shades.set(kommun.code, { fill: NO_AGREEMENT, text: 'Ingen känd överenskommelse' });
  }
  const legend = countLegend(shades, [
    { fill: STATUS_FILLS.ACTIVE!, label: 'Gällande' },
    { fill: STATUS_FILLS.UPCOMING!, label: 'Kommande' },
    { fill: STATUS_FILLS.DRAFT!, label: 'Utkast' },
    { fill: STATUS_FILLS.COMMISSIONED!, label: 'Uppdrag' },
    { fill: STATUS_FILLS.UNDATED!, label: 'Odaterad' },
    { fill: STATUS_FILLS.EXPIRED!, label: 'Utgången, ersatt eller återkallad' },
    { fill: NO_AGREEMENT, label: 'Ingen känd överenskommelse' },
  ]).filter((entry) => entry.count > 0);
  return { title: 'Samverkansöverenskommelse', shades, legend, demo: false };
}

const COMPLIANT = '#1a9850';
const PLAN_MISSING = '#fee08b';
const REPORT_MISSING = '#d73027';

/** The law's check: a current lägesbild and an åtgärdsplan decided from it. */
export function colourCompliance(data: MapComplianceQuery): Colouring {
  const shades = new Map<string, Shade>();
  for (const row of data.compliance) {
    const code = row.municipality?.code;
    if (!code) continue;
    if (row.compliant) shades.set(code, { fill: COMPLIANT, text: `Uppfyller lagen (lägesbild ${row.situationReportDecidedOn}, åtgärdsplan ${row.actionPlanDecidedOn})` });
    else if (row.hasCurrentSituationReport) shades.set(code, { fill: PLAN_MISSING, text: `Aktuell lägesbild ${row.situationReportDecidedOn}, ingen åtgärdsplan beslutad efter den` });
    else shades.set(code, { fill: REPORT_MISSING, text: row.situationReportDecidedOn ? `Ingen aktuell lägesbild (senaste ${row.situationReportDecidedOn})` : 'Ingen känd lägesbild' });
  }
  const legend = countLegend(shades, [
    { fill: COMPLIANT, label: 'Uppfyller lagen' },
    { fill: PLAN_MISSING, label: 'Saknar åtgärdsplan' },
    { fill: REPORT_MISSING, label: 'Saknar aktuell lägesbild' },
  ]);
  return { title: 'Efterlevnad av lagen (2023:196)', shades, legend, demo: false };
}
