import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { ChevronRight, ClipboardList, ShieldOff } from 'lucide-react';
import { ContactPreferencesForm, type ContactValues } from '@/components/customer-profile/contact-preferences';
import { ContactSummary } from '@/components/customer-profile/contact-summary';
import { KpiStrip } from '@/components/customer-profile/kpi-strip';
import { LogActivityForm } from '@/components/customer-profile/log-activity-form';
import { OwnerForm } from '@/components/customer-profile/owner-form';
import { PersonalDataActions } from '@/components/customer-profile/personal-data-actions';
import { ProfileHeader } from '@/components/customer-profile/profile-header';
import { CreateTaskForm } from '@/components/tasks/create-task-form';
import { TaskList } from '@/components/tasks/task-list';
import { CustomerTimeline } from '@/components/timeline/customer-timeline';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { formatDateTime } from '@/lib/format';
import { parseTimelineQuery } from '@/lib/timeline/query';
import { requireUser, userActor } from '@/server/auth/session';
import { getCustomerKpis, getCustomerProfile } from '@/server/queries/customer-profile';
import { getCustomerTimeline } from '@/server/queries/customer-timeline';
import { listAssignableUsers, listCustomerTasks } from '@/server/queries/tasks';
import { customerPath } from '@/server/revalidate-work';
import { parseId } from '@/lib/validation/ids';

type CustomerPageProps = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const customerIdOf = (value: string) => parseId(value, 'bigint');

// Once per request: the title and the page read the same header row.
const loadProfile = cache(async (customerId: number) => {
  const user = await requireUser();
  return getCustomerProfile({ ctx: { db: await getDb(), actor: userActor(user) }, customerId });
});

export async function generateMetadata({ params }: CustomerPageProps): Promise<Metadata> {
  const customerId = customerIdOf((await params).id);
  const profile = customerId === null ? null : await loadProfile(customerId);
  return { title: profile?.name ?? 'Customer' };
}

/**
 * The customer 360: who they are, how they are doing, everything that happened, and the work on the account. Five
 * statements at most (header, KPIs, timeline, tasks, and the team for those who assign), run together. Every write
 * control is shown only to those the server would let write, and the server checks again.
 */
export default async function CustomerPage({ params, searchParams }: CustomerPageProps) {
  await connection();
  const user = await requireUser();
  const customerId = customerIdOf((await params).id);
  if (customerId === null) notFound();
  const query = parseTimelineQuery(await searchParams);
  const ctx = { db: await getDb(), actor: userActor(user) };
  const mayAssign = can(user, 'tasks.assign') || can(user, 'customers.assignOwner');
  const now = new Date();
  const [profile, kpis, timeline, tasks, people] = await Promise.all([
    loadProfile(customerId),
    getCustomerKpis({ ctx, customerId, now }),
    getCustomerTimeline({ ctx, customerId, query }),
    listCustomerTasks({ ctx, customerId }),
    mayAssign ? listAssignableUsers({ ctx }) : Promise.resolve([]),
  ]);
  if (!profile) notFound();

  const erased = profile.erasedAt !== null;
  const account = { ownerId: profile.ownerId };
  const may = {
    logActivity: !erased && can(user, 'activities.write', account),
    createTask: !erased && can(user, 'tasks.write', account),
    editContact: !erased && can(user, 'customers.updateContact', account),
    changeOwner: !erased && can(user, 'customers.assignOwner'),
    assignTasks: can(user, 'tasks.assign'),
    export: can(user, 'customers.exportPersonalData'),
    erase: !erased && can(user, 'customers.erase'),
  };
  const contact: ContactValues = {
    customerId: profile.id,
    version: profile.version,
    email: profile.email,
    phone: profile.phone,
    consentEmail: profile.consentEmail,
    consentSms: profile.consentSms,
    consentPush: profile.consentPush,
    preferredChannel: profile.preferredChannel,
  };

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="flex items-center gap-1 text-sm text-zinc-600">
        <Link href="/customers" className="hover:text-zinc-900 hover:underline">
          Customers
        </Link>
        <ChevronRight aria-hidden className="size-4 text-zinc-400" />
        <span aria-current="page" className="truncate font-medium text-zinc-900">
          {profile.name}
        </span>
      </nav>

      {erased && (
        <div
          role="status"
          className="flex items-start gap-2 rounded-md border border-zinc-300 bg-zinc-100 px-4 py-3 text-sm text-zinc-800"
        >
          <ShieldOff aria-hidden className="mt-0.5 size-4 shrink-0" />
          <p>
            This customer&apos;s personal data was erased on {formatDateTime(profile.erasedAt!)}. Orders, subscriptions,
            usage and scores are kept for reporting; the record can no longer be changed.
          </p>
        </div>
      )}

      <ProfileHeader profile={profile} />
      <KpiStrip profile={profile} kpis={kpis} now={now} />

      <div className="grid gap-6 lg:grid-cols-3">
        <div className="min-w-0 space-y-6 lg:col-span-2">
          {may.logActivity && (
            <Card>
              <CardHeader>
                <CardTitle>Log an activity</CardTitle>
              </CardHeader>
              <CardContent>
                <LogActivityForm customerId={profile.id} />
              </CardContent>
            </Card>
          )}
          <CustomerTimeline basePath={customerPath(profile.id)} query={query} page={timeline} />
        </div>

        <aside className="min-w-0 space-y-6" aria-label="Account work">
          <Card>
            <CardHeader>
              <CardTitle>Tasks</CardTitle>
              <CardDescription>
                {tasks.open.length === 0 ? 'Nothing open on this account.' : `${tasks.open.length} open`}
              </CardDescription>
            </CardHeader>
            {tasks.open.length > 0 ? (
              <TaskList
                tasks={tasks.open}
                viewer={user}
                now={now}
                label="Open tasks"
                showCustomer={false}
                showAssignee
                assignees={people}
              />
            ) : (
              <EmptyState icon={ClipboardList} title="No open tasks" className="py-6" />
            )}
            {may.createTask && (
              <details className="border-t border-zinc-200 px-5 py-4">
                <summary className="text-sm font-medium text-accent-800">New task</summary>
                <div className="mt-4">
                  <CreateTaskForm
                    customerId={profile.id}
                    ownerId={profile.ownerId}
                    assignees={may.assignTasks ? people : undefined}
                  />
                </div>
              </details>
            )}
            {tasks.closed.length > 0 && (
              <details className="border-t border-zinc-200">
                <summary className="px-5 py-3 text-sm font-medium text-zinc-700">
                  Recently closed ({tasks.closed.length})
                </summary>
                <TaskList
                  tasks={tasks.closed}
                  viewer={user}
                  now={now}
                  label="Recently closed tasks"
                  showCustomer={false}
                  showAssignee
                />
              </details>
            )}
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Contact and consent</CardTitle>
            </CardHeader>
            <CardContent>
              {may.editContact ? <ContactPreferencesForm values={contact} /> : <ContactSummary values={contact} />}
            </CardContent>
          </Card>

          {may.changeOwner && (
            <Card>
              <CardHeader>
                <CardTitle>Owner</CardTitle>
                <CardDescription>Currently {profile.ownerName ?? 'nobody'}.</CardDescription>
              </CardHeader>
              <CardContent>
                <OwnerForm
                  customerId={profile.id}
                  version={profile.version}
                  ownerId={profile.ownerId}
                  people={people}
                />
              </CardContent>
            </Card>
          )}

          {may.export && (
            <Card>
              <CardHeader>
                <CardTitle>Personal data</CardTitle>
                <CardDescription>For LGPD/GDPR requests. Both are recorded in the audit log.</CardDescription>
              </CardHeader>
              <CardContent>
                <PersonalDataActions customerId={profile.id} name={profile.name} canErase={may.erase} />
              </CardContent>
            </Card>
          )}
        </aside>
      </div>
    </div>
  );
}
