/** Test helpers for the commands: an io that captures what a command prints. */
import type { CliIo } from './io';

export interface Captured {
  readonly io: CliIo;
  readonly out: () => string;
  readonly err: () => string;
}

/** An io whose standard input is `stdin` and whose output is kept for the test to read. */
export function capture(stdin = ''): Captured {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: (text) => {
        out += text;
      },
      stderr: (text) => {
        err += text;
      },
      readStdin: () => Promise.resolve(stdin),
    },
    out: () => out,
    err: () => err,
  };
}
