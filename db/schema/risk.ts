import { bigint, index, jsonb, pgTable, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { riskBandEnum } from './enums';
import { customers } from './customers';

export type RiskFactor = { key: string; label: string; contribution: number; action?: string };

/**
 * Current score per customer. Kept narrow and apart from `customers` because full rescoring rewrites every row,
 * which costs 3-4x more on the wide, heavily indexed customers table (docs/speed-targets.md).
 */
export const riskScores = pgTable(
  'risk_scores',
  {
    customerId: bigint('customer_id', { mode: 'number' })
      .primaryKey()
      .references(() => customers.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    band: riskBandEnum('band').notNull(),
    factors: jsonb('factors').$type<RiskFactor[]>().notNull().default([]),
    modelVersion: text('model_version'),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('risk_scores_score_idx').on(t.score, t.customerId), index('risk_scores_band_idx').on(t.band, t.score)],
);

export const riskScoreHistory = pgTable(
  'risk_score_history',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    customerId: bigint('customer_id', { mode: 'number' })
      .notNull()
      .references(() => customers.id, { onDelete: 'cascade' }),
    score: smallint('score').notNull(),
    band: riskBandEnum('band').notNull(),
    factors: jsonb('factors').$type<RiskFactor[]>().notNull().default([]),
    scoredAt: timestamp('scored_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('risk_score_history_customer_idx').on(t.customerId, t.scoredAt.desc().nullsFirst())],
);
