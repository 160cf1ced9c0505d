import { type Command, type CommandContext, UsageError } from './command.js';
import { commands } from './commands/index.js';

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

function helpText(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `usage: healthcode <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

/**
 * Runs one `healthcode` invocation. Never throws: usage errors exit 2, any other
 * failure is reported on stderr and exits 1.
 */
export async function runCli(argv: string[], io: Omit<CommandContext, 'argv'>): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(helpText());
    return name ? EXIT.ok : EXIT.usage;
  }
  const command: Command | undefined = commands.find((c) => c.name === name);
  if (!command) {
    io.stderr(`healthcode: unknown command '${name}'\n\n${helpText()}`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return EXIT.ok;
  }
  try {
    return await command.run({ ...io, argv: rest });
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`healthcode ${name}: ${err.message}\n\n${command.usage}\n`);
      return EXIT.usage;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`healthcode ${name}: ${message}\n`);
    return EXIT.failed;
  }
}
