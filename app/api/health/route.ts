import { sql } from 'drizzle-orm';
import { NextResponse } from 'next/server';
import { getDatabase } from '@/db/client';
import { databaseConfigFromEnv } from '@/db/config';
import { migrationStatus } from '@/db/migrate';
import { queryRows } from '@/db/rows';
import packageJson from '@/package.json';

// Answers from the live database on every request; never prerendered at build time.
export const dynamic = 'force-dynamic';

const NO_STORE = { 'cache-control': 'no-store' };

/** Liveness for load balancers and the e2e runner: the driver, whether migrations are current, the version. No secrets. */
export async function GET() {
  const driver = databaseConfigFromEnv().driver;
  try {
    const handle = await getDatabase();
    await queryRows(handle.db, sql`select 1`);
    const { applied, expected, current } = await migrationStatus(handle);
    return NextResponse.json(
      {
        status: current ? 'ok' : 'degraded',
        database: { driver, migrations: { applied, expected, current } },
        version: packageJson.version,
      },
      { headers: NO_STORE },
    );
  } catch (error) {
    console.error('[health] database unreachable:', (error as Error)?.message);
    return NextResponse.json(
      { status: 'degraded', database: { driver, reachable: false }, version: packageJson.version },
      { status: 503, headers: NO_STORE },
    );
  }
}
