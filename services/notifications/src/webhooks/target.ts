import dns from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/*
 * Where the hub may POST. Only http and https, without credentials in the URL. In production
 * (`NODE_ENV=production`) no loopback, private, link-local or otherwise internal address unless
 * `SAMVERKAN_WEBHOOK_ALLOW_PRIVATE=1`: a kommun user must not make the hub call its own subgraphs
 * or anything else on its network. The address is checked when the subscription is made and again
 * at every connection (the lookup the request uses), so a name that later resolves elsewhere is
 * refused too.
 */

/** Whether internal addresses are allowed: outside production, or with SAMVERKAN_WEBHOOK_ALLOW_PRIVATE=1. @default allowed outside production */
export function privateTargetsAllowed(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SAMVERKAN_WEBHOOK_ALLOW_PRIVATE === '1' || env.NODE_ENV !== 'production';
}

const INTERNAL = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INTERNAL.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8]] as const) INTERNAL.addSubnet(network, prefix, 'ipv6');

/** Whether an address is internal (IPv4-mapped IPv6 addresses as their IPv4 address). */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return INTERNAL.check(mapped[1]!, 'ipv4');
  const family = isIP(address);
  if (family === 0) return true;
  return INTERNAL.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** What is wrong with a webhook URL's form, or null. */
export function urlProblem(text: string): string | null {
  if (text.length > 2000) return 'The URL is longer than 2,000 characters.';
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return `"${text.slice(0, 100)}" is not a URL.`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `The URL must be http or https, not ${url.protocol.replace(':', '')}.`;
  if (url.username || url.password) return 'The URL must not carry a user name or password.';
  return null;
}

/** Resolves a URL's host and says why it may not be called, or null (only when internal addresses are refused). */
export async function addressProblem(text: string, allowPrivate: boolean): Promise<string | null> {
  if (allowPrivate) return null;
  const host = new URL(text).hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await dns.promises.lookup(host, { all: true })).map((entry) => entry.address);
  } catch {
    return `The host "${host}" could not be resolved.`;
  }
  return addresses.some(isInternalAddress) ? `The host "${host}" is an internal address; webhooks go to public addresses only.` : null;
}

/** A lookup for `http.request` that refuses internal addresses (used when they are not allowed). */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0);
    const list = addresses as dns.LookupAddress[];
    const refused = list.find((entry) => isInternalAddress(entry.address));
    if (refused || !list.length) return callback(new Error(`refused: ${hostname} resolves to an internal address`), '', 0);
    if (options.all) return (callback as unknown as (error: null, addresses: dns.LookupAddress[]) => void)(null, list);
    callback(null, list[0]!.address, list[0]!.family);
  });
};
