/** `pnpm demo`: HealthCode end to end in this terminal. See ./demo.ts for the story. */
import { runDemo } from './demo.js';

const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
runDemo({ write: (text) => process.stdout.write(text), color }).then(
  ({ genuine, tampered, expired }) => {
    process.exitCode = genuine.valid && !tampered.valid && !expired.valid ? 0 : 1;
  },
  (err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  },
);
