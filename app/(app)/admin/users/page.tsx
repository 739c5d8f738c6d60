import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { CreateUserForm } from '@/components/users/create-user-form';
import { UsersTable } from '@/components/users/users-table';
import { getDb } from '@/db/client';
import { requirePermission, userActor } from '@/server/auth/session';
import { listUsers } from '@/server/services/users';
import {
  changeRoleAction,
  createUserAction,
  resetPasswordAction,
  setDisabledAction,
  unlockUserAction,
} from './actions';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  await connection();
  const user = await requirePermission('users.manage');
  const users = await listUsers({ ctx: { db: await getDb(), actor: userActor(user) } });

  return (
    <>
      <PageHeader
        title="Users"
        description="Who can sign in to this workspace and what their role lets them do. Disabled users keep their history but cannot sign in."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader>
            <CardTitle>Add a user</CardTitle>
            <CardDescription>They sign in with this email and password.</CardDescription>
          </CardHeader>
          <CardContent>
            <CreateUserForm action={createUserAction} />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>All users</CardTitle>
          </CardHeader>
          {/* Never empty: the admin reading it is a user. */}
          <UsersTable
            users={users}
            currentUserId={user.id}
            changeRole={changeRoleAction}
            setDisabled={setDisabledAction}
            resetPassword={resetPasswordAction}
            unlock={unlockUserAction}
          />
        </Card>
      </div>
    </>
  );
}
