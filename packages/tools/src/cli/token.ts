#!/usr/bin/env node
/**
 * Prints a development token (HS256, signed with SAMVERKAN_JWT_SECRET or the development secret):
 *
 *   npm run token -- --role kommun --kommun 1281
 *   npm run token -- --role police --region SYD --lpo lund          (police of a lokalpolisområde)
 *   npm run token -- --role police --region SYD --district ID      (police of a polisområde)
 *   npm run token -- --role police --region NORD                   (police of a whole polisregion)
 *   npm run token -- --role analyst --region SYD
 *   npm run token -- --role admin
 *
 * Options: --sub NAME (default dev-<role>), --expires 8h. Use it as `Authorization: Bearer <token>`.
 */
import { type Actor, actorFromClaims, type AnonymousActor, InvalidActorError } from '@samverkan/schema';
import { DEVELOPMENT_JWT_SECRET, signDevelopmentToken } from '@samverkan/schema';

function parseArgs(argv: string[]): Record<string, string> {
  const args: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const key = argv[i]!;
    if (!key.startsWith('--')) throw new InvalidActorError(`unexpected argument "${key}"`);
    const value = argv[i + 1];
    if (value === undefined || value.startsWith('--')) throw new InvalidActorError(`${key} needs a value`);
    args[key.slice(2)] = value;
    i += 1;
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const role = args.role;
  const actor = actorFromClaims({ role, sub: args.sub ?? `dev-${role ?? 'user'}`, kommun: args.kommun, lpo: args.lpo, polisomrade: args.district, region: args.region }) as Exclude<
    Actor,
    AnonymousActor
  >;
  if (process.env.NODE_ENV === 'production') throw new InvalidActorError('development tokens are not for production');
  console.log(await signDevelopmentToken(actor, process.env.SAMVERKAN_JWT_SECRET ?? DEVELOPMENT_JWT_SECRET, args.expires ?? '8h'));
}

main().catch((error: unknown) => {
  console.error(`token: ${(error as Error).message}`);
  console.error('usage: npm run token -- --role kommun --kommun 1281 | --role police --region SYD [--district ID] [--lpo lund] | --role analyst --region SYD | --role admin');
  process.exit(2);
});
