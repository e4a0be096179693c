/**
 * An example kommun app: signs in with a kommun user's token, lists the kommun's actions page by
 * page, creates an action, changes it at the version it read, and shows what a conflict looks like
 * (a second change at the old version) and how to recover from it (read again, redo the change).
 *
 *   HUB_URL=http://localhost:4000/graphql HUB_TOKEN=$(npm run -s token -- --role kommun --kommun 1281) npm start
 *
 * Settings: HUB_URL (default http://localhost:4000/graphql), HUB_TOKEN (required), HUB_PAGE_SIZE
 * (actions per page, default 25).
 */
import type { ActionsPageQuery } from './generated/graphql';
import { createHub, HubError } from './hub';
import { ActionById, ActionsPage, CreateAction, UpdateAction, Viewer } from './operations';

async function main(): Promise<void> {
  const url = process.env.HUB_URL || 'http://localhost:4000/graphql';
  const token = process.env.HUB_TOKEN;
  if (!token) {
    console.error('Set HUB_TOKEN to a kommun user\'s token (in development: npm run -s token -- --role kommun --kommun 1281).');
    process.exit(2);
  }
  const pageSize = Number(process.env.HUB_PAGE_SIZE || 25);
  const hub = createHub({ url, token });

  // 1. Who am I? A kommun user's token names the kommun.
  const { viewer } = await hub(Viewer, {});
  const kommun = viewer.municipalityCode;
  if (viewer.role !== 'kommun' || !kommun) {
    console.error(`This app is for a kommun user; the token is a ${viewer.role} user's.`);
    process.exit(2);
  }
  console.log(`Signed in to ${url} as a user of kommun ${kommun}.`);

  // 2. The kommun's actions, page by page: each page ends with a cursor to ask for the next.
  let after: string | null = null;
  let pages = 0;
  let listed = 0;
  let total = 0;
  do {
    const { actions }: ActionsPageQuery = await hub(ActionsPage, { municipality: kommun, first: pageSize, after });
    pages += 1;
    total = actions.totalCount;
    for (const { node } of actions.edges) {
      listed += 1;
      console.log(`  ${node.startsOn ?? '(no start)'}  ${node.status.padEnd(9)}  ${node.title}`);
    }
    after = actions.pageInfo.hasNextPage ? actions.pageInfo.endCursor : null;
  } while (after);
  console.log(`Listed ${listed} of ${total} actions in ${pages} page(s) of at most ${pageSize}.`);

  // 3. A new action: at least one responsible party, exactly one of them the lead.
  const { createAction: created } = await hub(CreateAction, {
    input: {
      municipalityCode: kommun,
      title: 'Trygghetsvandring i centrum',
      method: 'trygghetsvandring',
      visibility: 'PUBLIC',
      responsible: [{ kind: 'MUNICIPAL_DEPARTMENT', name: 'Kommunledningskontoret', lead: true }],
    },
  });
  console.log(`Created action ${created.id} "${created.title}" (${created.status}, version ${created.version}).`);

  // 4. A change names the version it was read at.
  const { updateAction: updated } = await hub(UpdateAction, {
    id: created.id,
    version: created.version,
    changes: { description: 'Kvällsvandring med fastighetsägare, polis och boende.' },
  });
  console.log(`Updated action ${updated.id}: version ${created.version} → ${updated.version}.`);

  // 5. A second change at the old version (as another user's stale screen would send it) is refused.
  try {
    await hub(UpdateAction, { id: created.id, version: created.version, changes: { place: 'Stortorget' } });
    console.log('Unexpected: the stale change was accepted.');
    process.exitCode = 1;
  } catch (error) {
    if (!(error instanceof HubError) || error.code !== 'CONFLICT') throw error;
    console.log(`Conflict, as expected: ${error.message} Current version: ${String(error.extensions.currentVersion)}.`);
    // Recover: read the action again, look at what changed, redo the change at the current version.
    const { action } = await hub(ActionById, { id: created.id });
    if (!action) throw new Error(`Action ${created.id} is gone.`);
    console.log(`Read it again at version ${action.version} (description: "${action.description ?? ''}"); redoing the change.`);
    const { updateAction: redone } = await hub(UpdateAction, { id: action.id, version: action.version, changes: { place: 'Stortorget' } });
    console.log(`Updated action ${redone.id}: version ${action.version} → ${redone.version}, place "${redone.place ?? ''}".`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof HubError ? `The hub refused: ${error.message} (${error.code ?? 'no code'})` : error);
  process.exit(1);
});
