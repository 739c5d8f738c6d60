export const mb = (bytes: number) => Math.round(bytes / 2 ** 20);

/** What the memory samples say: the rise from the first quarter of the file to the last, in numbers. */
export function memoryNote(atQuarters: readonly number[]): string {
  const mbs = atQuarters.map(mb);
  if (mbs.length < 2) return `${mbs.join(' / ')} MB (too few samples to tell a trend)`;
  const rise = (atQuarters.at(-1)! - atQuarters[0]) / atQuarters[0];
  const trend = Math.abs(rise) <= 0.15 ? 'flat within 15%' : rise > 0 ? 'growing' : 'shrinking';
  return `${mbs.join(' / ')} MB at 25/50/75/100% of the file: ${rise >= 0 ? '+' : ''}${Math.round(rise * 100)}% from the first sample to the last (${trend})`;
}
