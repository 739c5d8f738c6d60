import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Download, SearchX, Users } from 'lucide-react';
import Link from 'next/link';
import { KeysetPagination } from '@/components/data-table/keyset-pagination';
import { CustomerColumnSettings } from '@/components/customers/customer-column-settings';
import { CustomerFilters } from '@/components/customers/customer-filters';
import { CustomerTable } from '@/components/customers/customer-table';
import { FilterChips } from '@/components/customers/filter-chips';
import { SavedViewsMenu } from '@/components/customers/saved-views-menu';
import { Alert } from '@/components/ui/alert';
import { buttonVariants } from '@/components/ui/button';
import { Card, CardContent } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { getDb } from '@/db/client';
import { can } from '@/lib/auth/permissions';
import { defaultColumns, PAGE_SIZES } from '@/lib/customers/list-columns';
import { formatApproximateCount } from '@/lib/format';
import {
  customerListSearch,
  hasListState,
  parseCustomerListQuery,
  searchParamsOf,
  viewStateSearch,
  type CustomerListQuery,
  type OwnerChoice,
} from '@/lib/validation/customer-list';
import { requirePermission, userActor } from '@/server/auth/session';
import { BULK_LIMIT } from '@/server/services/bulk-target';
import { effectiveOwnerChoice, listCustomers, loadCustomerListOptions } from '@/server/services/customer-list';
import { findSavedView, listSavedViews } from '@/server/services/saved-views';

export const metadata: Metadata = { title: 'Customers' };

type CustomersPageProps = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const href = (query: CustomerListQuery, overrides?: Parameters<typeof customerListSearch>[1]) =>
  `/customers${customerListSearch(query, overrides)}`;

export default async function CustomersPage({ searchParams }: CustomersPageProps) {
  await connection();
  const user = await requirePermission('customers.read');
  const params = await searchParams;
  const actor = userActor(user);
  const ctx = { db: await getDb(), actor };

  let { query, ignored } = parseCustomerListQuery(params);
  const active = query.view ? await findSavedView({ ctx, viewId: query.view }) : null;
  if (query.view && !active) {
    ignored = [...ignored, 'view: that saved view no longer exists or is not shared with you'];
    query = { ...query, view: undefined };
  } else if (active && !hasListState(params)) {
    // A bare ?view= link opens the view as it was saved.
    ({ query, ignored } = parseCustomerListQuery(searchParamsOf(active.search)));
    query = { ...query, view: active.id };
  }

  const options = await loadCustomerListOptions({ ctx });
  const [page, views] = await Promise.all([listCustomers({ ctx, query, options }), listSavedViews({ ctx })]);

  const ownsAccounts = user.role !== 'exec';
  const defaultOwner: OwnerChoice = user.role === 'csm' ? 'me' : 'any';
  const owner = effectiveOwnerChoice(query.filter, actor);
  const visible = query.columns ?? defaultColumns({ hasRiskScores: options.hasRiskScores });
  const stateSearch = viewStateSearch(query);
  const { owner: _owner, ...otherFilters } = query.filter;
  const onlyOwner = Object.keys(otherFilters).length === 0;
  const presets = [
    ...(ownsAccounts
      ? [{ label: 'My accounts', href: '/customers?owner=me', active: !active && onlyOwner && owner === 'me' }]
      : []),
    { label: 'All customers', href: '/customers?owner=any', active: !active && onlyOwner && owner === 'any' },
  ];
  const filtered = !onlyOwner || owner !== 'any';
  const people = options.owners.filter((o) => !o.disabled && o.role !== 'exec');
  const keep: Record<string, string> = Object.fromEntries(
    new URLSearchParams(customerListSearch({ ...query, filter: {} }, { page: null })),
  );
  const total = formatApproximateCount(page.total.value, page.total.exact);

  return (
    <>
      <PageHeader
        title="Customers"
        description={
          active ? (
            <>
              View <strong className="font-semibold text-zinc-800">{active.name}</strong>
              {active.shared && ` · shared by ${active.ownerName}`}
              {active.search !== stateSearch && ' · changed since it was saved'}
            </>
          ) : owner === 'me' && onlyOwner ? (
            'Your accounts. Choose “Anyone” as the owner to see every customer.'
          ) : (
            'Every customer in the workspace: filter, sort and save views, or select customers to act on them together.'
          )
        }
      />
      <div className="space-y-4">
        {ignored.length > 0 && (
          <Alert tone="error">Some of this link could not be read and was left out: {ignored.join('; ')}.</Alert>
        )}
        <div className="flex flex-wrap items-center justify-between gap-2">
          <div className="flex flex-wrap items-center gap-2">
            <SavedViewsMenu
              views={views}
              active={active}
              presets={presets}
              currentSearch={stateSearch}
              canSave={can(user, 'views.save')}
              canShare={can(user, 'views.share')}
            />
            <CustomerColumnSettings query={query} visible={visible} />
          </div>
          <a href={`/customers/export${stateSearch}`} className={buttonVariants({ variant: 'secondary' })} download>
            <Download aria-hidden /> Export CSV
          </a>
        </div>
        <Card>
          <CardContent>
            {/* Keyed by the state so that its fields show the URL's values after Clear or Back, not the last ones typed. */}
            <CustomerFilters
              key={stateSearch}
              filter={query.filter}
              owner={owner}
              options={options}
              ownsAccounts={ownsAccounts}
              keep={keep}
              clearHref={href({ ...query, filter: {} }, { page: null })}
            />
          </CardContent>
        </Card>
        <FilterChips query={query} owner={owner} defaultOwner={defaultOwner} options={options} />
        <Card>
          {page.rows.length === 0 ? (
            filtered || query.page ? (
              <EmptyState icon={SearchX} title="No customers match these filters">
                <Link
                  href={href({ ...query, filter: { owner: 'any' } }, { page: null })}
                  className="font-medium text-accent-800 hover:underline"
                >
                  Show all customers
                </Link>{' '}
                or remove a filter above.
              </EmptyState>
            ) : (
              <EmptyState icon={Users} title="No customers yet">
                Import a CSV with <code className="font-mono text-xs">npx holdfast import customers file.csv</code>, or
                load demo data with <code className="font-mono text-xs">npx holdfast seed</code>.
              </EmptyState>
            )
          ) : (
            <CustomerTable
              rows={page.rows}
              query={query}
              visible={visible}
              total={page.total}
              can={{
                assignOwner: can(user, 'customers.assignOwner'),
                createTasks: can(user, 'tasks.write'),
                assignTasks: can(user, 'tasks.assign'),
              }}
              people={people}
              bulkLimit={BULK_LIMIT}
            />
          )}
          <KeysetPagination
            label="Customer list pages"
            summary={`Showing ${page.rows.length} of ${total} ${page.total.exact && page.total.value === 1 ? 'customer' : 'customers'}`}
            previousHref={page.previous ? href(query, { page: { before: page.previous } }) : null}
            nextHref={page.next ? href(query, { page: { after: page.next } }) : null}
            firstHref={query.page ? href(query, { page: null }) : null}
            pageSizes={PAGE_SIZES.map((size) => ({
              size,
              href: href({ ...query, size }, { page: null }),
              current: size === query.size,
            }))}
          />
        </Card>
      </div>
    </>
  );
}
