// How `npm test` turns the JSON reports of Vitest and Playwright into its summary. A report's own totals count only
// the tests that ran: a file that failed on import, a hook that failed before its tests, a spec that did not load or
// a web server that did not start would leave a green-looking line while whole files never ran. Here each of those
// counts as failed and is named, and every skipped test is listed with its title (which carries the reason).
import path from 'node:path';

export type SuiteResult = {
  passed: number;
  /** Failed tests, tests that never ran because something before them failed, and failures outside any test. */
  failed: number;
  skipped: number;
  /** What went wrong outside a test, or kept tests from running: one line each. */
  problems: string[];
  failedTests: string[];
  skippedTests: string[];
};

type VitestAssertion = { title: string; ancestorTitles?: string[]; status: string };
type VitestFile = { name: string; status: string; message?: string; assertionResults?: VitestAssertion[] };
export type VitestReport = { testResults?: VitestFile[] };

type PlaywrightAnnotation = { type: string; description?: string };
type PlaywrightTest = { status: string; annotations?: PlaywrightAnnotation[] };
type PlaywrightSpec = { title: string; file?: string; tests?: PlaywrightTest[] };
type PlaywrightSuite = { title: string; file?: string; specs?: PlaywrightSpec[]; suites?: PlaywrightSuite[] };
type PlaywrightError = { message?: string; location?: { file: string; line?: number } };
export type PlaywrightReport = { suites?: PlaywrightSuite[]; errors?: PlaywrightError[] };

const SKIPPED = new Set(['skipped', 'pending', 'todo']);
const FAILED_TESTS_SHOWN = 20;

function empty(): SuiteResult {
  return { passed: 0, failed: 0, skipped: 0, problems: [], failedTests: [], skippedTests: [] };
}

function firstLine(text: string | undefined): string {
  // Reports keep the terminal's colour codes.
  return (
    (text ?? '')
      .replace(/\u001b\[[0-9;]*m/g, '')
      .trim()
      .split('\n')[0] ?? ''
  );
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A suite that could not run at all (no database, no browser, a failed build, no report): one failure, with why. */
export function notRun(reason: string): SuiteResult {
  return { ...empty(), failed: 1, problems: [reason] };
}

const NO_REPORT = 'wrote no report: it stopped before the end (see its output above)';

export function fromVitest(report: VitestReport | null, root: string): SuiteResult {
  if (!report) return notRun(NO_REPORT);
  const result = empty();
  for (const file of report.testResults ?? []) {
    const name = path.relative(root, file.name);
    const tests = file.assertionResults ?? [];
    const title = (test: VitestAssertion) => [name, ...(test.ancestorTitles ?? []), test.title].join(' › ');
    const passed = tests.filter((test) => test.status === 'passed').length;
    const failed = tests.filter((test) => test.status === 'failed');
    result.passed += passed;
    result.failed += failed.length;
    result.failedTests.push(...failed.map(title));
    if (file.status === 'failed' && failed.length === 0) {
      // The file failed outside its tests (on import, or in a hook): what it reports as skipped never ran.
      const unrun = tests.length - passed;
      result.failed += unrun || 1;
      const why = firstLine(file.message) || 'failed outside its tests (a hook or its setup; see its output above)';
      result.problems.push(`${name}: ${why}${unrun ? `; ${plural(unrun, 'test')} did not run` : ''}`);
      continue;
    }
    const skipped = tests.filter((test) => SKIPPED.has(test.status));
    result.skipped += skipped.length;
    result.skippedTests.push(...skipped.map(title));
  }
  return result;
}

function playwrightTests(suite: PlaywrightSuite, titles: string[]): { title: string; test: PlaywrightTest }[] {
  const inner = suite.file && titles.length === 0 ? [suite.file] : [...titles, suite.title];
  return [
    ...(suite.specs ?? []).flatMap((spec) =>
      (spec.tests ?? []).map((test) => ({ title: [...inner, spec.title].join(' › '), test })),
    ),
    ...(suite.suites ?? []).flatMap((child) => playwrightTests(child, inner)),
  ];
}

export function fromPlaywright(report: PlaywrightReport | null): SuiteResult {
  if (!report) return notRun(NO_REPORT);
  const result = empty();
  // Errors outside tests: a spec file that failed to load (then no test runs at all), a web server that did not start.
  for (const error of report.errors ?? []) {
    result.failed += 1;
    const where = error.location ? `${path.basename(error.location.file)}: ` : '';
    result.problems.push(`${where}${firstLine(error.message)}`);
  }
  const unrunByFile = new Map<string, number>();
  for (const suite of report.suites ?? []) {
    for (const { title, test } of playwrightTests(suite, [])) {
      if (test.status === 'expected' || test.status === 'flaky') result.passed += 1;
      else if (test.status === 'unexpected') {
        result.failed += 1;
        result.failedTests.push(title);
      } else if ((test.annotations ?? []).some((note) => note.type === 'skip' || note.type === 'fixme')) {
        result.skipped += 1;
        const reason = test.annotations?.find((note) => note.description)?.description;
        result.skippedTests.push(reason && !title.includes(reason) ? `${title} (${reason})` : title);
      } else {
        // Skipped without asking to be: it never ran because a test or hook before it failed.
        result.failed += 1;
        const file = title.split(' › ')[0];
        unrunByFile.set(file, (unrunByFile.get(file) ?? 0) + 1);
      }
    }
  }
  for (const [file, count] of unrunByFile)
    result.problems.push(`${file}: ${plural(count, 'test')} did not run after an earlier failure`);
  if (result.passed + result.failed + result.skipped === 0) {
    result.failed = 1;
    result.problems.push('no test ran');
  }
  return result;
}

/** A runner that exited non-zero fails its suite even when its report shows no failure (an error outside any test). */
export function withExitStatus(result: SuiteResult, status: number): SuiteResult {
  if (status === 0 || result.failed > 0) return result;
  return {
    ...result,
    failed: 1,
    problems: [...result.problems, `exited with status ${status} though no test failed (see its output above)`],
  };
}

export function countsLine({ passed, failed, skipped }: Pick<SuiteResult, 'passed' | 'failed' | 'skipped'>): string {
  return `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
}

/** The summary's lines for one suite: its counts, then what failed outside tests, failed tests and skipped tests. */
export function suiteLines(name: string, result: SuiteResult): string[] {
  const failed = result.failedTests.slice(0, FAILED_TESTS_SHOWN).map((title) => `    failed: ${title}`);
  const more = result.failedTests.length - failed.length;
  return [
    `  ${name}: ${countsLine(result)}`,
    ...result.problems.map((problem) => `    error: ${problem}`),
    ...failed,
    ...(more > 0 ? [`    … and ${more} more failed`] : []),
    ...result.skippedTests.map((title) => `    skipped: ${title}`),
  ];
}
