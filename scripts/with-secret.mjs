// `npm run dev` / `npm start`: runs the given command with NEXTAUTH_SECRET (generated once per checkout if unset).
import { ensureSecret, nextBin, run } from './lib.mjs';

const [command, ...args] = process.argv.slice(2);
const port = process.env.PORT ?? '3000';
const env = {
  NEXTAUTH_SECRET: ensureSecret(),
  NEXTAUTH_URL: process.env.NEXTAUTH_URL ?? `http://localhost:${port}`,
};
const bin = command === 'next' ? nextBin() : command;
const status = await run(command === 'next' ? process.execPath : bin, command === 'next' ? [bin, ...args] : args, {
  env,
  allowFailure: true,
});
process.exit(status);
