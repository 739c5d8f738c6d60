import type { Command } from 'commander';
import { generatePassword } from '@/lib/auth/password';
import { createUserSchema } from '@/lib/validation/users';
import { systemActor } from '@/server/context';
import { ValidationError } from '@/server/errors';
import { createUser } from '@/server/services/users';
import { info, withDatabase } from '../run';
import { fieldErrorsOf } from '@/lib/validation/field-errors';

export function registerUserCommands(program: Command): void {
  const users = program.command('users').description('workspace users');

  users
    .command('add')
    .description('create a user; prints a generated password when --password is not given')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--role <role>', 'admin | lead | csm | exec')
    .option('--password <password>', 'at least 10 characters (generated when omitted)')
    .option('--json', 'print the created user as JSON')
    .action((options: { email: string; name: string; role: string; password?: string; json?: boolean }) =>
      withDatabase(async (handle) => {
        const generated = options.password === undefined;
        const password = options.password ?? generatePassword();
        const parsed = createUserSchema.safeParse({ ...options, password });
        if (!parsed.success) throw new ValidationError(fieldErrorsOf(parsed.error));
        const user = await createUser({ ctx: { db: handle.db, actor: systemActor('cli') }, input: parsed.data });
        if (options.json) {
          process.stdout.write(
            `${JSON.stringify({ id: user.id, email: user.email, name: user.name, role: user.role, ...(generated ? { password } : {}) })}\n`,
          );
        } else {
          info(`Created ${user.role} ${user.email} (id ${user.id}).`);
          if (generated) info(`Password: ${password}`);
        }
      }),
    );
}
