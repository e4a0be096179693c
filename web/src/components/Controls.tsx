/** Val: the measure, indicator, year, scope and demo settings, kept in the address. */
import type { ComponentChildren } from 'preact';
import { todayInSweden } from '../format';
import { MEASURE_WORDS, type MeasureKind } from '../measures';
import { updateParams } from '../route';
import { surveyYears, useSession } from '../session';

export interface Settings {
  measure: MeasureKind;
  indicator: string;
  year: number;
  baseYear?: number;
  instrument?: string;
  demo: boolean;
  on: string;
  region?: string;
  county?: string;
}

/** The settings in the address, with defaults: the newest survey year, today, published values only. */
export function readSettings(params: URLSearchParams, years: number[]): Settings {
  const measure = params.get('matt');
  const year = Number(params.get('ar')) || years[0] || new Date().getFullYear() - 1;
  const base = Number(params.get('basar'));
  return {
    measure: measure === 'overenskommelse' || measure === 'efterlevnad' ? measure : 'indikator',
    indicator: params.get('indikator') ?? 'PROBLEM_INDEX',
    year,
    ...(base ? { baseYear: base } : {}),
    ...(params.get('instrument') ? { instrument: params.get('instrument')! } : {}),
    demo: params.get('demo') === '1',
    on: /^\d{4}-\d{2}-\d{2}$/.test(params.get('dag') ?? '') ? params.get('dag')! : todayInSweden(),
    ...(params.get('region') ? { region: params.get('region')! } : {}),
    ...(params.get('lan') ? { county: params.get('lan')! } : {}),
  };
}

function Field({ id, label, children }: { id: string; label: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {children}
    </div>
  );
}

interface Props {
  settings: Settings;
  /** Which choices to offer. */
  show: { measure?: boolean; baseYear?: boolean; scope?: boolean };
}

export function Controls({ settings, show }: Props) {
  const { data } = useSession();
  const years = surveyYears(data);
  const regions = data.policeRegions;
  const counties = settings.region ? regions.find((r) => r.code === settings.region)?.counties ?? [] : regions.flatMap((r) => r.counties).sort((a, b) => a.code.localeCompare(b.code));
  const indicatorMeasure = settings.measure === 'indikator';
  return (
    <form class="controls" onSubmit={(event) => event.preventDefault()} aria-label="Val">
      {show.measure && (
        <Field id="val-matt" label="Mått">
          <select id="val-matt" value={settings.measure} onChange={(e) => updateParams({ matt: e.currentTarget.value })}>
            {(Object.keys(MEASURE_WORDS) as MeasureKind[]).map((kind) => (
              <option value={kind}>{MEASURE_WORDS[kind]}</option>
            ))}
          </select>
        </Field>
      )}
      {indicatorMeasure && (
        <>
          <Field id="val-indikator" label="Indikator">
            <select id="val-indikator" value={settings.indicator} onChange={(e) => updateParams({ indikator: e.currentTarget.value, instrument: null })}>
              {data.indicators.map((indicator) => (
                <option value={indicator.code}>{indicator.name}</option>
              ))}
            </select>
          </Field>
          <Field id="val-ar" label="År">
            <select id="val-ar" value={settings.year} onChange={(e) => updateParams({ ar: e.currentTarget.value })}>
              {years.map((year) => (
                <option value={year}>{year}</option>
              ))}
            </select>
          </Field>
          {show.baseYear && (
            <Field id="val-basar" label="Basår">
              <select id="val-basar" value={settings.baseYear ?? ''} onChange={(e) => updateParams({ basar: e.currentTarget.value })}>
                <option value="">Inget</option>
                {years.filter((year) => year < settings.year).map((year) => (
                  <option value={year}>{year}</option>
                ))}
              </select>
            </Field>
          )}
        </>
      )}
      {!indicatorMeasure && (
        <Field id="val-dag" label="Dag">
          <input id="val-dag" type="date" value={settings.on} onChange={(e) => updateParams({ dag: e.currentTarget.value })} />
        </Field>
      )}
      {show.scope && (
        <>
          <Field id="val-region" label="Polisregion">
            <select id="val-region" value={settings.region ?? ''} onChange={(e) => updateParams({ region: e.currentTarget.value, lan: null })}>
              <option value="">Hela landet</option>
              {regions.map((region) => (
                <option value={region.code}>{region.name}</option>
              ))}
            </select>
          </Field>
          <Field id="val-lan" label="Län">
            <select id="val-lan" value={settings.county ?? ''} onChange={(e) => updateParams({ lan: e.currentTarget.value })}>
              <option value="">{settings.region ? 'Hela regionen' : 'Alla län'}</option>
              {counties.map((county) => (
                <option value={county.code}>{county.name}</option>
              ))}
            </select>
          </Field>
        </>
      )}
      {indicatorMeasure && (
        <div class="field checkbox">
          <input id="val-demo" type="checkbox" checked={settings.demo} onChange={(e) => updateParams({ demo: e.currentTarget.checked ? '1' : null })} />
          <label for="val-demo">Visa demovärden</label>
        </div>
      )}
    </form>
  );
}

/** The län a scope covers: one län, a region's län, or none (the whole country). */
export function scopeCounties(settings: Settings, regions: { code: string; counties: { code: string }[] }[]): string[] {
  if (settings.county) return [settings.county];
  if (settings.region) return regions.find((r) => r.code === settings.region)?.counties.map((c) => c.code) ?? [];
  return [];
}
