import path from 'node:path';

/**
 * The directory that holds drizzle/ and .holdfast/. The CLI launcher sets HOLDFAST_ROOT to the package it lives in,
 * so `npx holdfast` from a subdirectory still finds the same embedded database as the server.
 */
export function projectRoot(): string {
  // turbopackIgnore: a runtime path, not a module to trace; without it Next traces the whole project into the build.
  return path.resolve(/*turbopackIgnore: true*/ process.env.HOLDFAST_ROOT ?? process.cwd());
}
