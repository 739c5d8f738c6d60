import { Command } from 'commander';
import packageJson from '../package.json' with { type: 'json' };
import { registerDbCommands } from './commands/db';
import { registerExportCommand } from './commands/export';
import { registerImportCommand } from './commands/import';
import { registerKpisCommand } from './commands/kpis';
import { registerMetricsCommands } from './commands/metrics';
import { registerUserCommands } from './commands/users';
import { registerSeedCommand } from './commands/seed';

const program = new Command('holdfast')
  .description(
    'Holdfast customer retention workspace: command line.\nUses PostgreSQL when DATABASE_URL is set, otherwise the embedded database under .holdfast/pglite (HOLDFAST_DATA_DIR).',
  )
  .version(packageJson.version, '-V, --version', 'print the version of Holdfast')
  .showHelpAfterError()
  .configureHelp({ showGlobalOptions: true });

registerDbCommands(program);
registerImportCommand(program);
registerExportCommand(program);
registerUserCommands(program);
registerSeedCommand(program);
registerKpisCommand(program);
registerMetricsCommands(program);

await program.parseAsync(process.argv);
