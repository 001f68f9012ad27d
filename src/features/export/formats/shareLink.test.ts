import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { PolicyKind } from '../../../policy/model';
import { serializeDocument } from '../../../policy/serialize';
import {
  base64UrlDecode,
  base64UrlEncode,
  crc32,
  decodeDraft,
  draftFragment,
  encodeDraft,
  LINK_LENGTH_BROWSER,
  LINK_LENGTH_CHAT,
  linkWarning,
  readDraftFromHash,
  shareLinkFor,
} from './shareLink';
import type { SharedDraft } from './shareLink';
import { ECS_SEED, TRICKY } from './testing/policies';

const here = dirname(fileURLToPath(import.meta.url));
const READ_ONLY_ACCESS = resolve(here, '../../../../public/catalog/managed-policies/ReadOnlyAccess.json');

const KINDS: readonly PolicyKind[] = ['managed', 'inline-user', 'inline-group', 'inline-role', 'trust'];

const SEEDS: SharedDraft[] = [
  { kind: 'managed', name: 'EcsReadOnlyWithMfa', text: serializeDocument(ECS_SEED) },
  { kind: 'inline-role', name: 'Tricky.Policy_v2', text: serializeDocument(TRICKY) },
  { kind: 'managed', name: 'minified', text: serializeDocument(TRICKY, { format: 'minified' }) },
  // exactly as typed: not valid JSON, odd spacing, CRLF, tabs, a BOM, astral characters
  {
    kind: 'inline-user',
    name: '',
    text: '\uFEFF{\r\n\t"Version": "2012-10-17",,\n  "Statement": [ // todo 😀 \u2028\n',
  },
  { kind: 'trust', name: 'n', text: '' },
];

function decoded(encoded: string): SharedDraft {
  const result = decodeDraft(encoded);
  if (!result.ok) throw new Error(result.error);
  return result.draft;
}

describe('base64url and CRC-32', () => {
  it('round-trips every length and byte value', () => {
    for (let length = 0; length < 100; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      const text = base64UrlEncode(bytes);
      expect(text).toMatch(/^[A-Za-z0-9_-]*$/);
      expect(text).toBe(Buffer.from(bytes).toString('base64url'));
      expect(base64UrlDecode(text)).toEqual(bytes);
    }
  });

  it('refuses characters outside the alphabet and impossible lengths', () => {
    expect(base64UrlDecode('ab+c')).toBeNull();
    expect(base64UrlDecode('abc=')).toBeNull();
    expect(base64UrlDecode('abcde')).toBeNull();
    expect(base64UrlDecode('ab c')).toBeNull();
    expect(base64UrlDecode('abé')).toBeNull();
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('encodeDraft / decodeDraft', () => {
  it('round-trips the seed drafts exactly, text as typed', () => {
    for (const draft of SEEDS) {
      const encoded = encodeDraft(draft);
      expect(encoded).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(decoded(encoded)).toStrictEqual(draft);
    }
  });

  it('round-trips every policy kind', () => {
    for (const kind of KINDS) expect(decoded(encodeDraft({ kind, name: 'x', text: '{}' })).kind).toBe(kind);
  });

  it.skipIf(!existsSync(READ_ONLY_ACCESS))(
    'round-trips a large managed policy (ReadOnlyAccess) under the browser limit',
    () => {
      const file = JSON.parse(readFileSync(READ_ONLY_ACCESS, 'utf8')) as {
        document: Parameters<typeof serializeDocument>[0];
      };
      const draft: SharedDraft = {
        kind: 'managed',
        name: 'ReadOnlyAccess',
        text: serializeDocument(file.document),
      };
      expect(draft.text.length).toBeGreaterThan(100_000);
      const link = shareLinkFor('http://127.0.0.1:4317/', draft);
      expect(link.length).toBeLessThan(LINK_LENGTH_BROWSER);
      expect(linkWarning(link.length)?.level).toBe('warning');
      const result = readDraftFromHash(new URL(link).hash);
      expect(result).toStrictEqual({ ok: true, draft });
    },
  );

  it('fails clearly, without throwing, on a truncated link', () => {
    const encoded = encodeDraft(SEEDS[1] as SharedDraft);
    for (const cut of [1, 2, 3, 5, 10, Math.floor(encoded.length / 2), encoded.length - 8]) {
      const result = decodeDraft(encoded.slice(0, encoded.length - cut));
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/incomplete or damaged/);
    }
  });

  it('fails clearly on altered characters, a foreign prefix and garbage', () => {
    const encoded = encodeDraft(SEEDS[0] as SharedDraft);
    const inputs = [
      encoded.slice(0, 20) + (encoded.charAt(20) === 'A' ? 'B' : 'A') + encoded.slice(21),
      encoded.slice(0, -3) + (encoded.charAt(encoded.length - 3) === 'A' ? 'B' : 'A') + encoded.slice(-2),
      encoded + '%20',
      'not a draft',
      'AAAAAAAAAAAAAAAA',
      '',
      base64UrlEncode(new Uint8Array([1, 0, 0, 0, 0, 0xff, 0xff, 0xff])),
    ];
    for (const input of inputs) {
      const result = decodeDraft(input);
      expect(result.ok, input).toBe(false);
      if (!result.ok) expect(result.error.length).toBeGreaterThan(20);
    }
  });

  it('says when a link is from a newer version', () => {
    const bytes = base64UrlDecode(encodeDraft(SEEDS[0] as SharedDraft)) as Uint8Array;
    bytes[0] = 2;
    expect(decodeDraft(base64UrlEncode(bytes))).toStrictEqual({
      ok: false,
      error: 'This share link was made by a newer version of the workbench: update it to open the link.',
    });
  });

  /** A link with a valid header and checksum around any payload. */
  function forge(payload: Uint8Array): string {
    const compressed = deflateSync(payload, { level: 9 });
    const crc = crc32(payload);
    return base64UrlEncode(
      Uint8Array.from([1, crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff, ...compressed]),
    );
  }

  it('validates the shape and the kind of a well-formed link', () => {
    const encode = (value: unknown) => forge(new TextEncoder().encode(JSON.stringify(value)));
    expect(decodeDraft(encode({ kind: 'resource', name: 'x', text: '{}' }))).toStrictEqual({
      ok: false,
      error: 'This share link holds a policy of a kind this workbench does not know ("resource").',
    });
    for (const value of [
      null,
      [],
      'text',
      { kind: 'managed', name: 1, text: '' },
      { kind: 'managed', name: '' },
      { kind: '__proto__', name: '', text: '' },
    ]) {
      expect(decodeDraft(encode(value)).ok).toBe(false);
    }
    expect(decodeDraft(forge(Uint8Array.from([0xff, 0xfe, 0x7b, 0x7d]))).ok).toBe(false);
  });

  it('refuses a link that would expand beyond the size cap', () => {
    const result = decodeDraft(forge(new Uint8Array(5 * 1024 * 1024).fill(0x20)));
    expect(result).toStrictEqual({
      ok: false,
      error: 'The draft in this share link is larger than 4 MB, which no policy is.',
    });
  });
});

describe('links and fragments', () => {
  it('builds #draft= links that drop anything else in the fragment, such as the launch token', () => {
    const draft = SEEDS[0] as SharedDraft;
    const link = shareLinkFor('http://127.0.0.1:4317/app/?x=1#token=secret&draft=old', draft);
    expect(link).toBe(`http://127.0.0.1:4317/app/?x=1${draftFragment(draft)}`);
    expect(link).not.toContain('secret');
  });

  it('reads the draft from a hash, alone or among other parameters', () => {
    const draft = SEEDS[1] as SharedDraft;
    const encoded = encodeDraft(draft);
    expect(readDraftFromHash(`#draft=${encoded}`)).toStrictEqual({ ok: true, draft });
    expect(readDraftFromHash(`#token=abc&draft=${encoded}`)).toStrictEqual({ ok: true, draft });
    expect(readDraftFromHash(`draft=${encoded}&x=1`)).toStrictEqual({ ok: true, draft });
    expect(readDraftFromHash('#token=abc')).toBeNull();
    expect(readDraftFromHash('')).toBeNull();
    expect(readDraftFromHash('#draft=%E0%A4%A')).toMatchObject({ ok: false });
    expect(readDraftFromHash(`#draft=${encoded.slice(0, 40)}`)).toMatchObject({ ok: false });
  });

  it('warns about long links at the two thresholds', () => {
    expect(linkWarning(500)).toBeNull();
    expect(linkWarning(LINK_LENGTH_CHAT)).toBeNull();
    expect(linkWarning(LINK_LENGTH_CHAT + 1)).toStrictEqual({
      level: 'warning',
      message:
        'This link is 2,001 characters long: some chat tools cut links this long. If it arrives broken, share the policy as a JSON file.',
    });
    expect(linkWarning(LINK_LENGTH_BROWSER + 1)?.level).toBe('error');
    expect(linkWarning(LINK_LENGTH_BROWSER + 1)?.message).toMatch(/browsers may refuse links this long/);
  });
});

describe('scenarios in share links', () => {
  /** A link as the workbench made it before scenarios existed: {kind, name, text} only. */
  function oldLink(draft: SharedDraft): string {
    const bytes = new TextEncoder().encode(JSON.stringify({ kind: draft.kind, name: draft.name, text: draft.text }));
    const compressed = deflateSync(bytes, { level: 9 });
    const crc = crc32(bytes);
    const out = new Uint8Array(5 + compressed.length);
    out.set([1, crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]);
    out.set(compressed, 5);
    return base64UrlEncode(out);
  }

  const scenarios = {
    format: 1,
    current: 0,
    scenarios: [{ name: 'MFA', actions: ['ecs:RunTask'], resources: ['*'], context: [{ key: 'aws:MultiFactorAuthPresent', value: 'true' }] }],
  };

  it('carries the scenarios and gives them back as they were', () => {
    const draft: SharedDraft = { ...(SEEDS[0] as SharedDraft), scenarios };
    expect(decoded(encodeDraft(draft))).toStrictEqual(draft);
    const link = shareLinkFor('http://127.0.0.1:4317/', draft);
    expect(readDraftFromHash(new URL(link).hash)).toStrictEqual({ ok: true, draft });
  });

  it('encodes a draft without scenarios exactly as before, and old links still open', () => {
    for (const draft of SEEDS) {
      expect(encodeDraft(draft)).toBe(oldLink(draft));
      const opened = decoded(oldLink(draft));
      expect(opened).toStrictEqual(draft);
      expect('scenarios' in opened).toBe(false);
    }
  });

  it('treats a null scenarios member as none', () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ kind: 'managed', name: '', text: '{}', scenarios: null }));
    const compressed = deflateSync(bytes, { level: 9 });
    const crc = crc32(bytes);
    const out = new Uint8Array(5 + compressed.length);
    out.set([1, crc >>> 24, (crc >>> 16) & 0xff, (crc >>> 8) & 0xff, crc & 0xff]);
    out.set(compressed, 5);
    expect(decoded(base64UrlEncode(out))).toStrictEqual({ kind: 'managed', name: '', text: '{}' });
  });
});
