/**
 * A fault plan for the sandbox: random, reproducible failures on a share of requests, so tests can
 * show that clients survive throttling, server errors, slow answers, dropped connections and
 * requests that are never answered.
 *
 *   throttle=0.2,error500=0.1,latency=200-800,drop=0.05,stall=0.02,seed=7,ops=CreatePolicy|AttachRolePolicy
 *
 * Rates are per request, between 0 and 1, and exclusive (one draw decides drop, stall, throttle,
 * error500 or nothing, so their sum must be at most 1); latency (a delay in ms, "200-800" or
 * "300") applies to every other request of the listed operations. The PRNG is seeded (default
 * seed 1), so a plan gives the same faults in the same request order. A fault is decided before
 * the operation runs: a faulted request never changes the account, not even partly.
 */

export interface FaultPlan {
  readonly throttle: number;
  readonly error500: number;
  readonly drop: number;
  readonly stall: number;
  /** [min, max] delay in ms, or undefined */
  readonly latency: readonly [number, number] | undefined;
  readonly seed: number;
  /** the IAM/STS actions that fault; undefined for all */
  readonly ops: ReadonlySet<string> | undefined;
}

export type FaultKind = 'throttle' | 'error500' | 'latency' | 'drop' | 'stall';

/** How many of each fault were injected (state.faults). */
export type FaultStats = Record<FaultKind, number>;

export function emptyFaultStats(): FaultStats {
  return { throttle: 0, error500: 0, latency: 0, drop: 0, stall: 0 };
}

/** What to do with one request. */
export type FaultDecision =
  | { readonly kind: 'none' }
  | { readonly kind: 'latency'; readonly ms: number }
  | { readonly kind: 'throttle' | 'error500' | 'drop' | 'stall' };

const RATES = ['throttle', 'error500', 'drop', 'stall'] as const;

/** Parses a plan; throws an Error saying what is wrong. */
export function parseFaultPlan(text: string): FaultPlan {
  const rates: Record<(typeof RATES)[number], number> = { throttle: 0, error500: 0, drop: 0, stall: 0 };
  let latency: [number, number] | undefined;
  let seed = 1;
  let ops: Set<string> | undefined;
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const eq = item.indexOf('=');
    if (eq <= 0) throw new Error(`fault plan: "${item}" is not name=value`);
    const name = item.slice(0, eq).trim();
    const value = item.slice(eq + 1).trim();
    if (seen.has(name)) throw new Error(`fault plan: ${name} is given twice`);
    seen.add(name);
    if ((RATES as readonly string[]).includes(name)) {
      const rate = Number(value);
      if (value === '' || !Number.isFinite(rate) || rate < 0 || rate > 1) {
        throw new Error(`fault plan: ${name} must be a rate between 0 and 1, not "${value}"`);
      }
      rates[name as (typeof RATES)[number]] = rate;
    } else if (name === 'latency') {
      const match = /^(\d+)(?:-(\d+))?$/.exec(value);
      const min = Number(match?.[1]);
      const max = match?.[2] === undefined ? min : Number(match[2]);
      if (!match || max < min || max > 600_000) {
        throw new Error(`fault plan: latency must be milliseconds "min-max" or "ms", not "${value}"`);
      }
      latency = [min, max];
    } else if (name === 'seed') {
      if (!/^\d{1,10}$/.test(value))
        throw new Error(`fault plan: seed must be a whole number, not "${value}"`);
      seed = Number(value);
    } else if (name === 'ops') {
      const names = value.split('|').map((op) => op.trim());
      if (names.some((op) => !/^[A-Za-z]+$/.test(op))) {
        throw new Error(`fault plan: ops must be action names separated by "|", not "${value}"`);
      }
      ops = new Set(names);
    } else {
      throw new Error(
        `fault plan: unknown fault "${name}" (throttle, error500, drop, stall, latency, seed, ops)`,
      );
    }
  }
  const total = RATES.reduce((sum, name) => sum + rates[name], 0);
  if (total > 1 + 1e-9) throw new Error(`fault plan: the rates add up to ${total}, more than 1`);
  return { ...rates, latency, seed, ops };
}

/** mulberry32: a small, fast, seeded PRNG giving numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Decides, request by request, which fault a plan injects, and counts them. */
export class FaultInjector {
  private readonly random: () => number;

  constructor(
    readonly plan: FaultPlan,
    private readonly stats: FaultStats,
  ) {
    this.random = seededRandom(plan.seed);
  }

  /** The fault for one request of `action` (draws from the PRNG only for faulting actions). */
  decide(action: string): FaultDecision {
    if (this.plan.ops && !this.plan.ops.has(action)) return { kind: 'none' };
    const draw = this.random();
    let threshold = 0;
    for (const kind of ['drop', 'stall', 'throttle', 'error500'] as const) {
      threshold += this.plan[kind];
      if (draw < threshold) {
        this.stats[kind] += 1;
        return { kind };
      }
    }
    if (this.plan.latency) {
      const [min, max] = this.plan.latency;
      this.stats.latency += 1;
      return { kind: 'latency', ms: Math.round(min + this.random() * (max - min)) };
    }
    return { kind: 'none' };
  }
}
