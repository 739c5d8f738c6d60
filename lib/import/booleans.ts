const TRUE = new Set(['yes', 'y', 'true', 't', '1', 'sim', 's', 'on']);
const FALSE = new Set(['no', 'n', 'false', 'f', '0', 'nao', 'não', 'off']);

/** yes/no, true/false, 1/0 (and their Portuguese forms, for pt-BR exports); null when it is none of them. */
export function parseBoolean(text: string): boolean | null {
  const s = text.trim().toLowerCase();
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  return null;
}
