import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type Config } from '../config/config.js';
import { StorageError } from '../storage/dialect-adapter.js';
import { commands, type CliIo, type CliServices, type Command } from './commands.js';

export type { CliIo, CliServices } from './commands.js';

export interface CliResult {
  code: number;
  /** Present while a server started by `serve` is running: stops it. */
  stop?: () => Promise<void>;
}

const USAGE = `Usage: newsdesk <command> [options]

Commands:
${Object.entries(commands)
  .map(([name, command]) => `  ${name.padEnd(12)} ${command.summary}`)
  .join('\n')}

Run "newsdesk <command> --help" for a command's options.
Configuration comes from the environment (see README.md): NEWSDESK_PORT, NEWSDESK_SITE_URL, DATABASE_URL, …
`;

/** Runs one CLI command. Every expected failure ends as one clear line on stderr and exit code 1. */
export async function runCli(argv: readonly string[], io: CliIo, services: CliServices): Promise<CliResult> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(USAGE);
    return { code: name === undefined ? 1 : 0 };
  }
  const command: Command | undefined = commands[name];
  if (!command) {
    io.stderr.write(`newsdesk: unknown command "${name}".\n\n${USAGE}`);
    return { code: 1 };
  }
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...rest],
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: (command.positionals?.length ?? 0) > 0 || (command.freeArguments ?? 0) > 0,
      strict: true,
    }));
    const free = command.freeArguments ?? 0;
    // Free words follow the sub-command when the command has sub-commands, else they come first.
    const first = (command.positionals?.length ?? 0) > 0 ? 1 : 0;
    const unexpected = positionals.find((word, index) => !(index === 0 && command.positionals?.includes(word)) && !(index >= first && index < first + free));
    if (unexpected !== undefined) throw new Error(`Unexpected argument '${unexpected}'.`);
  } catch (error) {
    io.stderr.write(`newsdesk ${name}: ${(error as Error).message}\n\n${command.help}`);
    return { code: 1 };
  }
  if (values.help) {
    io.stdout.write(command.help);
    return { code: 0 };
  }
  try {
    const config: Config = loadConfig(io.env);
    return await command.run({ config, values, positionals, io, services });
  } catch (error) {
    io.stderr.write(`newsdesk ${name}: ${describeFailure(error)}\n`);
    return { code: 1 };
  }
}

function describeFailure(error: unknown): string {
  if (error instanceof ConfigError || error instanceof StorageError) return error.message;
  if (error instanceof CliError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  return `${message} (set NEWSDESK_LOG_LEVEL=debug for details)`;
}

/** A failure whose message already says what to do. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
