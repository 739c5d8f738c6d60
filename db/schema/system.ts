import {
  bigint,
  boolean,
  date,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import type { ImportWarning } from '../../lib/import/warnings';
import { users } from './users';

/** Workspace settings (time zone, gross margin, thresholds, risk rules), one JSON value per key. */
export const settings = pgTable('settings', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

export type ImportRowError = { line: number; column?: string; message: string };

export const importJobs = pgTable(
  'import_jobs',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    kind: text('kind').notNull(),
    filename: text('filename').notNull(),
    // pending, running, succeeded, failed
    status: text('status').notNull().default('pending'),
    dryRun: boolean('dry_run').notNull().default(false),
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default({}),
    rowsRead: integer('rows_read').notNull().default(0),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
    warnings: jsonb('warnings').$type<ImportWarning[]>().notNull().default([]),
    message: text('message'),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    // The runner's last sign of life while running: a running job whose runner stopped (a server restart, a killed
    // CLI) is told apart by it (server/imports/interrupted.ts).
    heartbeatAt: timestamp('heartbeat_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('import_jobs_created_idx').on(t.createdAt.desc().nullsFirst())],
);

export const apiKeys = pgTable(
  'api_keys',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    // The first characters of the key, shown to identify it; the key itself is stored only as a hash.
    prefix: text('prefix').notNull(),
    keyHash: text('key_hash').notNull(),
    scopes: text('scopes').array().notNull().default([]),
    createdById: integer('created_by_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('api_keys_hash_key').on(t.keyHash)],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    // null actor = the system or the CLI; actor_label says which
    actorId: integer('actor_id').references(() => users.id, { onDelete: 'set null' }),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('audit_log_created_idx').on(t.createdAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('audit_log_actor_idx').on(t.actorId, t.createdAt.desc().nullsFirst()),
    index('audit_log_entity_idx').on(t.entityType, t.entityId, t.createdAt.desc().nullsFirst()),
  ],
);

/** Monthly rollups per metric and dimension so that KPI pages read a few hundred rows instead of raw history. */
export const metricSnapshots = pgTable(
  'metric_snapshots',
  {
    month: date('month').notNull(),
    metric: text('metric').notNull(),
    // '' = whole workspace; otherwise e.g. 'segment:b2b_smb'
    dimension: text('dimension').notNull().default(''),
    value: doublePrecision('value'),
    computedAt: timestamp('computed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.metric, t.dimension, t.month] })],
);

/**
 * Sign-ins, failed and refused sign-ins, lockouts, sign-outs and refused requests, for admins to read (Admin →
 * Security log). Kept for HOLDFAST_SECURITY_LOG_DAYS (default 90); each write deletes a batch of older rows.
 */
export const securityEvents = pgTable(
  'security_events',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull().defaultNow(),
    // lib/auth/security-events.ts lists the kinds
    kind: text('kind').notNull(),
    userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
    // The account named: a failed sign-in may name one that does not exist
    email: text('email'),
    ip: text('ip'),
    userAgent: text('user_agent'),
    // What was refused: the permission asked for, and where (a route, the page a server action was sent from)
    permission: text('permission'),
    target: text('target'),
    detail: text('detail'),
  },
  (t) => [
    index('security_events_time_idx').on(t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('security_events_kind_idx').on(t.kind, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('security_events_user_idx').on(t.userId, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
    index('security_events_ip_idx').on(t.ip, t.occurredAt.desc().nullsFirst(), t.id.desc().nullsFirst()),
  ],
);
