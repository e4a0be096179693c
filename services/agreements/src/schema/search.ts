import { builder } from '../builder';
import type { Agreement as AgreementRow, CitizenPromise as CitizenPromiseRow } from '../generated/prisma/client';
import { decodeSearchId, encodeSearchId, type SearchArguments, searchArguments, SEARCH_FIRST_DEFAULT, SEARCH_FIRST_MAX, SEARCH_TEXT_MAX } from '../search/arguments';
import { type Hit, searchAgreements, searchCitizenPromises } from '../search/search';
import { Agreement } from './agreement';
import { CitizenPromise } from './citizen-promise';

/*
 * Sök: Swedish full-text search. `search` answers a `SearchResult`, an entity keyed by an id that
 * carries the search's arguments: this subgraph adds the agreements and medborgarlöften that match,
 * the actions subgraph its åtgärder, so one query asks all three in one fetch per subgraph.
 */

interface SearchResultShape {
  id: string;
  args: SearchArguments;
}

const resultOf = (args: SearchArguments): SearchResultShape => ({ id: encodeSearchId(args), args });

type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** The fields every kind of hit has besides its record. */
function hitFields<Row>(t: PothosSchemaTypes.ObjectFieldBuilder<SchemaTypes, Hit<Row>>) {
  return {
    rank: t.float({ description: 'Rang: how well it matches (higher is better; a title weighs most); hits come best first, then by id.', resolve: (hit) => hit.rank }),
    snippet: t.string({
      description: 'Utdrag: the text around the matches, each match in «». A record found through a fokusområde or a löfte shows that text.',
      resolve: (hit) => hit.snippet,
    }),
  };
}

const AgreementHit = builder.objectRef<Hit<AgreementRow>>('AgreementHit').implement({
  description: 'Träff: a samverkansöverenskommelse that matches a search (its title, syfte, mål, uppföljning or a fokusområde).',
  fields: (t) => ({ agreement: t.field({ type: Agreement, description: 'Samverkansöverenskommelsen.', resolve: (hit) => hit.record }), ...hitFields(t) }),
});

const CitizenPromiseHit = builder.objectRef<Hit<CitizenPromiseRow>>('CitizenPromiseHit').implement({
  description: 'Träff: a medborgarlöfte that matches a search (its title or one of its löften).',
  fields: (t) => ({ citizenPromise: t.field({ type: CitizenPromise, description: 'Medborgarlöftet.', resolve: (hit) => hit.record }), ...hitFields(t) }),
});

const SearchResult = builder.objectRef<SearchResultShape>('SearchResult').implement({
  description:
    'Sökresultat: the records of every kind that match a search, each list best first and holding what the caller may see. ' +
    'Agreements and medborgarlöften come from the agreements subgraph, åtgärder from the actions subgraph.',
  fields: (t) => ({
    id: t.exposeID('id', { description: 'Id: the search\'s arguments, encoded; the same search has the same id.' }),
    text: t.string({ description: 'Söktext: the text searched for, trimmed.', resolve: (result) => result.args.text }),
    agreements: t.field({
      type: [AgreementHit],
      description: 'Samverkansöverenskommelser that match, at most `first`.',
      resolve: (result, _args, context) => searchAgreements(context, result.args),
    }),
    citizenPromises: t.field({
      type: [CitizenPromiseHit],
      description: 'Medborgarlöften that match, at most `first`.',
      resolve: (result, _args, context) => searchCitizenPromises(context, result.args),
    }),
  }),
});

builder.asEntity(SearchResult, {
  key: builder.selection<{ id: string }>('id'),
  resolveReference: ({ id }) => resultOf(decodeSearchId(id)),
});

builder.queryField('search', (t) =>
  t.field({
    type: SearchResult,
    description:
      'Sök: Swedish full-text search over samverkansöverenskommelser, medborgarlöften and åtgärder. Every word of the text must ' +
      'match, as a word or the start of one ("kamera" finds "kamerabevakning"), in Swedish word forms; the text is taken literally ' +
      '(no operators, no wildcards). Each kind of record in its own list, best first.',
    args: {
      text: t.arg.string({ required: true, description: `Söktext: words to find, at most ${SEARCH_TEXT_MAX} characters.` }),
      municipality: t.arg({ type: 'MunicipalityCode', description: 'Kommun: only records of this kommun.' }),
      policeRegion: t.arg.id({ description: 'Polisregion: only records of kommuner in this region (e.g. SYD).' }),
      first: t.arg.int({ defaultValue: SEARCH_FIRST_DEFAULT, description: `How many of each kind to return, 1–${SEARCH_FIRST_MAX}.` }),
    },
    resolve: (_root, args) => resultOf(searchArguments(args)),
  }),
);
