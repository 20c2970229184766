/**
 * A resumable JSON parser for text that arrives in pieces (structured output, tool-call arguments).
 *
 * Every character is read once: the value tree is built as the text arrives and extended in place, so the
 * whole stream costs O(n) and `value` costs O(1). What it shows is stable: a key appears once its name is
 * complete, a number or true/false/null once it is complete, a string grows. Nothing shown is taken back
 * (except what a `stringFilter` hides on purpose). Once the root value has closed the text was strict JSON
 * (RFC 8259) and the value equals `JSON.parse` of it, however the text was split.
 *
 * The tree is live: later pushes extend the same objects and arrays. Treat it as read-only; `version`
 * changes exactly when something visible changed, and `structuredClone(parser.value)` freezes a moment.
 */

import { ESCAPES, LITERALS, hexValue, isDigit, isWs, skipWs } from './partial-json-chars.js';
import { PartialJsonError, type ClosedKind, type JsonPath, type PartialJsonOptions } from './partial-json-types.js';

export { PartialJsonError, jsonPointer } from './partial-json-types.js';
export type { ClosedKind, JsonPath, PartialJsonOptions } from './partial-json-types.js';

type Container = Record<string, unknown> | unknown[];

interface Frame {
  container: Container;
  isArray: boolean;
  /** The key of the member being read, or the index of the item being read. */
  key: string | number;
}

// Parser states. Numbers rather than strings: the main loop switches on them once per token.
const enum S {
  Before, FenceTicks, FenceInfo, Value, FirstItem, FirstKey, Key, Colon, After, Str, Num, Lit, Root, CloseTicks,
}
// Escape sub-states inside a string: none, after a backslash, inside \uXXXX (4 + digits left).
const ESC_NONE = 0;
const ESC_START = 1;
// Number sub-states; the ones marked (end) may end the number.
const enum N { Minus, Zero /* end */, Int /* end */, Dot, Frac /* end */, E, ESign, Exp /* end */ }
const NUM_CAN_END = [false, true, true, false, true, false, false, true];

/** Sets an own data property, so that `__proto__` stays inert data as with `JSON.parse`. */
function setMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  } else obj[key] = value;
}

export class PartialJsonParser {
  private readonly options: PartialJsonOptions;
  private state = S.Before;
  private stack: Frame[] = [];
  private root: unknown = undefined;
  private offset = 0; // characters consumed before the current chunk
  private error: PartialJsonError | undefined;
  private fenced = false;
  private ticks = 0;
  private changed = false;
  private _version = 0;
  private _done = false;
  // The open string (value or key).
  private str = '';
  private isKey = false;
  private esc = ESC_NONE;
  private code = 0;
  private strFilter: ((partial: string) => boolean) | undefined;
  private strShown = false;
  private shownLength = 0;
  private strLast = 0; // the open string's last code unit
  // The open number or literal.
  private numText = '';
  private numStart = 0; // where the open number began in the current chunk
  private num = N.Minus;
  private lit = '';
  private litValue: unknown;
  private litPos = 0;
  private readonly reportDepth: number;
  private deepest = 0;

  constructor(options: PartialJsonOptions = {}) {
    this.options = options;
    this.reportDepth = options.reportDepth ?? Infinity;
  }

  /** The stable partial value so far; undefined until something is stable. Live: see the module note. */
  get value(): unknown {
    return this.root;
  }
  /** True once the root value has closed. */
  get done(): boolean {
    return this._done;
  }
  /** Changes exactly when `value` changed (a key, an item or string characters appeared). */
  get version(): number {
    return this._version;
  }
  /** Characters consumed so far. */
  get position(): number {
    return this.offset;
  }
  /** The deepest nesting of containers seen so far (0 for a scalar root, 1 inside the root container). */
  get maxDepth(): number {
    return this.deepest;
  }
  /**
   * The path of the innermost value still open ([] for the root, undefined when nothing is open).
   * Every value in the tree that is not on this path (or a prefix of it) is complete.
   */
  get openPath(): JsonPath | undefined {
    return this.openPathWithin(Infinity);
  }

  /**
   * `openPath` cut to at most `limit` keys: the value at the last one is open or holds the open value.
   * It costs O(limit) rather than O(depth), for callers that look at most that deep on every push.
   */
  openPathWithin(limit: number): JsonPath | undefined {
    if (this._done) return undefined;
    // Between values (no member or item has started) the innermost open value is the container itself.
    const inLeaf = (this.state === S.Str && !this.isKey) || this.state === S.Num || this.state === S.Lit;
    const length = Math.min(limit, inLeaf ? this.stack.length : this.stack.length - 1);
    const path: JsonPath = new Array(Math.max(length, 0));
    for (let i = 0; i < length; i++) path[i] = this.stack[i].key;
    return path;
  }

  /** Whether the value at `path` is present and complete. */
  isComplete(path: JsonPath): boolean {
    let node: unknown = this.root;
    for (const key of path) {
      if (node === null || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, key)) return false;
      node = (node as Record<string | number, unknown>)[key];
    }
    if (path.length === 0 && node === undefined) return false;
    if (this._done) return true;
    const open = this.openPath ?? [];
    if (path.length > open.length) return true;
    for (let i = 0; i < path.length; i++) if (open[i] !== path[i]) return true;
    return false;
  }

  /** Feeds the next piece of text. Throws a PartialJsonError (with its offset) on malformed input. */
  push(chunk: string): void {
    if (this.error) throw this.error;
    // No try/finally here: it costs on every push, and `fail` records the error itself.
    this.run(chunk);
    this.offset += chunk.length;
    if (this.state === S.Str && !this.isKey) this.flushString();
    if (this.changed) {
      this.changed = false;
      this._version++;
    }
  }

  /** The input is over: returns the final value, or throws if it is incomplete or invalid. */
  end(): unknown {
    if (this.error) throw this.error;
    // A number at the root ends only with the input.
    if (this.state === S.Num && this.stack.length === 0 && NUM_CAN_END[this.num]) {
      this.closeNumber();
      if (this.changed) this._version++;
      this.changed = false;
    }
    if (!this._done) {
      this.error = new PartialJsonError('Unexpected end of JSON input', this.offset);
      throw this.error;
    }
    return this.root;
  }

  private fail(message: string, i: number): never {
    throw (this.error = new PartialJsonError(message, this.offset + i));
  }

  private run(chunk: string): void {
    const n = chunk.length;
    let i = 0;
    this.numStart = 0; // a number still open began in an earlier chunk
    while (i < n) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case S.Str:
          i = this.readString(chunk, i);
          break;
        case S.Num:
          i = this.readNumber(chunk, i);
          break;
        case S.Lit:
          if (c !== this.lit.charCodeAt(this.litPos)) this.fail(`Invalid literal, expected "${this.lit}"`, i);
          i++;
          if (++this.litPos === this.lit.length) this.closeValue(this.litValue, this.litValue === null ? 'null' : 'boolean');
          break;
        case S.Before:
          if (isWs(c)) i = skipWs(chunk, i + 1);
          else if (c === 0x60 /* ` */ && this.options.allowFence !== false && !this.fenced) {
            this.state = S.FenceTicks;
            this.fenced = true;
            this.ticks = 0;
          } else this.startValue(chunk, i++, c);
          break;
        case S.FenceTicks:
          if (c === 0x60 && this.ticks < 3) {
            this.ticks++;
            i++;
          } else if (this.ticks < 3) this.fail('Unexpected character in code fence', i);
          else this.state = S.FenceInfo;
          break;
        case S.FenceInfo:
          // The info string ("json"): letters, digits, "-", "_", "+"; anything else starts the JSON.
          if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || isDigit(c) || c === 0x2d || c === 0x5f || c === 0x2b) i++;
          else this.state = S.Before;
          break;
        case S.Value:
        case S.FirstItem:
          if (isWs(c)) i = skipWs(chunk, i + 1);
          else if (c === 0x5d /* ] */ && this.state === S.FirstItem) {
            i++;
            this.closeContainer();
          } else this.startValue(chunk, i++, c);
          break;
        case S.FirstKey:
        case S.Key:
          if (isWs(c)) i = skipWs(chunk, i + 1);
          else if (c === 0x22 /* " */) {
            i++;
            this.openString(true);
          } else if (c === 0x7d /* } */ && this.state === S.FirstKey) {
            i++;
            this.closeContainer();
          } else this.fail('Expected a property name', i);
          break;
        case S.Colon:
          if (isWs(c)) i = skipWs(chunk, i + 1);
          else if (c === 0x3a /* : */) {
            i++;
            this.state = S.Value;
          } else this.fail('Expected ":"', i);
          break;
        case S.After: {
          if (isWs(c)) {
            i = skipWs(chunk, i + 1);
            break;
          }
          const frame = this.stack[this.stack.length - 1];
          if (c === 0x2c /* , */) {
            i++;
            if (frame.isArray) {
              frame.key = (frame.key as number) + 1;
              this.state = S.Value;
            } else this.state = S.Key;
          } else if (c === (frame.isArray ? 0x5d : 0x7d)) {
            i++;
            this.closeContainer();
          } else this.fail(frame.isArray ? 'Expected "," or "]"' : 'Expected "," or "}"', i);
          break;
        }
        case S.Root:
          if (isWs(c)) i = skipWs(chunk, i + 1);
          else if (c === 0x60 && this.fenced) {
            this.state = S.CloseTicks;
            this.ticks = 0;
          } else this.fail('Unexpected text after the JSON value', i);
          break;
        case S.CloseTicks:
          if (c === 0x60 && this.ticks < 3) {
            this.ticks++;
            i++;
          } else if (this.ticks === 3 && isWs(c)) i++;
          else this.fail('Unexpected text after the closing fence', i);
          break;
      }
    }
  }

  /** `c` (at `i`) starts a value. */
  private startValue(chunk: string, i: number, c: number): void {
    if (c === 0x22) this.openString(false);
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const isArray = c === 0x5b;
      const container: Container = isArray ? [] : {};
      this.attach(container);
      this.stack.push({ container, isArray, key: isArray ? 0 : '' });
      if (this.stack.length > this.deepest) this.deepest = this.stack.length;
      this.state = isArray ? S.FirstItem : S.FirstKey;
    } else if (c === 0x2d || isDigit(c)) {
      this.state = S.Num;
      this.num = c === 0x2d ? N.Minus : c === 0x30 ? N.Zero : N.Int;
      this.numText = chunk[i];
      this.numStart = i + 1;
    } else {
      const lit = LITERALS[chunk[i]];
      if (!lit) this.fail('Unexpected character', i);
      [this.lit, this.litValue] = lit;
      this.litPos = 1;
      this.state = S.Lit;
    }
  }

  /** Puts a value that has become visible at the current place in the tree. */
  private attach(value: unknown): void {
    this.changed = true;
    const frame = this.stack[this.stack.length - 1];
    if (!frame) this.root = value;
    else if (frame.isArray) (frame.container as unknown[])[frame.key as number] = value;
    else setMember(frame.container as Record<string, unknown>, frame.key as string, value);
  }

  /** Removes the member being read (a string its filter now hides). */
  private detach(): void {
    this.changed = true;
    const frame = this.stack[this.stack.length - 1];
    if (!frame) this.root = undefined;
    else if (frame.isArray) (frame.container as unknown[]).length = frame.key as number;
    else delete (frame.container as Record<string, unknown>)[frame.key as string];
  }

  private closeValue(value: unknown, kind: ClosedKind): void {
    this.attach(value);
    this.afterValue(value, kind);
  }

  private afterValue(value: unknown, kind: ClosedKind): void {
    if (this.options.onClose && this.stack.length <= this.reportDepth) this.options.onClose(this.stack.map((f) => f.key), value, kind);
    if (this.stack.length === 0) {
      this.state = S.Root;
      this._done = true;
    } else this.state = S.After;
  }

  private closeContainer(): void {
    const frame = this.stack.pop()!;
    this.afterValue(frame.container, frame.isArray ? 'array' : 'object');
  }

  private openString(isKey: boolean): void {
    this.state = S.Str;
    this.isKey = isKey;
    this.str = '';
    this.strLast = 0;
    this.esc = ESC_NONE;
    this.strShown = false;
    this.strFilter = undefined;
    if (!isKey) {
      if (this.options.stringFilter && this.stack.length <= this.reportDepth) this.strFilter = this.options.stringFilter(this.stack.map((f) => f.key));
    }
  }

  /** Shows the open string's text so far (once per push, not per character). */
  private flushString(): void {
    let text = this.str;
    // Hold back half of a surrogate pair until its other half arrives. (The last code unit is tracked
    // rather than read: reading a character of a concatenated string makes V8 flatten it, every push.)
    if (this.strLast >= 0xd800 && this.strLast <= 0xdbff) text = text.slice(0, -1);
    const show = !this.strFilter || this.strFilter(text);
    if (show) {
      // The string only grows, so its length says whether there is anything new to show.
      if (!this.strShown || text.length !== this.shownLength) this.attach(text);
      this.strShown = true;
      this.shownLength = text.length;
    } else if (this.strShown) {
      this.detach();
      this.strShown = false;
    }
  }

  /** Reads string characters from `i`; returns where it stopped. */
  private readString(chunk: string, i: number): number {
    const n = chunk.length;
    while (i < n) {
      if (this.esc !== ESC_NONE) {
        this.readEscape(chunk, i++);
        continue;
      }
      // The common case: a run of plain characters, taken as one slice.
      const start = i;
      let c = 0;
      for (; i < n; i++) {
        c = chunk.charCodeAt(i);
        if (c === 0x22 || c === 0x5c || c < 0x20) break;
      }
      if (i > start) {
        this.str += start === 0 && i === n ? chunk : chunk.slice(start, i);
        this.strLast = chunk.charCodeAt(i - 1);
      }
      if (i === n) break;
      if (c === 0x22) {
        this.closeString();
        return i + 1;
      }
      if (c === 0x5c) {
        this.esc = ESC_START;
        i++;
      } else this.fail('Control character in string', i);
    }
    return n;
  }

  /** One character of an escape sequence (after the backslash). */
  private readEscape(chunk: string, i: number): void {
    if (this.esc === ESC_START) {
      const ch = chunk[i];
      if (ch === 'u') {
        this.esc = 6; // four hex digits to come
        this.code = 0;
        return;
      }
      const rep = ESCAPES[ch];
      if (rep === undefined) this.fail('Invalid escape', i);
      this.str += rep;
      this.strLast = 0;
      this.esc = ESC_NONE;
      return;
    }
    const h = hexValue(chunk.charCodeAt(i));
    if (h < 0) this.fail('Invalid \\u escape', i);
    this.code = this.code * 16 + h;
    if (--this.esc === 2) {
      this.str += String.fromCharCode(this.code);
      this.strLast = this.code;
      this.esc = ESC_NONE;
    }
  }

  private closeString(): void {
    if (this.isKey) {
      this.stack[this.stack.length - 1].key = this.str;
      this.state = S.Colon;
      return;
    }
    if (!this.strShown || this.shownLength !== this.str.length) this.attach(this.str);
    this.afterValue(this.str, 'string');
  }

  /** Reads number characters from `i`; returns where it stopped (the terminator is left to the caller). */
  private readNumber(chunk: string, i: number): number {
    const n = chunk.length;
    for (; i < n; i++) {
      const c = chunk.charCodeAt(i);
      switch (this.num) {
        case N.Minus:
          if (!isDigit(c)) this.fail('Expected a digit', i);
          this.num = c === 0x30 ? N.Zero : N.Int;
          continue;
        case N.Int:
        case N.Zero:
          if (this.num === N.Int && isDigit(c)) continue;
          if (c === 0x2e) this.num = N.Dot;
          else if (c === 0x65 || c === 0x45) this.num = N.E;
          else break;
          continue;
        case N.Dot:
          if (!isDigit(c)) this.fail('Expected a digit after "."', i);
          this.num = N.Frac;
          continue;
        case N.Frac:
          if (isDigit(c)) continue;
          if (c === 0x65 || c === 0x45) {
            this.num = N.E;
            continue;
          }
          break;
        case N.E:
          if (c === 0x2b || c === 0x2d) this.num = N.ESign;
          else if (isDigit(c)) this.num = N.Exp;
          else this.fail('Expected an exponent', i);
          continue;
        case N.ESign:
          if (!isDigit(c)) this.fail('Expected a digit in the exponent', i);
          this.num = N.Exp;
          continue;
        case N.Exp:
          if (isDigit(c)) continue;
          break;
      }
      // `c` does not belong to the number.
      if (!NUM_CAN_END[this.num]) this.fail('Unexpected character in number', i);
      this.numText += chunk.slice(this.numStart, i);
      this.closeNumber();
      return i;
    }
    this.numText += chunk.slice(this.numStart, n);
    return n;
  }

  private closeNumber(): void {
    this.closeValue(Number(this.numText), 'number');
  }
}
