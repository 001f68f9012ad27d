import { parseArgs, type ParseArgsConfig } from 'node:util';

/**
 * What a command sees of the world: its output streams and standard input. Tests pass their own;
 * bin/iam-workbench.js passes the process's.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => Promise<string>;
}

/** Exit codes shared by every command, as ESLint and Parliament use them. */
export const EXIT_OK = 0;
/** findings (check), new access (diff) */
export const EXIT_FINDINGS = 1;
/** usage errors and unreadable input */
export const EXIT_USAGE = 2;

/** A usage or input error: printed as `iam-workbench: <message>` and exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** `node:util` parseArgs, strict, with its complaints (unknown option, missing value) as usage errors. */
export function parseCommandArgs<const T extends Omit<ParseArgsConfig, 'strict'>>(
  config: T,
): ReturnType<typeof parseArgs<T & { strict: true }>> {
  try {
    return parseArgs({ ...config, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

export interface Command {
  readonly name: string;
  /** one line for `iam-workbench --help` */
  readonly summary: string;
  /** the command's full `--help` text */
  readonly help: string;
  readonly run: (args: readonly string[], io: CliIo) => Promise<number>;
}
