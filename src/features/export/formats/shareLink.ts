/**
 * Share links: the whole draft (the policy text exactly as typed, even when it does not parse, its
 * kind and name) in the URL fragment, `#draft=…`. A fragment never leaves the browser: it is not
 * sent to any server, not even to the local one.
 *
 * Encoding: UTF-8 JSON, raw DEFLATE (fflate, level 9), then base64url (RFC 4648 §5, no padding),
 * behind a 5-byte header: a format version and a CRC-32 of the uncompressed bytes. DEFLATE rather
 * than lz-string because policies are repetitive JSON that DEFLATE's Huffman stage shrinks much
 * further (AWS's ReadOnlyAccess: 25.7k characters against lz-string's 45.7k, under the 32k mark
 * where browsers start refusing) and 4x faster. The CRC is what makes a cut or altered link fail
 * clearly: a DEFLATE stream carries no checksum, and a cut one can still decode to a prefix.
 *
 * Decoding never throws: every failure is a result with a message for the UI.
 */
import { deflateSync, Inflate } from 'fflate';
import { SIZE_QUOTAS } from '../../../policy/model';
import type { JsonValue, PolicyKind } from '../../../policy/model';

export interface SharedDraft {
  /** the policy text exactly as typed */
  readonly text: string;
  readonly kind: PolicyKind;
  /** the policy name; may be empty */
  readonly name: string;
  /**
   * The Simulate panel's saved scenarios, when there are any (opaque here: the simulate feature
   * checks their shape). Links made before scenarios existed have none and still open.
   */
  readonly scenarios?: JsonValue;
}

export type DraftDecodeResult =
  { readonly ok: true; readonly draft: SharedDraft } | { readonly ok: false; readonly error: string };

export const DRAFT_PARAM = 'draft';
export const SHARE_FORMAT_VERSION = 1;
/** No draft is larger: AWS's largest managed policies are about 150 kB pretty-printed. */
export const MAX_DRAFT_BYTES = 4 * 1024 * 1024;
/** Longer fragments are refused before any work (base64url of MAX_DRAFT_BYTES at no compression). */
export const MAX_ENCODED_LENGTH = Math.ceil((MAX_DRAFT_BYTES * 4) / 3) + 64;

/** Above this, some chat tools and mail clients cut or wrap links. */
export const LINK_LENGTH_CHAT = 2_000;
/** Above this, some browsers and servers refuse the URL. */
export const LINK_LENGTH_BROWSER = 32_000;

const HEADER_BYTES = 5;
const INFLATE_CHUNK = 1024;

const DAMAGED =
  'This share link is incomplete or damaged: it was probably cut off or changed when it was copied or sent. Ask for the link again, or for the policy as a JSON file.';

// ---------------------------------------------------------------------------------------------
// base64url

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DECODE_TABLE: Int16Array = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) table[ALPHABET.charCodeAt(i)] = i;
  return table;
})();

export function base64UrlEncode(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out +=
      ALPHABET.charAt(n >> 18) +
      ALPHABET.charAt((n >> 12) & 63) +
      ALPHABET.charAt((n >> 6) & 63) +
      ALPHABET.charAt(n & 63);
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16;
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63);
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8);
    out += ALPHABET.charAt(n >> 18) + ALPHABET.charAt((n >> 12) & 63) + ALPHABET.charAt((n >> 6) & 63);
  }
  return out;
}

/** The bytes, or null when the text is not base64url (other characters, or an impossible length). */
export function base64UrlDecode(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let buffer = 0;
  let o = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const value = code < 128 ? (DECODE_TABLE[code] ?? -1) : -1;
    if (value < 0) return null;
    buffer = (buffer << 6) | value;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (buffer >> bits) & 0xff;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// CRC-32 (IEEE)

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (CRC_TABLE[(crc ^ (bytes[i] ?? 0)) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

// ---------------------------------------------------------------------------------------------
// encode / decode

function isPolicyKind(value: unknown): value is PolicyKind {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(SIZE_QUOTAS, value);
}

/** The fragment value for a draft (what follows `#draft=`). */
export function encodeDraft(draft: SharedDraft): string {
  const json = JSON.stringify(
    draft.scenarios === undefined
      ? { kind: draft.kind, name: draft.name, text: draft.text }
      : { kind: draft.kind, name: draft.name, text: draft.text, scenarios: draft.scenarios },
  );
  const bytes = new TextEncoder().encode(json);
  const compressed = deflateSync(bytes, { level: 9 });
  const out = new Uint8Array(HEADER_BYTES + compressed.length);
  const crc = crc32(bytes);
  out[0] = SHARE_FORMAT_VERSION;
  out[1] = crc >>> 24;
  out[2] = (crc >>> 16) & 0xff;
  out[3] = (crc >>> 8) & 0xff;
  out[4] = crc & 0xff;
  out.set(compressed, HEADER_BYTES);
  return base64UrlEncode(out);
}

/** `#draft=…` for a draft. */
export function draftFragment(draft: SharedDraft): string {
  return `#${DRAFT_PARAM}=${encodeDraft(draft)}`;
}

/**
 * The share link for a draft on the page at `pageUrl`. The whole fragment is replaced, so nothing
 * else in it (such as the launch `#token=`) is ever carried into a link.
 */
export function shareLinkFor(pageUrl: string, draft: SharedDraft): string {
  const url = new URL(pageUrl);
  url.hash = `${DRAFT_PARAM}=${encodeDraft(draft)}`;
  return url.toString();
}

/** Inflates with a cap on the output, so a small link cannot expand into gigabytes. */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array | 'too-large' {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflate = new Inflate((chunk, final) => {
    chunks.push(chunk);
    size += chunk.length;
    if (final) ended = true;
  });
  for (let i = 0; i < data.length; i += INFLATE_CHUNK) {
    inflate.push(data.subarray(i, i + INFLATE_CHUNK), i + INFLATE_CHUNK >= data.length);
    if (size > cap) return 'too-large';
  }
  if (data.length === 0) inflate.push(data, true);
  if (!ended) throw new Error('unexpected end of data');
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** Decodes a fragment value made by encodeDraft. Never throws. */
export function decodeDraft(encoded: string): DraftDecodeResult {
  try {
    return decodeUnsafe(encoded);
  } catch {
    return { ok: false, error: DAMAGED };
  }
}

function decodeUnsafe(encoded: string): DraftDecodeResult {
  const fail = (error: string): DraftDecodeResult => ({ ok: false, error });
  if (encoded.length === 0) return fail('This share link has no draft in it.');
  if (encoded.length > MAX_ENCODED_LENGTH) return fail('This share link is too long to hold a policy draft.');
  const bytes = base64UrlDecode(encoded);
  if (!bytes || bytes.length <= HEADER_BYTES) return fail(DAMAGED);
  const version = bytes[0];
  if (version !== SHARE_FORMAT_VERSION) {
    return fail(
      version !== undefined && version > SHARE_FORMAT_VERSION
        ? 'This share link was made by a newer version of the workbench: update it to open the link.'
        : DAMAGED,
    );
  }
  const expectedCrc =
    (((bytes[1] ?? 0) << 24) | ((bytes[2] ?? 0) << 16) | ((bytes[3] ?? 0) << 8) | (bytes[4] ?? 0)) >>> 0;
  const inflated = inflateCapped(bytes.subarray(HEADER_BYTES), MAX_DRAFT_BYTES);
  if (inflated === 'too-large')
    return fail(
      `The draft in this share link is larger than ${MAX_DRAFT_BYTES / 1024 / 1024} MB, which no policy is.`,
    );
  if (crc32(inflated) !== expectedCrc) return fail(DAMAGED);
  const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(inflated));
  if (typeof value !== 'object' || value === null) return fail(DAMAGED);
  const { kind, name, text, scenarios } = value as Record<string, unknown>;
  if (typeof text !== 'string' || typeof name !== 'string') return fail(DAMAGED);
  if (!isPolicyKind(kind))
    return fail(
      `This share link holds a policy of a kind this workbench does not know (${JSON.stringify(kind)}).`,
    );
  // JSON.parse gives JSON values only, so whatever is there is a JsonValue
  if (scenarios !== undefined && scenarios !== null)
    return { ok: true, draft: { kind, name, text, scenarios: scenarios as JsonValue } };
  return { ok: true, draft: { kind, name, text } };
}

/**
 * The draft in a location hash (`#draft=…`, possibly among other `&`-separated parameters), or
 * null when the hash has no draft parameter.
 */
export function readDraftFromHash(hash: string): DraftDecodeResult | null {
  const match = /(?:^#?|&)draft=([^&]*)/.exec(hash);
  if (!match) return null;
  let value = match[1] ?? '';
  try {
    value = decodeURIComponent(value);
  } catch {
    return { ok: false, error: DAMAGED };
  }
  return decodeDraft(value);
}

export interface LinkWarning {
  readonly level: 'warning' | 'error';
  readonly message: string;
}

/** A warning for a share link of `length` characters, or null when it is short enough. */
export function linkWarning(length: number): LinkWarning | null {
  const size = length.toLocaleString('en-US');
  if (length > LINK_LENGTH_BROWSER) {
    return {
      level: 'error',
      message: `This link is ${size} characters long: browsers may refuse links this long. Share the policy as a JSON file instead.`,
    };
  }
  if (length > LINK_LENGTH_CHAT) {
    return {
      level: 'warning',
      message: `This link is ${size} characters long: some chat tools cut links this long. If it arrives broken, share the policy as a JSON file.`,
    };
  }
  return null;
}
