/** Command-line options of `npm start`. */
export interface StartOptions {
  readonly port: number;
  readonly host: string;
  readonly profile?: string;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly sandbox: boolean;
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
  --no-build          do not rebuild the app before starting
  --help              show this help
`;

export class ArgsError extends Error {}

export function parseArgs(argv: readonly string[]): StartOptions {
  let port = 4317;
  let profile: string | undefined;
  let region: string | undefined;
  let endpointUrl: string | undefined;
  let sandbox = false;
  let noBuild = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '') throw new ArgsError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case '--port': {
        const v = value();
        const n = Number(v);
        if (!Number.isInteger(n) || n < 0 || n > 65535) throw new ArgsError(`--port must be 0-65535, got "${v}"`);
        port = n;
        break;
      }
      case '--profile':
        profile = value();
        break;
      case '--region':
        region = value();
        break;
      case '--endpoint-url': {
        const v = value();
        try {
          new URL(v);
        } catch {
          throw new ArgsError(`--endpoint-url must be a URL, got "${v}"`);
        }
        endpointUrl = v;
        break;
      }
      case '--sandbox':
        sandbox = true;
        break;
      case '--no-build':
        noBuild = true;
        break;
      case '--help':
      case '-h':
        help = true;
        break;
      default:
        throw new ArgsError(`unknown option "${arg}"`);
    }
  }
  return { port, host: '127.0.0.1', profile, region, endpointUrl, sandbox, noBuild, help };
}
