/**
 * Tool-call arguments as they stream: the raw JSON text so far and the value it holds so far,
 * read by the incremental parser (each character once; only stable parts are shown).
 */
import { PartialJsonParser } from './partial-json.js';

export class ArgsParser {
  text = '';
  private parser = new PartialJsonParser({ allowFence: false });
  private broken = false;
  private snapshot: unknown = undefined;
  private snapshotVersion = -1;

  /** Feeds a fragment; returns the value so far (a copy: the parser's tree keeps growing). */
  push(chunk: string): unknown {
    if (chunk) {
      this.text += chunk;
      if (!this.broken) {
        try {
          this.parser.push(chunk);
        } catch {
          // Malformed arguments: the last good value stays; validation reports the problem.
          this.broken = true;
        }
      }
    }
    return this.value;
  }

  get value(): unknown {
    if (this.snapshotVersion !== this.parser.version) {
      this.snapshotVersion = this.parser.version;
      const v = this.parser.value;
      this.snapshot = v !== null && typeof v === 'object' ? structuredClone(v) : v;
    }
    return this.snapshot;
  }
}
