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
  private snapshotLength = 0;

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
    if (this.snapshotVersion !== this.parser.version && this.worthCopying()) {
      this.snapshotVersion = this.parser.version;
      this.snapshotLength = this.text.length;
      const v = this.parser.value;
      this.snapshot = cloneJson(v);
    }
    return this.snapshot;
  }

  /**
   * Each copy costs the size of the value. Small arguments (the usual case) are copied on every
   * change; long ones once they grew by an eighth, so the copies add up to a few times the text
   * instead of its square. Depends only on the text, so any split of the bytes gives the same events.
   */
  private worthCopying(): boolean {
    const length = this.text.length;
    return this.parser.done || length < SMALL_ARGS || length - this.snapshotLength >= length / 8;
  }
}

/** Arguments shorter than this are copied whenever they change. */
const SMALL_ARGS = 1024;

/**
 * A copy of a JSON tree (plain objects, arrays, primitives): several times faster than
 * structuredClone. Iterative, so a value nested 10,000 deep is copied like any other.
 */
export function cloneJson(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  const root = emptyLike(value);
  const stack: [from: object, to: object][] = [[value, root]];
  while (stack.length) {
    const [from, to] = stack.pop()!;
    if (Array.isArray(from)) {
      const out = to as unknown[];
      for (let i = 0; i < from.length; i++) out[i] = copyStep(from[i], stack);
      continue;
    }
    const out = to as Record<string, unknown>;
    for (const key of Object.keys(from)) {
      const v = copyStep((from as Record<string, unknown>)[key], stack);
      // defineProperty keeps a "__proto__" key as data, as the parser and JSON.parse do.
      if (key === '__proto__') Object.defineProperty(out, key, { value: v, enumerable: true, writable: true, configurable: true });
      else out[key] = v;
    }
  }
  return root;
}

function emptyLike(value: object): object {
  return Array.isArray(value) ? new Array(value.length) : {};
}

/** A primitive as is; a container as an empty copy, filled when the stack reaches it. */
function copyStep(value: unknown, stack: [object, object][]): unknown {
  if (value === null || typeof value !== 'object') return value;
  const to = emptyLike(value);
  stack.push([value, to]);
  return to;
}
