import { builder } from '../builder';
import { type ActionHit, actionSearchOf, type ActionSearch, searchActions } from '../search/search';
import { Action } from './action';

/*
 * Sök: the åtgärder of a search. The agreements subgraph owns `search` and its `SearchResult`, whose
 * id carries the search's arguments; this subgraph adds the matching åtgärder to it.
 */

const ActionHitRef = builder.objectRef<ActionHit>('ActionHit').implement({
  description: 'Träff: an åtgärd that matches a search (its title, description, place or method).',
  fields: (t) => ({
    action: t.field({ type: Action, description: 'Åtgärden.', resolve: (hit) => hit.action }),
    rank: t.float({ description: 'Rang: how well it matches (higher is better; the title weighs most); hits come best first, then by id.', resolve: (hit) => hit.rank }),
    snippet: t.exposeString('snippet', { description: 'Utdrag: the text around the matches, each match in «».' }),
  }),
});

const SearchResultRef = builder.externalRef('SearchResult', builder.selection<{ id: string }>('id'), ({ id }): { id: string; search: ActionSearch } => ({
  id,
  search: actionSearchOf(id),
}));

SearchResultRef.implement({
  externalFields: (t) => ({ id: t.id({ description: 'Id: the search\'s arguments, encoded.' }) }),
  fields: (t) => ({
    actions: t.field({
      type: [ActionHitRef],
      description: 'Åtgärder that match, at most `first`, best first; PARTIES åtgärder only for those who may see them.',
      resolve: (result, _args, context) => searchActions(context, result.search),
    }),
  }),
});
