'use client';

import { Download, Eraser } from 'lucide-react';
import { eraseCustomerAction } from '@/app/(app)/customers/[id]/actions';
import { ActionDialog } from '@/components/forms/action-dialog';
import { Button } from '@/components/ui/button';

type PersonalDataActionsProps = { customerId: number; name: string; canErase: boolean };

/** Admin-only LGPD/GDPR tools: a JSON download of everything about the customer, and erasure behind a confirmation. */
export function PersonalDataActions({ customerId, name, canErase }: PersonalDataActionsProps) {
  return (
    <div className="flex flex-wrap gap-2">
      <Button asChild variant="secondary">
        <a href={`/api/customers/${customerId}/personal-data`} download>
          <Download aria-hidden /> Export personal data
        </a>
      </Button>
      {canErase && (
        <ActionDialog
          trigger={
            <Button variant="danger">
              <Eraser aria-hidden /> Erase
            </Button>
          }
          title={`Erase ${name}?`}
          description="Their name becomes a neutral label; email, phone, company, imported attributes, consent and every note, task text, ticket subject, survey comment and message are cleared, also from the audit log, and saved views and export records that name them show the neutral label. Orders, subscriptions, usage and scores stay for reporting. This cannot be undone."
          action={eraseCustomerAction}
          hidden={{ customerId }}
          submitLabel="Erase personal data"
          pendingLabel="Erasing…"
          tone="danger"
        />
      )}
    </div>
  );
}
