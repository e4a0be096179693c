import type { Actor } from '@samverkan/schema';
import { builder } from '../builder';

/** The actor as this subgraph sees it (from the gateway's signed hop). */
export const Viewer = builder.objectRef<Actor>('Viewer').implement({
  description: 'Användare: who is asking, as the hub understood the bearer token. Anonymous without a token.',
  fields: (t) => ({
    role: t.string({ description: 'Roll: anonymous, kommun, police, analyst or admin.', resolve: (actor) => actor.role }),
    municipalityCode: t.string({
      nullable: true,
      description: 'Kommunkod: the kommun of a kommun user.',
      resolve: (actor) => (actor.role === 'kommun' ? actor.municipalityCode : null),
    }),
    localPoliceAreaId: t.string({
      nullable: true,
      description: 'Lokalpolisområde: the area of a police user, where the token names one.',
      resolve: (actor) => (actor.role === 'police' ? (actor.localPoliceAreaId ?? null) : null),
    }),
    policeDistrictId: t.string({
      nullable: true,
      description: 'Polisområde: the polisområde of a police user, where the token names one.',
      resolve: (actor) => (actor.role === 'police' ? (actor.policeDistrictId ?? null) : null),
    }),
    policeRegionCode: t.string({
      nullable: true,
      description: 'Polisregion: the region of a police user or an analyst.',
      resolve: (actor) => (actor.role === 'police' || actor.role === 'analyst' ? actor.policeRegionCode : null),
    }),
  }),
});

builder.queryField('viewer', (t) =>
  t.field({
    type: Viewer,
    description: 'Användare: who is asking, as the hub understood the request.',
    resolve: (_root, _args, context) => context.actor,
  }),
);
