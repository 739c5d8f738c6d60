/** One measured figure, with the bare reference it is judged against on the same data in the same run. */
export type Figure = {
  name: string;
  value: number | null;
  unit: string;
  /** E.g. psql `\copy` of the same file, or `select count(*)` of the scanned table. */
  reference?: { name: string; value: number | null; unit: string };
  /** value / reference for rates, reference / value for times: above 1 is faster than the reference. */
  ratio?: number | null;
  target?: string;
  note?: string;
};

export type Section = { title: string; notes: string[]; figures: Figure[] };

export type Report = {
  generatedAt: string;
  machine: Record<string, string | number>;
  volume: Record<string, number>;
  sections: Section[];
};

const number = (value: number | null, unit: string) =>
  value === null ? '—' : `${value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 2 : value < 1000 ? 1 : 0 })} ${unit}`;

export function toMarkdown(report: Report): string {
  const lines = [`# Holdfast bench report`, '', `Generated ${report.generatedAt}.`, '', '## Machine', ''];
  for (const [key, value] of Object.entries(report.machine)) lines.push(`- ${key}: ${value}`);
  lines.push('', '## Data volume', '', '| table | rows |', '|---|---:|');
  for (const [table, rows] of Object.entries(report.volume)) lines.push(`| ${table} | ${rows.toLocaleString('en-US')} |`);
  for (const section of report.sections) {
    lines.push('', `## ${section.title}`, '');
    for (const note of section.notes) lines.push(note, '');
    lines.push('| figure | value | reference | ratio | target | note |', '|---|---:|---|---:|---|---|');
    for (const f of section.figures) {
      const reference = f.reference ? `${f.reference.name}: ${number(f.reference.value, f.reference.unit)}` : '';
      const ratio = f.ratio === undefined || f.ratio === null ? '' : `${f.ratio.toFixed(2)}x`;
      lines.push(`| ${f.name} | ${number(f.value, f.unit)} | ${reference} | ${ratio} | ${f.target ?? ''} | ${f.note ?? ''} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}
