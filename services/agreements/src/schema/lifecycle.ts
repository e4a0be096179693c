import type { InputObjectRef } from '@pothos/core';
import type { AgreementDraftInput } from '../agreements/write';
import type { CitizenPromiseDraftInput } from '../citizen-promises/write';
import type { LifecycleWrites } from '../lifecycle/steps';
import { builder } from '../builder';
import type { PrismaClient } from '../db';
import type PrismaTypes from '../generated/pothos-types';

/*
 * What agreements and medborgarlöften share: their status, the parties, signatories and sources,
 * and the mutations of their lifecycle (write a draft, rewrite it, approve, withdraw, supersede),
 * declared once for both kinds.
 */

export const LifecycleStatusEnum = builder.enumType('AgreementStatus', {
  description: 'Status: where an agreement or a medborgarlöfte stands on a given day.',
  values: {
    DRAFT: { description: 'Utkast: not yet approved by both the kommun and the police.' },
    COMMISSIONED: { description: 'Uppdrag: decided to be produced (e.g. a medborgarlöfte a kommun commissioned); no signed text is known, so it is never in force.' },
    UPCOMING: { description: 'Kommande: signed, its validity has not started.' },
    ACTIVE: { description: 'Gällande: signed and in force: on or after its start, and on or before its stated end or, with no stated end, within the years SAMVERKAN_OPEN_END_YEARS allows (see `assumedValidTo`).' },
    EXPIRED: { description: 'Utgången: its validity has ended (its stated end, or the assumed end of an open one, has passed).' },
    SUPERSEDED: { description: 'Ersatt: a later agreement has taken over.' },
    WITHDRAWN: { description: 'Återkallad: withdrawn by a party.' },
    UNDATED: { description: 'Odaterad: signed, but the sources give no start (no validity, signing or decision date), so it is never counted as in force.' },
  } as const,
});

export const PartyEnum = builder.enumType('Party', {
  description: 'Part: which side of the cooperation.',
  values: {
    MUNICIPALITY: { description: 'Kommunen.' },
    POLICE: { description: 'Polisen (the lokalpolisområde).' },
  } as const,
});

/** The description of the `on` argument of a record's `status`. */
export const ON_DESCRIPTION = 'The day to judge the status on (YYYY-MM-DD); today in Sweden when left out.';

builder.prismaObject('Signatory', {
  description: 'Undertecknare: a person who signs for one party.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'Namn.' }),
    title: t.exposeString('title', { description: 'Titel: e.g. kommunstyrelsens ordförande, lokalpolisområdeschef.' }),
    party: t.field({ type: PartyEnum, description: 'Part: the side the person signs for.', resolve: (s) => s.party }),
  }),
});

export const SignatoryInput = builder.inputType('SignatoryInput', {
  description: 'Undertecknare: a person who signs for one party.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'Namn.' }),
    title: t.string({ required: true, description: 'Titel, e.g. kommunstyrelsens ordförande.' }),
    party: t.field({ type: PartyEnum, required: true, description: 'Part.' }),
  }),
});

builder.prismaObject('SourceDocument', {
  description: 'Källa: a public document that a record\'s facts come from.',
  fields: (t) => ({
    title: t.exposeString('title', { description: 'Titel.' }),
    publishedOn: t.field({ type: 'Date', nullable: true, description: 'Datum: as the document gives it, if it does.', resolve: (d) => d.publishedOn }),
    url: t.exposeString('url', { nullable: true, description: 'Adress (URL), if known.' }),
    note: t.exposeString('note', { nullable: true, description: 'Anmärkning: how the record reads the document.' }),
  }),
});

export const SourceDocumentInput = builder.inputType('SourceDocumentInput', {
  description: 'Källa: a public document the facts come from.',
  fields: (t) => ({
    title: t.string({ required: true, description: 'Titel.' }),
    publishedOn: t.field({ type: 'Date', description: 'Datum, if the document gives one.' }),
    url: t.string({ description: 'Adress (http or https).' }),
    note: t.string({ description: 'Anmärkning.' }),
  }),
});

/** This subgraph's schema types, as its builder has them. */
type SchemaTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer Types> ? Types : never;

/** The record types that go through the lifecycle. */
type LifecycleType = 'Agreement' | 'CitizenPromise';

/** A draft's input, of either kind. */
type LifecycleInput = AgreementDraftInput | CitizenPromiseDraftInput;

/**
 * How the lifecycle mutations of one kind of record are named, described, written and read back.
 * The mutations are declared once for both kinds (on the unions of their types); each kind gives its
 * own input and model types here, and its methods take them.
 */
export interface LifecycleMutationKind<Type extends LifecycleType = LifecycleType, Input extends LifecycleInput = LifecycleInput> {
  /** The record's type; the mutations are named after it (createAgreementDraft, approveAgreement, ...). */
  type: Type;
  /** The record's name in argument descriptions, e.g. "agreement". */
  noun: string;
  /** The draft's input type. */
  input: InputObjectRef<SchemaTypes, Input>;
  writes: LifecycleWrites<Input>;
  /** The record as the mutation answers it, with the fields its query selects. */
  readBack(db: PrismaClient, query: { include?: PrismaTypes[Type]['Include']; select?: PrismaTypes[Type]['Select'] }, id: string): Promise<PrismaTypes[Type]['Shape']>;
  /** The descriptions of the mutations, and of the `version` argument where it says more than "The version you read.". */
  descriptions: Record<'create' | 'update' | 'approve' | 'withdraw' | 'supersede' | 'updateVersion' | 'approveVersion' | 'supersedeVersion', string>;
}

/**
 * The five mutations of one kind of record. Every write checks who is asking (a user of the kommun
 * or police of a signing lokalpolisområde), runs in one transaction, and takes the version the
 * client read so that no change is lost and no party signs what it never read (required to rewrite
 * a draft, approve or withdraw; to supersede, a version left out is not checked).
 */
export function lifecycleMutationFields<Type extends LifecycleType, Input extends LifecycleInput>(ownKind: LifecycleMutationKind<Type, Input>): void {
  // The fields are typed once, on the unions of both kinds' types (Pothos cannot type a field on a
  // type parameter); each kind's input type and model keep its own methods to its own types.
  const kind: LifecycleMutationKind = ownKind;
  const the = `The ${kind.noun}.`;
  builder.mutationFields((t) => ({
    [`create${kind.type}Draft`]: t.prismaField({
      type: kind.type,
      description: kind.descriptions.create,
      args: { input: t.arg({ type: kind.input, required: true, description: 'The draft.' }) },
      resolve: async (query, _root, args, context) => kind.readBack(context.db, query, await kind.writes.createDraft(context.db, context, args.input)),
    }),
    [`update${kind.type}Draft`]: t.prismaField({
      type: kind.type,
      description: kind.descriptions.update,
      args: {
        id: t.arg.id({ required: true, description: the }),
        version: t.arg.int({ required: true, description: kind.descriptions.updateVersion }),
        input: t.arg({ type: kind.input, required: true, description: 'The whole new content.' }),
      },
      resolve: async (query, _root, args, context) => {
        await kind.writes.updateDraft(context.db, context, String(args.id), args.version, args.input);
        return kind.readBack(context.db, query, String(args.id));
      },
    }),
    [`approve${kind.type}`]: t.prismaField({
      type: kind.type,
      description: kind.descriptions.approve,
      args: {
        id: t.arg.id({ required: true, description: the }),
        version: t.arg.int({ required: true, description: kind.descriptions.approveVersion }),
        signedOn: t.arg({ type: 'Date', description: 'The signing day, when this approval completes it; today by default.' }),
      },
      resolve: async (query, _root, args, context) => {
        await kind.writes.approve(context.db, context, String(args.id), args.version, args.signedOn ?? null);
        return kind.readBack(context.db, query, String(args.id));
      },
    }),
    [`withdraw${kind.type}`]: t.prismaField({
      type: kind.type,
      description: kind.descriptions.withdraw,
      args: {
        id: t.arg.id({ required: true, description: the }),
        version: t.arg.int({ required: true, description: `The version you read of the ${kind.noun}; a newer one is a conflict.` }),
        on: t.arg({ type: 'Date', description: 'From this day; today by default.' }),
      },
      resolve: async (query, _root, args, context) => {
        await kind.writes.withdraw(context.db, context, String(args.id), args.version, args.on ?? null);
        return kind.readBack(context.db, query, String(args.id));
      },
    }),
    [`supersede${kind.type}`]: t.prismaField({
      type: kind.type,
      description: kind.descriptions.supersede,
      args: {
        id: t.arg.id({ required: true, description: `The ${kind.noun} being superseded.` }),
        by: t.arg.id({ required: true, description: `The ${kind.noun} that takes over.` }),
        version: t.arg.int({ description: kind.descriptions.supersedeVersion }),
      },
      resolve: async (query, _root, args, context) => {
        await kind.writes.supersede(context.db, context, String(args.id), String(args.by), args.version ?? null);
        return kind.readBack(context.db, query, String(args.id));
      },
    }),
  }));
}
