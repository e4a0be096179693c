import { recordLoader } from '@samverkan/schema';
import { builder, type Context } from '../builder';
import { policeUnitIn } from '../lifecycle/access';
import type { LocalPoliceArea as AreaRow, PoliceDistrict as DistrictRow, PoliceRegion as RegionRow } from '../generated/prisma/client';
import { Agreement } from './agreement';
import { CitizenPromise } from './citizen-promise';
import { LocalPoliceArea, PoliceRegion } from './geography';
import { PoliceDistrict } from './police-organisation';
import { Viewer } from './viewer';

/*
 * The police party of an agreement or a medborgarlöfte: a lokalpolisområde, or, where no
 * lokalpolisområde is registered for the kommun, a polisområde or the polisregion; and the party's
 * name as the source writes it where it is no registered unit.
 */

export const PoliceUnit = builder.unionType('PoliceUnit', {
  description: 'Polisenhet: a lokalpolisområde, a polisområde or a polisregion.',
  types: [LocalPoliceArea, PoliceDistrict, PoliceRegion],
  resolveType: (unit) => ('code' in unit ? 'PoliceRegion' : 'nameStated' in unit ? 'LocalPoliceArea' : 'PoliceDistrict'),
});

type Unit = AreaRow | DistrictRow | RegionRow;

const regionLoader = recordLoader<Context, string, RegionRow>((codes, context) => context.db.policeRegion.findMany({ where: { code: { in: [...codes] } } }), (r) => r.code);
const districtLoader = recordLoader<Context, string, DistrictRow>((ids, context) => context.db.policeDistrict.findMany({ where: { id: { in: [...ids] } } }), (d) => d.id);
const areaLoader = recordLoader<Context, string, AreaRow>((ids, context) => context.db.localPoliceArea.findMany({ where: { id: { in: [...ids] } } }), (a) => a.id);

/** A record's police party from its columns: its (first) lokalpolisområde, else its polisområde, else its polisregion. */
function partyOf(record: { areaId: string | null; policeDistrictId: string | null; policeRegionCode: string | null }, context: Context): Promise<Unit | null> | null {
  if (record.areaId) return areaLoader(context).load(record.areaId);
  if (record.policeDistrictId) return districtLoader(context).load(record.policeDistrictId);
  if (record.policeRegionCode) return regionLoader(context).load(record.policeRegionCode);
  return null;
}

const PARTY_DESCRIPTION =
  'Polisen som part: the police unit that signs — a lokalpolisområde (the first of `localPoliceAreas` where several sign), or where no lokalpolisområde covered the kommun a polisområde or the polisregion. Null where the party is no registered unit (see `policePartyName`).';
const NAME_DESCRIPTION = 'Polispart (namn): the police party as the source writes it, where it is no registered unit (e.g. "Närpolisen i Landskrona"); else null.';

builder.prismaObjectFields(Agreement, (t) => ({
  policeParty: t.field({
    type: PoliceUnit,
    nullable: true,
    description: PARTY_DESCRIPTION,
    select: { localPoliceAreas: { select: { localPoliceAreaId: true }, orderBy: { localPoliceAreaId: 'asc' }, take: 1 }, policeDistrictId: true, policeRegionCode: true },
    resolve: (agreement, _args, context) => partyOf({ ...agreement, areaId: agreement.localPoliceAreas[0]?.localPoliceAreaId ?? null }, context),
  }),
  policePartyName: t.exposeString('policePartyName', { nullable: true, description: NAME_DESCRIPTION }),
}));

builder.prismaObjectFields(CitizenPromise, (t) => ({
  policeParty: t.field({
    type: PoliceUnit,
    nullable: true,
    description: PARTY_DESCRIPTION,
    select: { localPoliceAreaId: true, policeDistrictId: true, policeRegionCode: true },
    resolve: (promise, _args, context) => partyOf({ ...promise, areaId: promise.localPoliceAreaId }, context),
  }),
  policePartyName: t.exposeString('policePartyName', { nullable: true, description: NAME_DESCRIPTION }),
}));

builder.objectFields(Viewer, (t) => ({
  policeUnit: t.field({
    type: PoliceUnit,
    nullable: true,
    description:
      'Polisenhet: the unit a police user speaks for — the most specific the token names (lokalpolisområde, polisområde, else polisregion). Null for other users, and for a token naming a unit the hub does not have in its region (such a user has no police rights).',
    resolve: (actor, _args, context) => {
      const unit = actor.role === 'police' ? policeUnitIn(context.accessOrganisation, actor) : null;
      if (!unit) return null;
      return partyOf({ areaId: unit.kind === 'LPO' ? unit.id : null, policeDistrictId: unit.kind === 'DISTRICT' ? unit.id : null, policeRegionCode: unit.kind === 'REGION' ? unit.id : null }, context);
    },
  }),
}));
