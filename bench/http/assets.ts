import { gzipSync } from 'node:zlib';

/** The script chunks a page loads: every `<script src>` of its HTML, in order, once each. */
export function scriptSources(html: string): string[] {
  const sources = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));
  return [...new Set(sources)];
}

export type Shipped = { chunks: number; bytes: number; gzipBytes: number };

/** Fetches each chunk once per run (pages share most of them) and sums what a page ships. */
export class ChunkSizes {
  private readonly sizes = new Map<string, Promise<{ bytes: number; gzipBytes: number }>>();

  constructor(private readonly base: string) {}

  private size(src: string) {
    let size = this.sizes.get(src);
    if (!size) {
      size = fetch(new URL(src, this.base)).then(async (response) => {
        if (!response.ok) throw new Error(`${src}: HTTP ${response.status}`);
        const body = Buffer.from(await response.arrayBuffer());
        return { bytes: body.length, gzipBytes: gzipSync(body).length };
      });
      this.sizes.set(src, size);
    }
    return size;
  }

  async shipped(html: string): Promise<Shipped> {
    const sizes = await Promise.all(scriptSources(html).map((src) => this.size(src)));
    return {
      chunks: sizes.length,
      bytes: sizes.reduce((a, s) => a + s.bytes, 0),
      gzipBytes: sizes.reduce((a, s) => a + s.gzipBytes, 0),
    };
  }
}
