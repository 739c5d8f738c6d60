const MAX_LENGTH = 200;
const FALLBACK = 'upload.csv';

/**
 * The name an upload is shown and recorded under, from what the browser sent (percent-encoded, as headers are ASCII).
 * Display only: files are stored under a random id, never under a name a client chose.
 */
export function uploadDisplayName(sent: string | null | undefined): string {
  let name = sent ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded after all: use it as it came.
  }
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = base.replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return clean.slice(0, MAX_LENGTH) || FALLBACK;
}
