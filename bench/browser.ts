/**
 * Browser figures: headless Chromium against the built app served by the real server (dist/, or
 * WORKBENCH_DIST). Prints each figure beside the target of issue #12; asserts nothing about time.
 *
 * BENCH_PROFILE=<dir> also writes CPU profiles (.cpuprofile, DevTools' Performance panel opens them)
 * of typing in the search box, of pasting ReadOnlyAccess and of typing in the JSON editor with
 * ReadOnlyAccess loaded, and prints their heaviest functions.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../e2e/fixtures/chromium';
import { startApp, type RunningApp } from '../e2e/fixtures/server';
import { kb, ms, summarizeTimes } from './stats';

const SEARCH_LABEL = 'Search services and actions';
const BLOCK_SELECTOR = 'section[aria-label^="Permission block "]';
const MONACO_TEXT = '[data-testid="json-editor"] .view-lines';
/** Monaco's chunks, styles, font and workers (the app's own workers are analysisWorker and policyWorker) */
const MONACO_ASSET = /PolicyJsonEditor|jsonMode|editor\.worker|json\.worker|codicon/;
/** ms between keys while typing: a fast typist */
const KEY_CADENCE_MS = 100;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * In-page helpers, installed before the app's scripts (plain JavaScript in a string: the bench runs
 * through tsx, whose helpers for named functions do not exist in the page).
 * - longTasks: every long task since navigation (PerformanceObserver 'longtask').
 * - watchKeys(selector): for each keydown, the ms from the event to the frame after the first DOM
 *   change under the selector (keys that change nothing within 2 s count as missed).
 * - quiet(since, forMs): resolves when no long task has ended for forMs, with the end of the last
 *   long task after `since` (or `since` when there was none).
 */
const PAGE_HELPERS = `(() => {
  const b = (window.__bench = { longTasks: [], lat: [], missed: 0, stopKeys: null });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) b.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch (e) { /* no long task API */ }
  b.afterFrame = (start, done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now() - start);
    channel.port2.postMessage(null);
  });
  b.watchKeys = (selector) => {
    if (b.stopKeys) b.stopKeys();
    b.lat = []; b.missed = 0;
    const onKey = (e) => {
      const target = document.querySelector(selector);
      if (!target || e.key === 'Control' || e.key === 'Shift') return;
      const start = e.timeStamp;
      let seen = false;
      const observer = new MutationObserver(() => {
        if (seen) return;
        seen = true;
        observer.disconnect();
        b.afterFrame(start, (t) => b.lat.push(t));
      });
      observer.observe(target, { childList: true, subtree: true, characterData: true });
      setTimeout(() => { if (!seen) { seen = true; observer.disconnect(); b.missed += 1; } }, 2000);
    };
    document.addEventListener('keydown', onKey, true);
    b.stopKeys = () => document.removeEventListener('keydown', onKey, true);
  };
  b.longTasksSince = (since) => b.longTasks.filter((t) => t.start + t.duration > since);
  b.quiet = (since, forMs) => new Promise((resolve) => {
    const lastEnd = () => b.longTasksSince(since).reduce((m, t) => Math.max(m, t.start + t.duration), since);
    const check = () => {
      const end = lastEnd();
      if (performance.now() - end >= forMs) resolve(end);
      else setTimeout(check, 100);
    };
    setTimeout(check, 100);
  });
})();`;

interface BenchWindow {
  __bench: {
    longTasks: { start: number; duration: number }[];
    lat: number[];
    missed: number;
    stopKeys: (() => void) | null;
    watchKeys(selector: string): void;
    longTasksSince(since: number): { start: number; duration: number }[];
    quiet(since: number, forMs: number): Promise<number>;
    afterFrame(start: number, done: (t: number) => void): void;
  };
  __pasteAt?: number;
  __valueEdit?: Promise<number>;
}

async function launch(): Promise<Browser> {
  return chromium.launch(chromiumLaunchOptions);
}

interface Transfer {
  raw: number;
  encoded: number;
  requests: number;
  /** Monaco's assets requested so far */
  monaco: number;
}

/** Counts bytes on the wire (encoded) and decoded, and Monaco's requests, through the DevTools protocol. */
async function countTransfer(cdp: CDPSession): Promise<{ snapshot: () => Transfer }> {
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  const t: Transfer = { raw: 0, encoded: 0, requests: 0, monaco: 0 };
  cdp.on('Network.requestWillBeSent', (e) => {
    if (MONACO_ASSET.test(e.request.url)) t.monaco += 1;
  });
  cdp.on('Network.dataReceived', (e) => {
    t.raw += e.dataLength;
  });
  cdp.on('Network.loadingFinished', (e) => {
    t.encoded += e.encodedDataLength;
    t.requests += 1;
  });
  return { snapshot: () => ({ ...t }) };
}

async function newPage(
  browser: Browser,
): Promise<{ page: Page; cdp: CDPSession; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript({ content: PAGE_HELPERS });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  return { page, cdp, close: () => context.close() };
}

/** Navigates and returns the ms from navigation start until the search box answers a query. */
async function timeToSearch(page: Page, app: RunningApp): Promise<number> {
  await page.goto(`${app.url}#token=${app.token}`, { waitUntil: 'commit' });
  const box = page.getByRole('combobox', { name: SEARCH_LABEL });
  await box.waitFor({ state: 'visible' });
  await box.fill('s3');
  await page.getByRole('option').first().waitFor({ state: 'visible' });
  return page.evaluate(() => performance.now());
}

async function heapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  return heap.usedSize / 1024 / 1024;
}

function mb(n: number): string {
  return `${n.toFixed(1)} MB`;
}

interface Typing {
  readonly lat: number[];
  readonly missed: number;
  readonly keys: number;
  readonly longTasks: number;
  readonly longest: number;
}

/**
 * Types `text` one key at a time (KEY_CADENCE_MS apart), measuring each key to the frame after the
 * DOM under `selector` changed, then waits for quiet and counts the long tasks from the first key.
 */
async function typeAndMeasure(page: Page, selector: string, text: string): Promise<Typing> {
  await page.evaluate((s) => (window as unknown as BenchWindow).__bench.watchKeys(s), selector);
  const since = await page.evaluate(() => performance.now());
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(KEY_CADENCE_MS);
  }
  return page.evaluate(
    async ({ since, keys }) => {
      const b = (window as unknown as BenchWindow).__bench;
      await b.quiet(since, 1000);
      b.stopKeys?.();
      const tasks = b.longTasksSince(since);
      return {
        lat: b.lat.splice(0),
        missed: b.missed,
        keys,
        longTasks: tasks.length,
        longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
      };
    },
    { since, keys: [...text].length },
  );
}

function typingLine(what: string, t: Typing, target: string): string {
  const k = summarizeTimes(t.lat);
  const missed = t.missed > 0 ? `, ${t.missed} keys changed nothing within 2 s` : '';
  return (
    `${what}: median ${ms(k.median)}, p95 ${ms(k.p95)} (${t.lat.length} keys${missed}); ` +
    `${t.longTasks} long tasks for ${t.keys} keys, longest ${ms(t.longest)} (target ${target})`
  );
}

/** A ~6 KB policy: 24 statements, each with a Sid the bench types into. */
function sixKbPolicy(): string {
  const statements = Array.from({ length: 24 }, (_, i) => ({
    Sid: `Stmt${i}`,
    Effect: 'Allow',
    Action: ['s3:GetObject', 's3:PutObject', 's3:ListBucket'],
    Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`],
  }));
  return JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 4);
}

/** AWS's ReadOnlyAccess as the catalog holds it, pretty-printed as the import would show it. */
function readOnlyAccess(): { text: string; statements: number } {
  const dist = process.env.WORKBENCH_DIST
    ? path.resolve(process.env.WORKBENCH_DIST)
    : path.join(root, 'dist');
  const file = ['managed-policies/ReadOnlyAccess.json']
    .flatMap((f) => [path.join(dist, 'catalog', f), path.join(root, 'public', 'catalog', f)])
    .find((f) => existsSync(f));
  if (!file) throw new Error('ReadOnlyAccess.json is missing from the catalog: run npm run catalog');
  const { document } = JSON.parse(readFileSync(file, 'utf8')) as { document: { Statement: unknown[] } };
  return { text: JSON.stringify(document, null, 4), statements: document.Statement.length };
}

/** Replaces the JSON editor's text with a paste; resolves at the paste event's time (page clock). */
async function pasteIntoJson(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.getByTestId('json-editor').click();
  await page.keyboard.press('Control+A');
  await page.evaluate(() => {
    const w = window as unknown as BenchWindow;
    w.__pasteAt = undefined;
    document.addEventListener('paste', (e) => void (w.__pasteAt = e.timeStamp), {
      capture: true,
      once: true,
    });
  });
  await page.keyboard.press('Control+V');
}

/** Puts the cursor inside the first statement's Sid value (the 5th line of a pretty document). */
async function cursorIntoFirstSid(page: Page): Promise<void> {
  await page.getByTestId('json-editor').click();
  await page.keyboard.press('Control+Home');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
}

async function waitForBlocks(page: Page, count: number): Promise<number> {
  await page.waitForFunction(
    ({ sel, n }) => document.querySelectorAll(sel).length === n,
    { sel: BLOCK_SELECTOR, n: count },
    { timeout: 60_000, polling: 'raf' },
  );
  return page.evaluate(() => performance.now());
}

/** A pasted 6 KB policy to its 24 blocks rendered (ms from the paste event). */
async function pasteToBlocks(page: Page, text: string): Promise<number> {
  await pasteIntoJson(page, text);
  const at = await waitForBlocks(page, 24);
  return at - (await page.evaluate(() => (window as unknown as BenchWindow).__pasteAt ?? NaN));
}

/**
 * One character typed into the first statement's Sid in the JSON editor, to the frame after block
 * 1 shows the new Sid; repeated for each character of `suffix`.
 */
async function valueEditToBlocks(page: Page, suffix: string): Promise<number[]> {
  await cursorIntoFirstSid(page);
  const times: number[] = [];
  let expected = 'Stmt0';
  for (const ch of suffix) {
    expected += ch;
    await page.evaluate((want) => {
      const w = window as unknown as BenchWindow;
      w.__valueEdit = new Promise<number>((resolve) => {
        document.addEventListener(
          'keydown',
          (e) => {
            const start = e.timeStamp;
            const block = document.querySelector('section[aria-label="Permission block 1"]') as HTMLElement;
            const observer = new MutationObserver(() => {
              if (!(block.textContent ?? '').includes(want)) return;
              observer.disconnect();
              w.__bench.afterFrame(start, resolve);
            });
            observer.observe(block, { childList: true, subtree: true, characterData: true });
          },
          { capture: true, once: true },
        );
      });
    }, expected);
    await page.keyboard.type(ch);
    times.push(await page.evaluate(() => (window as unknown as BenchWindow).__valueEdit ?? NaN));
    await page.waitForTimeout(KEY_CADENCE_MS);
  }
  return times;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The functions with the most self time in a CPU profile (ms), heaviest first. */
function heaviest(profile: CpuProfile, count: number): string[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const file = frame.url.split('/').pop() ?? '';
    const key = `${frame.functionName || '(anonymous)'} ${file}${file ? `:${frame.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([k, v]) => `${ms(v).padStart(10)}  ${k}`);
}

async function startProfile(cdp: CDPSession): Promise<void> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
}

/** Stops the CPU profile, writes it to `<dir>/<name>.cpuprofile` and prints its heaviest functions. */
async function stopProfile(cdp: CDPSession, dir: string, name: string): Promise<void> {
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `${name}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  console.log(`  CPU profile: ${file}; most self time (names as built: build with --sourcemap to map them):`);
  for (const line of heaviest(profile, 12)) console.log(`    ${line}`);
}

export async function browserBench(): Promise<void> {
  const dist = process.env.WORKBENCH_DIST ?? 'dist';
  console.log(`\n== Browser (headless Chromium, the app built in ${dist} served by npm start)`);
  console.log('   (figures of a shared machine vary from run to run; compare runs made side by side)');
  const app = await startApp();
  const browser = await launch();
  try {
    // 1. time to a working search box, the bytes before it works, and whether Monaco competes
    const starts: number[] = [];
    let transfer: Transfer = { raw: 0, encoded: 0, requests: 0, monaco: 0 };
    let monacoBeforeSearch = 0;
    for (let i = 0; i < 5; i++) {
      const { page, cdp, close } = await newPage(browser);
      const counter = await countTransfer(cdp);
      starts.push(await timeToSearch(page, app));
      const snapshot = counter.snapshot();
      if (i === 0) transfer = snapshot;
      monacoBeforeSearch += snapshot.monaco > 0 ? 1 : 0;
      await close();
    }
    const s = summarizeTimes(starts);
    console.log(
      `navigation to a working search box: median ${ms(s.median)} over 5 cold loads (target <= 400 ms)`,
    );
    console.log(
      `transferred before search works: ${kb(transfer.encoded)} on the wire (gzip), ${kb(transfer.raw)} decoded, ${transfer.requests} requests (target <= 300 KB gzip)`,
    );
    console.log(
      `loads in which Monaco was requested before the search worked: ${monacoBeforeSearch} of 5 (target 0)`,
    );

    // 2. heap after GC before Monaco loads: hold Monaco's assets back
    {
      const { page, cdp, close } = await newPage(browser);
      await page.route(MONACO_ASSET, () => {
        /* never answered: Monaco stays unloaded */
      });
      await timeToSearch(page, app);
      await page.evaluate((since) => (window as unknown as BenchWindow).__bench.quiet(since, 500), 0);
      console.log(`JS heap after GC, before Monaco loads: ${mb(await heapMb(cdp))} (target < 14 MB)`);
      await close();
    }

    // 3. search keystrokes, then the JSON editor with a 6 KB policy and with ReadOnlyAccess
    const { page, cdp, close } = await newPage(browser);
    try {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await timeToSearch(page, app);
      // Measure in the steady state: once Monaco has arrived.
      await page.locator(MONACO_TEXT).waitFor({ state: 'visible', timeout: 30_000 });
      await page.evaluate((since) => (window as unknown as BenchWindow).__bench.quiet(since, 500), 0);
      const box = page.getByRole('combobox', { name: SEARCH_LABEL });
      const profileDir = process.env.BENCH_PROFILE;
      const search: Typing[] = [];
      if (profileDir) await startProfile(cdp);
      for (let round = 0; round < 5; round++) {
        await box.fill('');
        await box.click();
        search.push(await typeAndMeasure(page, 'body', 'GetObject'));
      }
      if (profileDir) await stopProfile(cdp, profileDir, 'search-typing');
      const merged: Typing = {
        lat: search.flatMap((t) => t.lat),
        missed: search.reduce((n, t) => n + t.missed, 0),
        keys: search.reduce((n, t) => n + t.keys, 0),
        longTasks: search.reduce((n, t) => n + t.longTasks, 0),
        longest: Math.max(...search.map((t) => t.longest)),
      };
      console.log(
        typingLine(
          'search keystroke to results painted, typing "GetObject" x5',
          merged,
          'median <= 8 ms, p95 <= 16 ms',
        ),
      );
      await box.fill('');
      await page.keyboard.press('Escape');

      // the JSON editor with a 6 KB policy
      const policy = sixKbPolicy();
      const pasted = await pasteToBlocks(page, policy);
      console.log(
        `6 KB policy (${kb(policy.length)}) pasted into the JSON editor to its 24 blocks rendered: ${ms(pasted)}`,
      );
      await page.evaluate((since) => (window as unknown as BenchWindow).__bench.quiet(since, 500), 0);
      const edits = summarizeTimes(await valueEditToBlocks(page, 'abcdefghij'));
      console.log(
        `JSON value edit (a Sid) of the 6 KB policy to its block showing it: median ${ms(edits.median)}, p95 ${ms(edits.p95)} (target within one frame, 16.7 ms)`,
      );
      await cursorIntoFirstSid(page);
      const small = await typeAndMeasure(page, MONACO_TEXT, 'klmnopqrstuvwxyzABCD');
      console.log(typingLine('JSON editor keystroke, 6 KB policy', small, '<= 1 long task per 5 keys'));

      // pasting ReadOnlyAccess (profiled with BENCH_PROFILE)
      const roa = readOnlyAccess();
      await page.evaluate((since) => (window as unknown as BenchWindow).__bench.quiet(since, 500), 0);
      const heapBefore = await heapMb(cdp);
      const elementsBefore = await page.evaluate(() => document.getElementsByTagName('*').length);
      if (profileDir) await startProfile(cdp);
      await pasteIntoJson(page, roa.text);
      const shownAt = await waitForBlocks(page, roa.statements);
      const paste = await page.evaluate(async () => {
        const w = window as unknown as BenchWindow;
        const at = w.__pasteAt ?? NaN;
        const quietAt = await w.__bench.quiet(at, 1000);
        const tasks = w.__bench.longTasksSince(at);
        return {
          at,
          quietAt,
          longest: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
          tasks: tasks.length,
          elements: document.getElementsByTagName('*').length,
        };
      });
      if (profileDir) await stopProfile(cdp, profileDir, 'paste-readonlyaccess');
      const heap = await heapMb(cdp);
      console.log(
        `paste ReadOnlyAccess (${kb(roa.text.length)}, ${roa.statements} statements): blocks shown after ${ms(shownAt - paste.at)}, ` +
          `quiet after ${ms(Math.max(paste.quietAt, shownAt) - paste.at)} (target within 1 s), longest task ${ms(paste.longest)} ` +
          `of ${paste.tasks} long tasks (target none > 200 ms)`,
      );
      console.log(
        `  then: ${paste.elements.toLocaleString('en-US')} DOM elements, JS heap after GC ${mb(heap)} (target < 30 MB; before the paste, with Monaco and the 6 KB policy's 24 blocks: ${mb(heapBefore)}, ${elementsBefore.toLocaleString('en-US')} DOM elements)`,
      );

      // typing in the JSON editor with ReadOnlyAccess loaded, optionally profiled
      await cursorIntoFirstSid(page);
      if (profileDir) await startProfile(cdp);
      const big = await typeAndMeasure(page, MONACO_TEXT, 'abcdefghijklmnopqrst');
      console.log(
        typingLine(
          'JSON editor keystroke, ReadOnlyAccess',
          big,
          'median <= 16 ms, p95 <= 33 ms, <= 1 long task per 5 keys',
        ),
      );
      if (profileDir) await stopProfile(cdp, profileDir, 'json-typing-readonlyaccess');
    } finally {
      await close();
    }
  } finally {
    await browser.close();
    await app.stop();
  }
}
