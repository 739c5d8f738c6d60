import type { Metadata } from 'next';
import { ChangePasswordForm } from '@/components/account/change-password-form';
import { Card, CardContent } from '@/components/ui/card';
import { PageHeader } from '@/components/ui/page-header';
import { requirePermission } from '@/server/auth/session';
import { changeOwnPasswordAction } from './actions';

export const metadata: Metadata = { title: 'Change password' };

export default async function ChangePasswordPage() {
  await requirePermission('account.changePassword');
  return (
    <>
      <PageHeader
        title="Change password"
        description="Your new password works from your next sign-in; other devices signed in as you are signed out."
      />
      <Card className="max-w-lg">
        <CardContent className="p-6">
          <ChangePasswordForm action={changeOwnPasswordAction} />
        </CardContent>
      </Card>
    </>
  );
}
