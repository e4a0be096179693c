/** The kommun page's work: lägesbilder and åtgärdsplaner, and the actions (table, follow-ups, sources). */
import { actionsTable } from '@samverkan/tables';
import { Sources } from '../components/Sources';
import { TableView, useTable } from '../components/TableView';
import { ACTION_STATUS_WORDS, OUTCOME_WORDS, STATUS_WORDS, TREND_WORDS } from '../format';
import type { KommunActionsQuery, KommunQuery, KommunWorkQuery } from '../generated/gql/graphql';

type Kommun = NonNullable<KommunQuery['municipality']>;
type Work = NonNullable<KommunWorkQuery['municipality']>;
type ActionDetails = NonNullable<NonNullable<KommunActionsQuery['municipality']>['actions']>;

export function Status({ status }: { status: string }) {
  return <span class={`status status-${status.toLowerCase()}`}>{STATUS_WORDS[status] ?? status}</span>;
}

export function period(from: string | null | undefined, to: string | null | undefined): string {
  if (!from && !to) return 'period okänd';
  return `${from ?? '?'} – ${to ?? 'tills vidare'}`;
}

export function Reports({ work }: { work: Work | undefined }) {
  const reports = work?.situationReports ?? [];
  const plans = work?.actionPlans ?? [];
  return (
    <section aria-labelledby="lagesbilder">
      <h2 id="lagesbilder" tabIndex={-1}>
        Lägesbild och åtgärdsplan
      </h2>
      {reports.length === 0 && <p>Navet känner ingen lägesbild för kommunen.</p>}
      {reports.map((r) => (
        <div class="record">
          <h3>Lägesbild: {r.title}</h3>
          <p>
            Beslutad {r.decidedOn ?? 'datum okänt'}
            {r.decidedBy ? ` av ${r.decidedBy}` : ''} · {period(r.periodFrom, r.periodTo)} · {r.joint ? 'gemensam med polisen' : 'kommunens egen'}
          </p>
          {r.summary && <p>{r.summary}</p>}
          {r.findings.length > 0 && (
            <ul>
              {r.findings.map((f) => (
                <li>
                  {f.problem}
                  {f.area ? ` (${f.area})` : ''} — {TREND_WORDS[f.trend] ?? f.trend}
                  {f.focusArea ? `; ${f.focusArea.name}` : ''}
                </li>
              ))}
            </ul>
          )}
          <p class="sources">Underlag: {r.dataSources.length ? r.dataSources.join('; ') : 'anges inte'}</p>
        </div>
      ))}
      {plans.length === 0 && <p>Navet känner ingen åtgärdsplan för kommunen.</p>}
      {plans.map((plan) => (
        <div class="record">
          <h3>Åtgärdsplan: {plan.title}</h3>
          <p>
            Beslutad {plan.decidedOn ?? 'datum okänt'}
            {plan.decidedBy ? ` av ${plan.decidedBy}` : ''} · {period(plan.periodFrom, plan.periodTo)}
            {plan.basedOn.length ? ` · bygger på ${plan.basedOn.map((b) => b.title).join(', ')}` : ''}
          </p>
          {plan.revisions.length > 0 && (
            <>
              <h4>Revideringar</h4>
              <ol>
                {plan.revisions.map((rev) => (
                  <li>
                    Revidering {rev.number}, beslutad {rev.decidedOn ?? 'datum okänt'}{rev.note ? ` — ${rev.note}` : ''}
                  </li>
                ))}
              </ol>
            </>
          )}
        </div>
      ))}
    </section>
  );
}

export function Actions({ kommun, details: actions }: { kommun: Kommun; details: ActionDetails }) {
  const raw = { municipality: kommun.code };
  const state = useTable(actionsTable, raw);
  return (
    <section aria-labelledby="atgarder">
      <h2 id="atgarder" tabIndex={-1}>
        Åtgärder
      </h2>
      <TableView
        table={actionsTable}
        state={state}
        raw={raw}
        columns={['title', 'status', 'focusArea', 'startsOn', 'endsOn', 'lead', 'followUps', 'lastOutcome']}
        caption={`Åtgärder i ${kommun.name} (de du får se)`}
        empty="Inga åtgärder som du får se."
      />
      {actions.some((a) => a.followUps.length > 0 || a.sources.length > 0) && (
        <details>
          <summary>Uppföljningar och källor per åtgärd</summary>
          {actions.map((a) => (
            <div class="record">
              <h3>
                {a.title} <span class="status">{ACTION_STATUS_WORDS[a.status]}</span>
              </h3>
              {a.description && <p>{a.description}</p>}
              {a.followUps.length > 0 && (
                <ul>
                  {a.followUps.map((f) => (
                    <li>
                      {f.date}, {f.author}: {f.text} ({OUTCOME_WORDS[f.outcome]})
                    </li>
                  ))}
                </ul>
              )}
              <Sources sources={a.sources} />
            </div>
          ))}
        </details>
      )}
    </section>
  );
}
