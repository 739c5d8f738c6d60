/** A target a figure is judged against: its value, or its ratio to the floor, at most `max`. */
export type Target = { label: string; of: 'value' | 'ratio'; max: number };

/** One measured figure, beside its floor: the same work done bare on the same data in the same run. */
export type Figure = {
  name: string;
  value: number | null;
  unit: string;
  /** E.g. the same SQL statements run on a bare connection, or psql `\copy` of the same file. */
  reference?: { name: string; value: number | null; unit: string };
  /** Times the floor: the figure's time over the floor's (for rates, the floor's rate over the figure's). */
  ratio?: number | null;
  target?: Target;
  /** Why the figure proves nothing (e.g. a sort over 0 scores): it is reported but neither passes nor fails. */
  trivial?: string;
  note?: string;
};

export type Verdict = 'pass' | 'FAIL' | 'not measured' | '';

export function verdict(f: Figure): Verdict {
  if (!f.target) return '';
  if (f.trivial) return 'not measured';
  const measured = f.target.of === 'ratio' ? f.ratio : f.value;
  if (measured === null || measured === undefined) return 'not measured';
  return measured <= f.target.max ? 'pass' : 'FAIL';
}

/** Load averages (1, 5, 15 minutes) when a section started and ended. */
export type Load = { before: number[]; after: number[] };

export type Section = {
  title: string;
  notes: string[];
  figures: Figure[];
  load?: Load;
  /** The error that stopped the section; the figures it measured before are kept. */
  failed?: string;
};

export type Report = {
  generatedAt: string;
  /** Wall time of the whole run, seconds. */
  seconds?: number;
  machine: Record<string, string | number>;
  postgres: Record<string, string>;
  volume: Record<string, number>;
  sections: Section[];
};

const number = (value: number | null, unit: string) =>
  value === null
    ? '—'
    : `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : value < 1000 ? 1 : 0 })} ${unit}`;

const loads = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');

/** The figures of a report that fail or were not measured, by section: what its summary names. */
export function tally(report: Report): {
  pass: number;
  fail: string[];
  notMeasured: string[];
  failedSections: string[];
} {
  const result = { pass: 0, fail: [] as string[], notMeasured: [] as string[], failedSections: [] as string[] };
  for (const section of report.sections) {
    if (section.failed) result.failedSections.push(section.title);
    for (const f of section.figures) {
      const v = verdict(f);
      if (v === 'pass') result.pass++;
      else if (v === 'FAIL') result.fail.push(`${section.title}: ${f.name}`);
      else if (v === 'not measured') result.notMeasured.push(`${section.title}: ${f.name}`);
    }
  }
  return result;
}

export function toMarkdown(report: Report): string {
  const lines = [
    `# Holdfast bench report`,
    '',
    `Generated ${report.generatedAt}${report.seconds ? `; the run took ${Math.round(report.seconds / 60)} min` : ''}.`,
    '',
  ];
  const t = tally(report);
  lines.push(
    '## Summary',
    '',
    `${t.pass} figures meet their target, ${t.fail.length} fail, ${t.notMeasured.length} have a target but measured nothing (e.g. 0 matching rows); ${t.failedSections.length} sections stopped with an error.`,
    '',
  );
  for (const name of t.failedSections) lines.push(`- section stopped: ${name}`);
  for (const name of t.fail) lines.push(`- FAIL: ${name}`);
  if (t.failedSections.length || t.fail.length) lines.push('');
  lines.push(
    'Each figure stands beside its floor: the same work done bare on the same data in the same run (the statements the',
    "app's code sent, replayed on a plain connection; psql `\\copy` for imports). The ratio is times the floor: 1.00x is",
    'no overhead, 3x takes three times as long as the bare work.',
    '',
    '## Machine',
    '',
  );
  for (const [key, value] of Object.entries(report.machine)) lines.push(`- ${key}: ${value}`);
  lines.push('', '## PostgreSQL settings', '');
  for (const [key, value] of Object.entries(report.postgres)) lines.push(`- ${key}: ${value}`);
  lines.push('', '## Data volume', '', '| table | rows |', '|---|---:|');
  for (const [table, rows] of Object.entries(report.volume))
    lines.push(`| ${table} | ${rows.toLocaleString('en-US')} |`);
  for (const section of report.sections) {
    lines.push('', `## ${section.title}`, '');
    if (section.failed) lines.push(`**This section stopped with an error:** ${section.failed}`, '');
    if (section.load)
      lines.push(
        `Load average (1 / 5 / 15 min): ${loads(section.load.before)} at the start, ${loads(section.load.after)} at the end.`,
        '',
      );
    for (const note of section.notes) lines.push(note, '');
    if (!section.figures.length) continue;
    lines.push('| figure | value | floor | × floor | target | result | note |', '|---|---:|---|---:|---|---|---|');
    for (const f of section.figures) {
      const reference = f.reference ? `${f.reference.name}: ${number(f.reference.value, f.reference.unit)}` : '';
      const ratio = f.ratio === undefined || f.ratio === null ? '' : `${f.ratio.toFixed(2)}x`;
      const note = [f.trivial ? `not measured: ${f.trivial}` : '', f.note ?? ''].filter(Boolean).join('; ');
      lines.push(
        `| ${f.name} | ${number(f.value, f.unit)} | ${reference} | ${ratio} | ${f.target?.label ?? ''} | ${verdict(f)} | ${note} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
