/**
 * #/kommun/<code>: a kommun's agreements, medborgarlöften, lägesbilder, åtgärdsplaner, actions,
 * survey trend against its region and the law's check, every fact with its source. What the
 * role may not see is simply absent.
 */
import { complianceReasons } from '@samverkan/tables';
import { Sources } from '../components/Sources';
import { PARTY_WORDS, todayInSweden } from '../format';
import type { KommunQuery, KommunWorkQuery } from '../generated/gql/graphql';
import { href, type Route } from '../route';
import { useQuery } from '../useQuery';
import { KommunActionsDocument, KommunDocument, KommunWorkDocument } from './kommun-queries';
import { Trend } from './KommunTrend';
import { Actions, period, Reports, Status } from './KommunWork';

type Kommun = NonNullable<KommunQuery['municipality']>;
type Work = NonNullable<KommunWorkQuery['municipality']>;

/** A link within the page: the hash names the route, so it scrolls and focuses instead. */
function Jump({ to, children }: { to: string; children: string }) {
  return (
    <a
      href={`#/kommun/${location.hash.split('/')[2]?.split('?')[0] ?? ''}`}
      onClick={(event) => {
        event.preventDefault();
        const target = document.getElementById(to);
        target?.scrollIntoView({ block: 'start' });
        target?.focus({ preventScroll: true });
      }}
    >
      {children}
    </a>
  );
}

export function KommunPage({ route }: { route: Route }) {
  const code = route.parts[1] ?? '';
  const on = todayInSweden();
  const { data, error, loading } = useQuery(KommunDocument, { code, on }, !/^\d{4}$/.test(code));
  const valid = /^\d{4}$/.test(code);
  const work = useQuery(KommunWorkDocument, { code, on }, !valid).data?.municipality;
  const details = useQuery(KommunActionsDocument, { code }, !valid).data?.municipality?.actions ?? [];
  const kommun = data?.municipality;
  if (!/^\d{4}$/.test(code)) return <NotFound text={`”${code}” är ingen kommunkod (fyra siffror).`} />;
  if (error) return <NotFound text={error} />;
  if (loading && !kommun) return <p aria-busy="true">Kommunen hämtas …</p>;
  if (!kommun) return <NotFound text={`Ingen kommun har koden ${code}.`} />;
  return (
    <article aria-labelledby="rubrik" data-kommun={kommun.code}>
      <h1 id="rubrik">{kommun.name}</h1>
      <p class="lead">
        Kommunkod {kommun.code} · {kommun.county.name} · polisregion {kommun.policeRegion.name} ·{' '}
        <a href={href('karta', { lan: kommun.county.code })}>Visa länet på kartan</a>
      </p>
      <nav class="toc" aria-label="På sidan">
        <Jump to="overenskommelser">Överenskommelser</Jump> <Jump to="medborgarloften">Medborgarlöften</Jump> <Jump to="lagesbilder">Lägesbild och åtgärdsplan</Jump>{' '}
        <Jump to="efterlevnad">Efterlevnad</Jump> <Jump to="trend">Trygghetsmätning</Jump> <Jump to="atgarder">Åtgärder</Jump>
      </nav>
      <div class="kommun-grid">
        <div>
          <Agreements kommun={kommun} />
          <Promises kommun={kommun} />
          <Reports work={work ?? undefined} />
        </div>
        <div>
          <ComplianceVerdict compliance={work?.compliance} on={on} loading={!work} />
          <Trend code={kommun.code} region={kommun.policeRegion.code} regionName={kommun.policeRegion.name} findings={kommun.surveyFindings} />
        </div>
      </div>
      <Actions kommun={kommun} details={details} />
    </article>
  );
}

function NotFound({ text }: { text: string }) {
  return (
    <section aria-labelledby="rubrik">
      <h1 id="rubrik">Kommunen kunde inte visas</h1>
      <p>{text}</p>
      <p>
        <a href={href('karta')}>Till kartan</a>
      </p>
    </section>
  );
}

function ComplianceVerdict({ compliance: c, on, loading }: { compliance: Work['compliance'] | undefined; on: string; loading: boolean }) {
  return (
    <section aria-labelledby="efterlevnad">
      <h2 id="efterlevnad" tabIndex={-1}>
        Efterlevnad av lagen (2023:196) den {on}
      </h2>
      {!c ? (
        <p>{loading ? 'Bedömningen hämtas …' : 'Navet har ingen bedömning för kommunen.'}</p>
      ) : (
        <>
          <p class={c.compliant ? 'verdict ok' : 'verdict not-ok'}>{c.compliant ? 'Uppfyller lagen' : 'Uppfyller inte lagen'}</p>
          {!c.compliant && (
            <ul>
              {complianceReasons({ ...c, municipality: null }).map((reason) => (
                <li>{reason}</li>
              ))}
            </ul>
          )}
          <p>
            Lagen kräver en lägesbild som är högst två år gammal och en åtgärdsplan beslutad efter den. Senaste lägesbild: {c.situationReportDecidedOn ?? 'ingen känd'}
            {c.situationReportJoint ? ' (gemensam med polisen)' : ''}; åtgärdsplan: {c.actionPlanDecidedOn ?? 'ingen känd'}. Pågående åtgärder: {c.ongoingActions}, försenade: {c.overdueActions}.
          </p>
          <p class="sources">Källa: lägesbilderna och åtgärdsplanerna nedan.</p>
        </>
      )}
    </section>
  );
}

function Agreements({ kommun }: { kommun: Kommun }) {
  return (
    <section aria-labelledby="overenskommelser">
      <h2 id="overenskommelser" tabIndex={-1}>
        Samverkansöverenskommelser
      </h2>
      {kommun.agreements.length === 0 && <p>Navet känner ingen överenskommelse för kommunen.</p>}
      {kommun.agreements.map((a) => (
        <div class="record" data-agreement={a.id}>
          <h3>
            {a.title} <Status status={a.status} />
          </h3>
          <dl class="facts">
            <div>
              <dt>Giltighet</dt>
              <dd>
                {period(a.validFrom ?? a.startsOn, a.validTo)}
                {!a.validToKnown && a.assumedValidTo ? ` (inget slutdatum angivet; räknas som gällande till ${a.assumedValidTo})` : ''}
              </dd>
            </div>
            {a.signedOn && (
              <div>
                <dt>Undertecknad</dt>
                <dd>{a.signedOn}</dd>
              </div>
            )}
            {a.decidedOn && (
              <div>
                <dt>Beslutad</dt>
                <dd>
                  {a.decidedOn}
                  {a.decidedBy ? ` av ${a.decidedBy}` : ''}
                </dd>
              </div>
            )}
            <div>
              <dt>Polisen som part</dt>
              <dd>{a.policeParty && 'name' in a.policeParty ? a.policeParty.name : (a.policePartyName ?? '–')}</dd>
            </div>
          </dl>
          {a.purpose && <p>Syfte: {a.purpose}</p>}
          {a.focusAreas.length > 0 && (
            <>
              <h4>Fokusområden</h4>
              <ol>
                {a.focusAreas.map((f) => (
                  <li>
                    {f.title}
                    {/* The catalogue's name too, unless the agreement's own title already says it (e.g. "… (ANDTS)"). */}
                    {f.title.includes(f.focusArea.name) ? '' : ` (${f.focusArea.name})`}
                  </li>
                ))}
              </ol>
            </>
          )}
          {a.signatories.length > 0 && (
            <>
              <h4>Undertecknare</h4>
              <ul>
                {a.signatories.map((s) => (
                  <li>
                    {s.name}, {s.title} ({PARTY_WORDS[s.party]})
                  </li>
                ))}
              </ul>
            </>
          )}
          {a.commitments.length > 0 && (
            <>
              <h4>Åtaganden</h4>
              <ul>
                {a.commitments.map((c) => (
                  <li>{c.text}</li>
                ))}
              </ul>
            </>
          )}
          <Sources sources={a.sources} />
        </div>
      ))}
    </section>
  );
}

function Promises({ kommun }: { kommun: Kommun }) {
  return (
    <section aria-labelledby="medborgarloften">
      <h2 id="medborgarloften" tabIndex={-1}>
        Medborgarlöften
      </h2>
      {kommun.citizenPromises.length === 0 && <p>Navet känner inget medborgarlöfte för kommunen.</p>}
      {kommun.citizenPromises.map((p) => (
        <div class="record">
          <h3>
            {p.title} <Status status={p.status} />
          </h3>
          <p>
            {period(p.validFrom, p.validTo)}
            {p.decidedOn ? ` · beslutat ${p.decidedOn}${p.decidedBy ? ` av ${p.decidedBy}` : ''}` : ''}
            {p.agreement ? ` · hör till ${p.agreement.title}` : ''}
          </p>
          <ol>
            {p.promises.map((item) => (
              <li>{item.text}</li>
            ))}
          </ol>
          <Sources sources={p.sources} />
        </div>
      ))}
    </section>
  );
}
