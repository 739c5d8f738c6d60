const CHUNK_BYTES = 1 << 20;

/**
 * A batch's COPY text, accumulated as bytes. A string per row would be a rope over its cells and keep all of them
 * alive until the batch is sent (1.2 GB for 1M customers); bytes keep the batch to its size on the wire.
 */
export class CopyBuffer {
  private readonly chunks: Buffer[] = [];
  private current = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  size = 0;

  add(line: string): void {
    const bytes = Buffer.byteLength(line);
    if (this.used + bytes > this.current.length) {
      this.seal();
      this.current = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, bytes));
    }
    this.used += this.current.write(line, this.used);
    this.size++;
  }

  /** The bytes so far, in order; the buffer is not used after this. */
  take(): Buffer[] {
    this.seal();
    return this.chunks;
  }

  private seal(): void {
    if (this.used > 0) this.chunks.push(this.current.subarray(0, this.used));
    this.current = Buffer.alloc(0);
    this.used = 0;
  }
}
