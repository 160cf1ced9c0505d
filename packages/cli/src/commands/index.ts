import type { Command } from '../command.js';

/** Every `healthcode` command, in the order `--help` lists them. */
export const commands: Command[] = [];
