import { cn } from '@/lib/cn';
import { diffSnapshots, type DiffChange } from '@/lib/audit/diff';

const ROW_TONE: Record<DiffChange, string> = {
  added: 'bg-emerald-50',
  removed: 'bg-red-50',
  changed: 'bg-amber-50',
  unchanged: '',
};

const CHANGE_LABEL: Record<DiffChange, string> = {
  added: 'added',
  removed: 'removed',
  changed: 'changed',
  unchanged: '',
};

/** The before and after snapshots field by field, collapsed until asked for (a native <details>: no script). */
export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const rows = diffSnapshots(before, after);
  const changed = rows.filter((row) => row.change !== 'unchanged').length;
  return (
    <details className="group">
      <summary className="rounded text-sm font-medium text-accent-800 hover:underline focus-visible:outline-2 focus-visible:outline-accent-700">
        Show {changed === 1 ? '1 changed field' : `${changed} changed fields`}
      </summary>
      <table className="mt-2 w-full min-w-80 border border-zinc-200 text-xs">
        <thead className="bg-zinc-50 text-zinc-600">
          <tr>
            <th scope="col" className="px-2 py-1 text-left font-semibold">
              Field
            </th>
            <th scope="col" className="px-2 py-1 text-left font-semibold">
              Before
            </th>
            <th scope="col" className="px-2 py-1 text-left font-semibold">
              After
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200">
          {rows.map((row) => (
            <tr key={row.key} className={ROW_TONE[row.change]}>
              <th scope="row" className="px-2 py-1 text-left font-medium text-zinc-800">
                {row.key}
                {row.change !== 'unchanged' && <span className="sr-only"> ({CHANGE_LABEL[row.change]})</span>}
              </th>
              <td
                className={cn(
                  'px-2 py-1 font-mono wrap-anywhere text-zinc-700',
                  row.change === 'changed' && 'line-through decoration-red-400',
                )}
              >
                {row.before ?? '—'}
              </td>
              <td className="px-2 py-1 font-mono wrap-anywhere text-zinc-900">{row.after ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
