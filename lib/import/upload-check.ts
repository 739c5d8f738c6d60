/**
 * Decides, chunk by chunk as an upload streams in, whether the bytes are a CSV the importer can read: UTF-8 text (with
 * or without a BOM). It refuses early, with what to do instead, the files people most often pick by mistake.
 */
export class CsvContentCheck {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private bytes = 0;
  private sawText = false;

  /** A refusal message, or null while the bytes still look like CSV. */
  push(chunk: Uint8Array): string | null {
    if (this.bytes === 0) {
      const refused = refuseByMagic(chunk);
      if (refused) return refused;
    }
    this.bytes += chunk.length;
    // NUL never occurs in UTF-8 text; UTF-16 files (Excel's "Unicode text") are full of them.
    if (chunk.indexOf(0) >= 0) return NOT_TEXT;
    try {
      const text = this.decoder.decode(chunk, { stream: true });
      if (!this.sawText && text.replace(/^\uFEFF/, '').trim() !== '') this.sawText = true;
    } catch {
      return NOT_UTF8;
    }
    return null;
  }

  /** Checks what only the whole file can tell: not empty, and not cut inside a character. */
  finish(): string | null {
    try {
      this.decoder.decode();
    } catch {
      return NOT_UTF8;
    }
    return this.sawText ? null : EMPTY_FILE;
  }
}

export const EMPTY_FILE = 'The file is empty: it needs a header line and at least one row.';
/** A header line alone: the page's preview and the import say it alike. */
export const NO_ROWS = 'The file has a header line but no rows.';
const NOT_TEXT = 'This is not a text file. Save it as "CSV UTF-8 (comma delimited)" and upload that.';
const NOT_UTF8 = 'The file is not UTF-8 text. Save or export it as "CSV UTF-8" and upload that.';

// The first bytes of spreadsheet files that are not CSV: .xlsx/.ods are ZIP archives, .xls an OLE compound file.
const MAGIC: { bytes: number[]; message: string }[] = [
  {
    bytes: [0x50, 0x4b, 0x03, 0x04],
    message: 'This looks like an Excel or OpenDocument workbook. Save the sheet as CSV (UTF-8) and upload that.',
  },
  {
    bytes: [0xd0, 0xcf, 0x11, 0xe0],
    message: 'This looks like an old Excel workbook (.xls). Save the sheet as CSV (UTF-8) and upload that.',
  },
  { bytes: [0x25, 0x50, 0x44, 0x46], message: 'This is a PDF. Export the data as CSV (UTF-8) and upload that.' },
];

function refuseByMagic(chunk: Uint8Array): string | null {
  for (const { bytes, message } of MAGIC) if (bytes.every((b, i) => chunk[i] === b)) return message;
  return null;
}
