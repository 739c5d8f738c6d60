import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromPlaywright, fromVitest, suiteLines, withExitStatus } from '@/scripts/test-summary';

// Real reports of crashed runs (trimmed), written by Vitest 4 and Playwright 1.65.
function report(name: string) {
  return JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/test-reports', `${name}.json`), 'utf8'));
}

describe('the npm test summary', () => {
  it('counts a Vitest file that failed on import or in a hook as failed, not as passed or skipped', () => {
    const vitest = report('vitest-crashed-files');
    // Vitest's own totals: 1 failed, 3 pending, though two whole files never ran.
    expect([vitest.numFailedTests, vitest.numPendingTests]).toEqual([1, 3]);
    const result = fromVitest(vitest, '/repo');
    expect(result).toMatchObject({ passed: 1, failed: 4, skipped: 2 });
    expect(result.problems).toEqual([
      "tests/unit/crash-import.test.ts: ENOENT: no such file or directory, open '/data/telco-customer-churn.csv'",
      'tests/unit/hook-fails.test.ts: failed outside its tests (a hook or its setup; see its output above); 2 tests did not run',
    ]);
    expect(result.failedTests).toEqual(['tests/unit/mixed.test.ts › import › fails']);
  });

  it('lists skipped tests with their titles, which carry the reason', () => {
    const result = fromVitest(report('vitest-crashed-files'), '/repo');
    expect(result.skippedTests).toEqual([
      'tests/unit/mixed.test.ts › import › imports the 7,043-row sample (skipped: the Telco sample is not there)',
      'tests/unit/mixed.test.ts › import › later',
    ]);
    expect(suiteLines('unit', result)).toContain(
      '    skipped: tests/unit/mixed.test.ts › import › imports the 7,043-row sample (skipped: the Telco sample is not there)',
    );
  });

  it('counts a Playwright spec that failed to load as failed, though no test ran and the stats are all zero', () => {
    const result = fromPlaywright(report('playwright-spec-failed-to-load'));
    expect(result).toMatchObject({ passed: 0, failed: 1, skipped: 0 });
    expect(result.problems).toEqual([
      "broken.spec.ts: Error: ENOENT: no such file or directory, open '/data/telco-customer-churn.csv'",
    ]);
  });

  it('counts a web server that did not start as failed', () => {
    const result = fromPlaywright(report('playwright-web-server-failed'));
    expect(result).toMatchObject({ passed: 0, failed: 1 });
    expect(suiteLines('end-to-end', result)).toEqual([
      '  end-to-end: 0 passed, 1 failed',
      '    error: Error: Process from config.webServer was not able to start. Exit code: 3',
    ]);
  });

  it('counts Playwright tests that never ran after a failed hook as failed, and asked-for skips as skipped', () => {
    expect(fromPlaywright(report('playwright-hook-failed'))).toMatchObject({
      passed: 0,
      failed: 2,
      skipped: 0,
      problems: ['profile.spec.ts: 1 test did not run after an earlier failure'],
    });
    const result = fromPlaywright(report('playwright-skips-and-failure'));
    expect(result).toMatchObject({ passed: 1, failed: 1, skipped: 2, failedTests: ['imports.spec.ts › fails'] });
    expect(result.skippedTests).toEqual([
      'imports.spec.ts › the 7,043-row import (skipped: the Telco sample is not there)',
      'imports.spec.ts › group › never',
    ]);
  });

  it('fails a suite whose runner exited non-zero with no failure in its report, and one with no report', () => {
    const clean = { passed: 5, failed: 0, skipped: 0, problems: [], failedTests: [], skippedTests: [] };
    expect(withExitStatus(clean, 0).failed).toBe(0);
    expect(withExitStatus(clean, 1)).toMatchObject({ passed: 5, failed: 1 });
    expect(fromVitest(null, '/repo')).toMatchObject({ failed: 1 });
    expect(fromPlaywright(null)).toMatchObject({ failed: 1 });
  });
});
