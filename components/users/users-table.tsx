import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import type { UserListDTO } from '@/server/services/users';
import type {
  changeRoleAction,
  resetPasswordAction,
  setDisabledAction,
  unlockUserAction,
} from '@/app/(app)/admin/users/actions';
import { ResetPasswordDialog } from './reset-password-dialog';
import { UserRoleForm } from './user-role-form';
import { UserStatusForm } from './user-status-form';
import { UserUnlockForm } from './user-unlock-form';

type UsersTableProps = {
  users: UserListDTO[];
  currentUserId: number;
  changeRole: typeof changeRoleAction;
  setDisabled: typeof setDisabledAction;
  resetPassword: typeof resetPasswordAction;
  unlock: typeof unlockUserAction;
};

export function UsersTable({ users, currentUserId, changeRole, setDisabled, resetPassword, unlock }: UsersTableProps) {
  return (
    <Table>
      <caption className="sr-only">Workspace users</caption>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Name and email</TableHeaderCell>
          <TableHeaderCell>Role</TableHeaderCell>
          <TableHeaderCell>Status</TableHeaderCell>
          <TableHeaderCell>Last sign-in</TableHeaderCell>
          <TableHeaderCell>Password</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {users.map((user) => (
          <TableRow key={user.id}>
            <TableCell className="whitespace-nowrap">
              <span className="block font-medium text-zinc-900">
                {user.name}
                {user.id === currentUserId && (
                  <Badge tone="accent" className="ml-2">
                    You
                  </Badge>
                )}
              </span>
              <span className="block text-zinc-600">{user.email}</span>
            </TableCell>
            <TableCell>
              <UserRoleForm
                user={{ id: user.id, name: user.name, role: user.role, version: user.version }}
                action={changeRole}
              />
            </TableCell>
            <TableCell>
              <UserStatusForm
                user={{ id: user.id, disabled: user.disabled, version: user.version }}
                action={setDisabled}
              />
            </TableCell>
            <TableCell className="whitespace-nowrap text-zinc-700">
              {user.lastLoginAt ? formatDateTime(user.lastLoginAt) : 'Never'}
            </TableCell>
            <TableCell className="space-y-2">
              <UserUnlockForm user={{ id: user.id, lockedUntil: user.lockedUntil }} action={unlock} />
              {/* One's own password is changed from the account menu, which asks for the current one. */}
              {user.id !== currentUserId && (
                <ResetPasswordDialog user={{ id: user.id, name: user.name }} action={resetPassword} />
              )}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
