import type { DatabaseHandle } from '@/db/client';
import type { FloorTools } from './floor';
import type { Section } from './report';

export type BenchOptions = {
  /** Customers of the reference database (the reference volume: 1,000,000). */
  customers: number;
  /** Rows of the generated import files. */
  importCustomers: number;
  importEvents: number;
  /** Port of the production server the HTTP section starts. */
  httpPort: number;
  /** Seconds of each load test. */
  loadSeconds: number;
};

export type BenchContext = {
  /** Any database URL on the PostgreSQL server the bench uses; bench databases are created beside it. */
  serverUrl: string;
  /** The reference-volume database, seeded (built or reused); its pool reports statements to `floor.recorder`. */
  reference: DatabaseHandle;
  referenceUrl: string;
  /**
   * The reference database's name, which the run's other databases start with: checkouts that bench side by side,
   * each with its own --reference-db, never drop each other's.
   */
  databasePrefix: string;
  /** Captures what app code sends to the reference database and replays it on a bare connection. */
  floor: FloorTools;
  options: BenchOptions;
  /** Folder for generated files. */
  workDir: string;
  log: (message: string) => void;
};

/**
 * A part of the report; later features add theirs to SECTIONS. `run` adds its notes and figures to `out` as it
 * measures them, so that an error part-way keeps what was measured before it.
 */
export type BenchSection = { title: string; run: (ctx: BenchContext, out: Section) => Promise<void> };
