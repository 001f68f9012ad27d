/**
 * IP addresses and CIDR ranges as the IpAddress and NotIpAddress operators accept them:
 * an IPv4 or IPv6 address, optionally followed by "/prefix".
 */

export interface Cidr {
  readonly version: 4 | 6;
  /** the address as written, as a number */
  readonly address: bigint;
  readonly prefix: number;
  /** the address with the bits after the prefix cleared */
  readonly network: bigint;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return undefined;
    const n = Number(part);
    if (n > 255) return undefined;
    value = (value << 8n) | BigInt(n);
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:.]+$/.test(text)) return undefined;
  let groups: string[];
  const doubleColon = text.indexOf('::');
  if (doubleColon >= 0) {
    if (text.indexOf('::', doubleColon + 1) >= 0) return undefined;
    const head = text.slice(0, doubleColon);
    const tail = text.slice(doubleColon + 2);
    const headGroups = head === '' ? [] : head.split(':');
    const tailGroups = tail === '' ? [] : tail.split(':');
    const embedded = tailGroups.length > 0 && tailGroups[tailGroups.length - 1]?.includes('.') ? 1 : 0;
    const missing = 8 - headGroups.length - tailGroups.length - embedded;
    if (missing < 1) return undefined;
    groups = [...headGroups, ...Array<string>(missing).fill('0'), ...tailGroups];
  } else {
    groups = text.split(':');
  }
  let value = 0n;
  let count = 0;
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i] ?? '';
    if (group.includes('.')) {
      if (i !== groups.length - 1) return undefined;
      const v4 = parseIpv4(group);
      if (v4 === undefined) return undefined;
      value = (value << 32n) | v4;
      count += 2;
    } else {
      if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
      value = (value << 16n) | BigInt(parseInt(group, 16));
      count += 1;
    }
  }
  return count === 8 ? value : undefined;
}

/** Parses "203.0.113.0/24", "203.0.113.7", "2001:db8::/32"; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const addressText = slash >= 0 ? text.slice(0, slash) : text;
  const prefixText = slash >= 0 ? text.slice(slash + 1) : undefined;
  const isV6 = addressText.includes(':');
  const address = isV6 ? parseIpv6(addressText) : parseIpv4(addressText);
  if (address === undefined) return undefined;
  const bits = isV6 ? 128 : 32;
  let prefix = bits;
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText)) return undefined;
    prefix = Number(prefixText);
    if (prefix > bits) return undefined;
  }
  const hostBits = BigInt(bits - prefix);
  const network = (address >> hostBits) << hostBits;
  return { version: isV6 ? 6 : 4, address, prefix, network };
}

function formatIpv4(value: bigint): string {
  const parts: number[] = [];
  for (let i = 3; i >= 0; i--) parts.push(Number((value >> BigInt(i * 8)) & 255n));
  return parts.join('.');
}

function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  // Compress the longest run of zero groups (at least two), as RFC 5952 does.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength && j - i >= 2) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  const head = hex.slice(0, bestStart).join(':');
  const tail = hex.slice(bestStart + bestLength).join(':');
  return `${head}::${tail}`;
}

/** The range with its host bits cleared, e.g. "203.0.113.0/24". */
export function formatNetwork(cidr: Cidr): string {
  const address = cidr.version === 4 ? formatIpv4(cidr.network) : formatIpv6(cidr.network);
  return `${address}/${cidr.prefix}`;
}

export function hasHostBits(cidr: Cidr): boolean {
  return cidr.address !== cidr.network;
}

const PRIVATE_V4: readonly Cidr[] = [
  '10.0.0.0/8',
  '172.16.0.0/12',
  '192.168.0.0/16',
  '127.0.0.0/8',
  '169.254.0.0/16',
  '100.64.0.0/10',
].map((text) => parseCidr(text) as Cidr);
const PRIVATE_V6: readonly Cidr[] = ['fc00::/7', 'fe80::/10', '::1/128'].map(
  (text) => parseCidr(text) as Cidr,
);

function contains(outer: Cidr, inner: Cidr): boolean {
  if (outer.version !== inner.version || inner.prefix < outer.prefix) return false;
  const bits = BigInt((outer.version === 4 ? 32 : 128) - outer.prefix);
  return inner.network >> bits === outer.network >> bits;
}

/** Is the whole range private (RFC 1918, loopback, link-local, shared, unique local)? */
export function isPrivateRange(cidr: Cidr): boolean {
  return (cidr.version === 4 ? PRIVATE_V4 : PRIVATE_V6).some((range) => contains(range, cidr));
}
