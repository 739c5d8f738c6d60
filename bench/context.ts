import type { DatabaseHandle } from '@/db/client';
import type { Section } from './report';

export type BenchOptions = {
  /** Customers of the reference database (docs/speed-targets.md: 1,000,000). */
  customers: number;
  /** Rows of the generated import files. */
  importCustomers: number;
  importEvents: number;
};

export type BenchContext = {
  /** Any database URL on the PostgreSQL server the bench uses; bench databases are created beside it. */
  serverUrl: string;
  /** The reference-volume database, seeded (built or reused). */
  reference: DatabaseHandle;
  /**
   * The reference database's name, which the run's other databases start with: checkouts that bench side by side,
   * each with its own --reference-db, never drop each other's.
   */
  databasePrefix: string;
  options: BenchOptions;
  /** Folder for generated files. */
  workDir: string;
  log: (message: string) => void;
};

/** A part of the report; later features add theirs to SECTIONS. */
export type BenchSection = { title: string; run: (ctx: BenchContext) => Promise<Section> };
