import type { Command } from 'commander';
import { describeDatabase } from '@/db/config';
import { migrateDatabase, migrationStatus } from '@/db/migrate';
import { info, withDatabase } from '../run';

export function registerDbCommands(program: Command): void {
  const db = program.command('db').description('database schema');

  db.command('migrate')
    .description('apply pending SQL migrations from drizzle/ to the selected database')
    .action(() =>
      withDatabase(async (handle) => {
        info(`Migrating ${describeDatabase(handle.config)} ...`);
        await migrateDatabase(handle);
        const status = await migrationStatus(handle);
        info(`Schema is current (${status.applied} migrations applied, latest ${status.latest}).`);
      }),
    );

  db.command('status')
    .description('show whether the selected database has every migration applied')
    .option('--json', 'print one JSON document')
    .action((options: { json?: boolean }) =>
      withDatabase(async (handle) => {
        const status = await migrationStatus(handle);
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ database: describeDatabase(handle.config), driver: handle.config.driver, ...status })}\n`,
          );
        } else {
          info(
            `${describeDatabase(handle.config)}: ${status.applied}/${status.expected} migrations applied, ${status.current ? 'current' : 'PENDING — run `npx holdfast db migrate`'}`,
          );
        }
        if (!status.current) process.exitCode = 2;
      }),
    );
}
