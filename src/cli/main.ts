/**
 * iam-workbench: the pure core for scripts and CI. Each command lives in its own module and is
 * listed here; exit codes are 0 (clean), 1 (findings, new access) and 2 (usage, unreadable input).
 */
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo, type Command } from './io';
import { checkCommand } from './check';
import { diffCommand } from './diff';
import { fitCommand } from './fit';
import { simulateCommand } from './simulate';

const COMMANDS: readonly Command[] = [checkCommand, diffCommand, fitCommand, simulateCommand];

function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 4);
  return [
    'Usage: iam-workbench <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "iam-workbench <command> --help" for a command\'s options.',
    'Exit codes: 0 clean, 1 findings or new access, 2 usage or unreadable input.',
    '',
  ].join('\n');
}

export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(mainHelp());
    return name === undefined ? EXIT_USAGE : EXIT_OK;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.stderr(`iam-workbench: unknown command "${name}"\n\n${mainHelp()}`);
    return EXIT_USAGE;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(command.help.endsWith('\n') ? command.help : `${command.help}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`iam-workbench ${command.name}: ${error.message}\nRun "iam-workbench ${command.name} --help" for usage.\n`);
      return EXIT_USAGE;
    }
    io.stderr(`iam-workbench ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT_USAGE;
  }
}
