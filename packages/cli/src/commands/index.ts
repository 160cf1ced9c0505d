import type { Command } from '../command.js';
import { assessCommand } from './assess.js';
import { decodeCommand } from './decode.js';
import { formCommand } from './form.js';
import { issueCommand } from './issue.js';
import { keygenCommand } from './keygen.js';
import { renderCommand } from './render.js';
import { trustListCommand } from './trust-list.js';
import { validateCommand } from './validate.js';
import { verifyCommand } from './verify.js';
import { wrapCommand } from './wrap.js';

/** Every `healthcode` command, in the order `--help` lists them: operator key work first, then codes, then forms. */
export const commands: Command[] = [
  trustListCommand,
  keygenCommand,
  issueCommand,
  verifyCommand,
  decodeCommand,
  wrapCommand,
  renderCommand,
  formCommand,
  validateCommand,
  assessCommand,
];
