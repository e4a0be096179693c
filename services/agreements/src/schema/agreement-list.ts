import { badInput, isoDateToUtc, Keyset, todayInSweden } from '@samverkan/schema';
import { visibleAgreementsWhere } from '../lifecycle/access';
import { addDays, assumedEndBy, endOf, type LifecycleStatus, statusWhere } from '../lifecycle/status';
import { builder } from '../builder';
import type { Prisma } from '../generated/prisma/client';
import { Agreement } from './agreement';
import { LifecycleStatusEnum } from './lifecycle';

/*
 * Lists of agreements: a filtered page (`agreements`) and those about to expire.
 */

/** Filter of `agreements`. */
const AgreementFilter = builder.inputType('AgreementFilter', {
  description: 'Urval: which agreements to list. All given conditions must hold.',
  fields: (t) => ({
    municipality: t.field({ type: 'MunicipalityCode', description: 'Kommun: only this kommun\'s agreements.' }),
    localPoliceArea: t.id({ description: 'Lokalpolisområde: only agreements this area signs.' }),
    policeRegion: t.id({ description: 'Polisregion: only agreements of kommuner in this region (e.g. SYD).' }),
    county: t.id({ description: 'Län: only agreements of kommuner in this county (e.g. "12").' }),
    status: t.field({ type: LifecycleStatusEnum, description: 'Status: only agreements with this status on `on`.' }),
    on: t.field({ type: 'Date', description: 'The day `status` is judged on; today in Sweden when left out.' }),
    focusArea: t.id({ description: 'Fokusområde: only agreements with this catalogue area (e.g. ELDERLY).' }),
    search: t.string({ description: 'Fritext: the text as it stands (any case) within the title, purpose, goals or a fokusområde\'s title or text. For Swedish full-text search (word forms, word starts, ranked) over agreements, medborgarlöften and åtgärder, use `search`.' }),
    firstInSweden: t.boolean({ description: 'Först i landet: only agreements whose kommun claims (true) or does not claim (false) to be the first in Sweden.' }),
  }),
});

interface AgreementFilterValue {
  municipality?: string | null;
  localPoliceArea?: string | number | null;
  policeRegion?: string | number | null;
  county?: string | number | null;
  status?: LifecycleStatus | null;
  on?: string | null;
  focusArea?: string | number | null;
  search?: string | null;
  firstInSweden?: boolean | null;
}

function filterWhere(filter: AgreementFilterValue | null | undefined): Prisma.AgreementWhereInput {
  if (!filter) return {};
  const and: Prisma.AgreementWhereInput[] = [];
  if (filter.municipality) and.push({ municipalityCode: filter.municipality });
  if (filter.localPoliceArea != null) and.push({ localPoliceAreas: { some: { localPoliceAreaId: String(filter.localPoliceArea) } } });
  if (filter.policeRegion != null) and.push({ municipality: { county: { policeRegionCode: String(filter.policeRegion) } } });
  if (filter.county != null) and.push({ municipality: { countyCode: String(filter.county) } });
  if (filter.focusArea != null) and.push({ focusAreas: { some: { focusAreaCode: String(filter.focusArea) } } });
  if (filter.firstInSweden != null) and.push({ firstInSwedenClaim: filter.firstInSweden ? { not: null } : null });
  if (filter.status) and.push(statusWhere(filter.status, filter.on ?? todayInSweden()));
  else if (filter.on) throw badInput('`on` is the day `status` is judged on: give a status too.', { field: 'on' });
  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) throw badInput('The search text is longer than 200 characters.', { field: 'search' });
    // Prisma passes `contains` into an ILIKE pattern as it is: its wildcards are escaped so that the text is literal.
    const contains = { contains: literalInPattern(search), mode: 'insensitive' as const };
    and.push({
      OR: [{ title: contains }, { purpose: contains }, { goals: contains }, { focusAreas: { some: { OR: [{ title: contains }, { description: contains }] } } }],
    });
  }
  return and.length ? { AND: and } : {};
}

/** Text as a LIKE pattern that matches only itself: PostgreSQL's escape character, a backslash, before each backslash, % and _. */
function literalInPattern(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

interface AgreementEdgeShape {
  cursor: string;
  node: Prisma.AgreementGetPayload<object>;
}
interface AgreementConnectionShape {
  edges: AgreementEdgeShape[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  totalCount: number;
}

const AgreementEdge = builder.objectRef<AgreementEdgeShape>('AgreementEdge').implement({
  description: 'One agreement in a page of results.',
  fields: (t) => ({
    cursor: t.exposeString('cursor', { description: 'Markör: pass it as `after` to continue after this agreement.' }),
    node: t.field({ type: Agreement, description: 'The agreement.', resolve: (edge) => edge.node }),
  }),
});

const PageInfo = builder.objectRef<AgreementConnectionShape['pageInfo']>('AgreementPageInfo').implement({
  description: 'Sidinformation: whether there is more after this page.',
  fields: (t) => ({
    hasNextPage: t.exposeBoolean('hasNextPage', { description: 'True when more agreements follow.' }),
    endCursor: t.exposeString('endCursor', { nullable: true, description: 'The last cursor of this page; pass it as `after` for the next.' }),
  }),
});

const AgreementConnection = builder.objectRef<AgreementConnectionShape>('AgreementConnection').implement({
  description: 'A page of agreements, by kommun code, newest first within a kommun.',
  fields: (t) => ({
    edges: t.field({ type: [AgreementEdge], description: 'The agreements of this page.', resolve: (c) => c.edges }),
    pageInfo: t.field({ type: PageInfo, description: 'Whether more follow.', resolve: (c) => c.pageInfo }),
    totalCount: t.exposeInt('totalCount', { description: 'How many agreements match the filter in all.' }),
  }),
});

/** The list's order (kommun, newest start first, then id) and cursors, by the shared page helper; its own sizes: 20 by default, at most 200. */
const AGREEMENT_PAGES = new Keyset<Prisma.AgreementGetPayload<object>>(
  'agreements',
  [
    { field: 'municipalityCode', direction: 'asc' },
    { field: 'validFrom', direction: 'desc', nulls: 'last' },
    { field: 'id', direction: 'asc' },
  ],
  { defaultSize: 20, maxSize: 200 },
);

builder.queryFields((t) => ({
  agreements: t.field({
    type: AgreementConnection,
    description: 'Samverkansöverenskommelser: a page of agreements matching the filter.',
    args: {
      filter: t.arg({ type: AgreementFilter, description: 'Urval.' }),
      first: t.arg.int({ defaultValue: 20, description: 'How many to return, 1–200.' }),
      after: t.arg.string({ description: 'Continue after this cursor.' }),
    },
    resolve: (_root, args, context) => {
      const where: Prisma.AgreementWhereInput = { AND: [visibleAgreementsWhere(context.actor), filterWhere(args.filter as AgreementFilterValue)] };
      return AGREEMENT_PAGES.page(
        { first: args.first, after: args.after },
        (page) => context.db.agreement.findMany({ where: { AND: [where, page.where as Prisma.AgreementWhereInput] }, orderBy: page.orderBy as Prisma.AgreementOrderByWithRelationInput[], take: page.take }),
        () => context.db.agreement.count({ where }),
      );
    },
  }),
  expiringAgreements: t.prismaField({
    type: ['Agreement'],
    description: 'Utgående: agreements in force on `on` whose validity ends within `within` days, soonest first. Only stated ends, unless `includeAssumedEnds`.',
    args: {
      within: t.arg.int({ required: true, description: 'Days ahead, 1–3650.' }),
      on: t.arg({ type: 'Date', description: 'The day to look ahead from; today in Sweden when left out.' }),
      includeAssumedEnds: t.arg.boolean({
        defaultValue: false,
        description: 'Also agreements with no stated end whose assumed end (`assumedValidTo`: SAMVERKAN_OPEN_END_YEARS after the start) falls within `within` days.',
      }),
    },
    resolve: async (query, _root, args, context) => {
      if (args.within < 1 || args.within > 3650) throw badInput(`\`within\` must be between 1 and 3650 days, got ${args.within}.`, { field: 'within' });
      const on = args.on ?? todayInSweden();
      const until = addDays(on, args.within);
      const ends: Prisma.AgreementWhereInput[] = [{ validTo: { not: null, lte: isoDateToUtc(until) } }];
      if (args.includeAssumedEnds) ends.push(assumedEndBy(until));
      const where = { AND: [visibleAgreementsWhere(context.actor), statusWhere('ACTIVE', on), { OR: ends }] };
      if (!args.includeAssumedEnds) return context.db.agreement.findMany({ ...query, where, orderBy: [{ validTo: 'asc' }, { municipalityCode: 'asc' }] });
      // An assumed end is no column to sort on: the order is the end the status rule reads, then the kommun.
      const rows = await context.db.agreement.findMany({ ...query, where });
      const key = (row: (typeof rows)[number]) => `${endOf(row)}|${row.municipalityCode}`;
      return rows.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    },
  }),
}));
