import { parseArgs as parseNodeArgs } from 'node:util';
import type { IamTimeouts } from './iam';

/** Command-line options of `npm start`. */
export interface StartOptions {
  readonly port: number;
  readonly host: string;
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly sandbox: boolean;
  /** a fault plan for the sandbox (implies --sandbox), e.g. "throttle=0.2,latency=100-400,seed=7" */
  readonly sandboxFaults?: string;
  /** shorter bounds on IAM calls than the defaults (for tests with stalled connections) */
  readonly iamTimeouts?: Partial<IamTimeouts>;
  /** skip the "build when needed" step (tests build once up front) */
  readonly noBuild: boolean;
  readonly help: boolean;
}

export const USAGE = `Usage: npm start -- [options]

Options:
  --port N            port on 127.0.0.1 (default 4317; 0 picks a free port)
  --profile NAME      AWS profile from your shared config/credentials files
  --region NAME       AWS region for the SDK (IAM itself is global)
  --endpoint-url URL  an IAM-compatible endpoint instead of AWS
  --sandbox           talk to the built-in sandbox account instead of AWS
  --sandbox-faults P  the sandbox with injected faults, e.g. throttle=0.2,error500=0.1,
                      latency=200-800,drop=0.05,stall=0.02,seed=7 (see src/sandbox/README.md)
  --iam-timeouts T    for tests: shorter bounds on IAM calls, in ms, e.g.
                      connect=500,attempt=1500,call=4000,operation=6000 (defaults 5 s,
                      15 s, 40 s, 55 s: one attempt, one call with its retries, one operation)
  --no-build          do not rebuild the app before starting
  --help              show this help
`;

export class ArgsError extends Error {}

const OPTIONS = {
  port: { type: 'string' },
  profile: { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  sandbox: { type: 'boolean' },
  'sandbox-faults': { type: 'string' },
  'iam-timeouts': { type: 'string' },
  'no-build': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Reads the options with node:util's parseArgs, with messages that say which option is wrong. */
export function parseArgs(argv: readonly string[]): StartOptions {
  let values: ReturnType<typeof parseNodeArgs<{ args: string[]; options: typeof OPTIONS; strict: true }>>['values'];
  try {
    ({ values } = parseNodeArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown option '([^']+)'/.exec(message);
    if (unknown) throw new ArgsError(`unknown option "${unknown[1]}"`);
    const missing = /Option '(?:-\w, )?(--[\w-]+)[^']*' argument missing/.exec(message);
    if (missing) throw new ArgsError(`${missing[1]} needs a value`);
    throw new ArgsError(message);
  }
  const text = (name: keyof typeof OPTIONS): string | undefined => {
    const value = values[name];
    if (value === '') throw new ArgsError(`--${name} needs a value`);
    return typeof value === 'string' ? value : undefined;
  };
  let port = 4317;
  const portText = text('port');
  if (portText !== undefined) {
    const n = Number(portText);
    if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ArgsError(`--port must be 0-65535, got "${portText}"`);
    port = n;
  }
  const endpointUrl = text('endpoint-url');
  if (endpointUrl !== undefined) {
    try {
      new URL(endpointUrl);
    } catch {
      throw new ArgsError(`--endpoint-url must be a URL, got "${endpointUrl}"`);
    }
  }
  const sandboxFaults = text('sandbox-faults');
  const timeoutsText = text('iam-timeouts');
  const iamTimeouts = timeoutsText === undefined ? undefined : parseTimeouts(timeoutsText);
  return {
    port,
    host: '127.0.0.1',
    profile: text('profile'),
    region: text('region'),
    endpointUrl,
    sandbox: values.sandbox === true || sandboxFaults !== undefined,
    ...(sandboxFaults !== undefined ? { sandboxFaults } : {}),
    ...(iamTimeouts !== undefined ? { iamTimeouts } : {}),
    noBuild: values['no-build'] === true,
    help: values.help === true,
  };
}

const TIMEOUT_KEYS: Readonly<Record<string, keyof IamTimeouts>> = {
  connect: 'connectMs',
  attempt: 'attemptMs',
  call: 'callMs',
  operation: 'operationMs',
};

/** "connect=500,attempt=1500,call=4000,operation=6000" (any of them) as IamTimeouts. */
export function parseTimeouts(text: string): Partial<IamTimeouts> {
  const out: Partial<Record<keyof IamTimeouts, number>> = {};
  for (const part of text.split(',')) {
    const item = part.trim();
    if (item === '') continue;
    const [name = '', value = ''] = item.split('=', 2).map((s) => s.trim());
    const key = TIMEOUT_KEYS[name];
    if (!key) throw new ArgsError(`--iam-timeouts: unknown bound "${name}" (connect, attempt, call, operation)`);
    const ms = Number(value);
    if (!/^\d+$/.test(value) || ms < 1 || ms > 600_000) {
      throw new ArgsError(`--iam-timeouts: ${name} must be 1-600000 ms, not "${value}"`);
    }
    if (out[key] !== undefined) throw new ArgsError(`--iam-timeouts: ${name} is given twice`);
    out[key] = ms;
  }
  if (Object.keys(out).length === 0) throw new ArgsError('--iam-timeouts needs at least one bound, e.g. attempt=1500');
  return out;
}
