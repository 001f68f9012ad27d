import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogFromDisk } from '../catalog/node';
import { actionsAllowed } from '../policy/expand';
import { statementObjects } from '../policy/grants';
import type { JsonObject, JsonValue } from '../policy/model';
import { buildModel } from '../policy/parse';
import { policySize } from '../policy/size';
import { main } from './main';
import { capture } from './testing';

interface FitJson {
  readonly fits: boolean;
  readonly compacted: { readonly size: number; readonly document: JsonObject };
  readonly parts: readonly { readonly size: number; readonly document: JsonObject }[];
}

let dir: string;
let small: string;
let readOnly: string;
let readOnlyDocument: JsonValue;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'fit-test-'));
  small = join(dir, 'small.json');
  writeFileSync(
    small,
    JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:GetObjectTagging'], Resource: '*' }],
    }),
  );
  const loader = await loadCatalogFromDisk();
  readOnlyDocument = (await loader.managedPolicy('ReadOnlyAccess'))?.document as JsonValue;
  readOnly = join(dir, 'ReadOnlyAccess.json');
  writeFileSync(readOnly, JSON.stringify(readOnlyDocument, null, 2));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iam-workbench fit', () => {
  it('prints the compacted document when it fits (text and json)', async () => {
    const text = capture();
    expect(await main(['fit', small], text.io)).toBe(0);
    const printed = JSON.parse(text.out()) as JsonObject;
    expect(statementObjects(printed)).toHaveLength(1);
    expect(text.err()).toMatch(/^Fits: \d+ of 6,144 characters \(was 120\)\.$/m);

    const json = capture();
    expect(await main(['fit', '--format', 'json', small], json.io)).toBe(0);
    const result = JSON.parse(json.out()) as FitJson;
    expect(Object.keys(result)).toEqual(['fits', 'compacted', 'parts']);
    expect(result.fits).toBe(true);
    expect(result.parts).toEqual([]);
    expect(Object.keys(result.compacted)).toEqual(['size', 'document']);
    expect(result.compacted.document).toEqual(printed);
    expect(result.compacted.size).toBe(policySize(JSON.stringify(printed)));
  });

  it('reads standard input with -', async () => {
    const stdin = capture(JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', Action: 's3:*', Resource: '*' } }));
    expect(await main(['fit', '--format', 'json', '-'], stdin.io)).toBe(0);
    expect((JSON.parse(stdin.out()) as FitJson).fits).toBe(true);
  });

  it('prints the parts when it does not fit: each within the quota, together exactly the same', async () => {
    const json = capture();
    expect(await main(['fit', '--format', 'json', '--kind', 'managed', readOnly], json.io)).toBe(0);
    const result = JSON.parse(json.out()) as FitJson;
    expect(result.fits).toBe(false);
    expect(result.compacted.size).toBeGreaterThan(6144);
    expect(result.parts.length).toBeGreaterThan(1);
    const loader = await loadCatalogFromDisk();
    for (const part of result.parts) {
      expect(part.size).toBe(policySize(JSON.stringify(part.document)));
      expect(part.size).toBeLessThanOrEqual(6144);
    }
    const union = result.parts.flatMap((part) => statementObjects(part.document));
    expect([...actionsAllowed(buildModel({ Statement: union }), loader.view)].sort()).toEqual(
      [...actionsAllowed(buildModel(readOnlyDocument), loader.view)].sort(),
    );

    const text = capture();
    expect(await main(['fit', '--quota', '10240', readOnly], text.io)).toBe(0);
    const headers = text.out().split('\n').filter((line) => line.startsWith('//'));
    expect(headers.length).toBeGreaterThan(1);
    headers.forEach((line, i) => expect(line).toMatch(new RegExp(`^// part ${i + 1} of ${headers.length} \\([\\d,]+ characters\\)$`)));
    // each part is JSON after its comment line
    const bodies = text.out().split(/^\/\/ part .*$/m).slice(1);
    for (const body of bodies) expect(policySize(body)).toBeLessThanOrEqual(10240);
    expect(text.err()).toMatch(/policies of at most 10,240 characters grant together exactly the same/);
  });

  it('exits 1 when a statement kept whole is over the quota', async () => {
    const conditional = join(dir, 'conditional.json');
    writeFileSync(
      conditional,
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Action: 's3:GetObject',
            Resource: '*',
            Condition: { StringEquals: { 'aws:PrincipalTag/team': 'x'.repeat(3000) } },
          },
        ],
      }),
    );
    const io = capture();
    expect(await main(['fit', '--kind', 'inline-user', conditional], io.io)).toBe(1);
    expect(io.err()).toMatch(/cannot be made to fit 2,048 characters/);
  });

  it('exits 2 on bad input', async () => {
    const invalid = join(dir, 'invalid.json');
    writeFileSync(invalid, '{"Version": ');
    const notPolicy = join(dir, 'array.json');
    writeFileSync(notPolicy, '[1, 2]');
    const cases: [string[], RegExp][] = [
      [['fit', join(dir, 'missing.json')], /cannot read .*no such file/],
      [['fit', invalid], /is not valid JSON/],
      [['fit', notPolicy], /not a policy/],
      [['fit', '--quota', 'abc', small], /positive whole number/],
      [['fit', '--quota', '0', small], /positive whole number/],
      [['fit', '--quota', '1.5', small], /positive whole number/],
      [['fit', '--quota', '10', small], /too small/],
      [['fit', '--kind', 'managed', '--quota', '100', small], /not both/],
      [['fit', '--kind', 'bucket', small], /--kind must be one of/],
      [['fit', '--format', 'yaml', small], /--format must be text or json/],
      [['fit'], /name the policy file/],
      [['fit', small, small], /name one policy file/],
      [['fit', '--nope', small], /Unknown option/],
    ];
    for (const [args, message] of cases) {
      const io = capture();
      expect(await main(args, io.io), args.join(' ')).toBe(2);
      expect(io.err(), args.join(' ')).toMatch(message);
      expect(io.out()).toBe('');
    }
  });

  it('has help', async () => {
    const io = capture();
    expect(await main(['fit', '--help'], io.io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: iam-workbench fit \[--kind K \| --quota N\] \[--format text\|json\]/);
    const top = capture();
    await main(['--help'], top.io);
    expect(top.out()).toMatch(/ {2}fit +compact a policy/);
  });

  it('runs as the real bin', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['bin/iam-workbench.js', 'fit', '--format', 'json', small], {
      cwd: join(import.meta.dirname, '..', '..'),
    });
    expect((JSON.parse(stdout) as FitJson).fits).toBe(true);
    const failed = await run(process.execPath, ['bin/iam-workbench.js', 'fit', '--quota', 'x', small], {
      cwd: join(import.meta.dirname, '..', '..'),
    }).catch((error: unknown) => error as { code: number; stderr: string });
    expect(failed).toMatchObject({ code: 2 });
  }, 60_000);
});
