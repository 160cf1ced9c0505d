/**
 * `@healthcode/cli`: the `healthcode` command, also usable as a library so that
 * operators' scripts and tests can run commands in-process.
 *
 * @packageDocumentation
 */
export { runCli, EXIT } from './cli.js';
export { type Command, type CommandContext, UsageError } from './command.js';
