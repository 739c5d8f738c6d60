import path from 'node:path';

/**
 * The directory that holds drizzle/ and .holdfast/. The CLI launcher sets HOLDFAST_ROOT to the package it lives in,
 * so `npx holdfast` from a subdirectory still finds the same embedded database as the server.
 */
export function projectRoot(): string {
  return path.resolve(process.env.HOLDFAST_ROOT ?? process.cwd());
}
