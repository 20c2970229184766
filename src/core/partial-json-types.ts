/** The public types of the partial JSON parser, and the path helpers shared with validation and views. */

/** Malformed input, with the offset (in UTF-16 code units from the start of the stream) where it was found. */
export class PartialJsonError extends SyntaxError {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(`${message} at offset ${offset}`);
    this.name = 'PartialJsonError';
    this.offset = offset;
  }
}

export type JsonPath = (string | number)[];

/** Which values close: containers and strings when their last character arrives, others when they appear. */
export type ClosedKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export interface PartialJsonOptions {
  /**
   * Called when a value is complete, with its path (a fresh array) and value. Containers are reported
   * after their children, so a listener sees leaves first.
   */
  onClose?(path: JsonPath, value: unknown, kind: ClosedKind): void;
  /**
   * Called when a string value opens. Return a predicate to decide, at each push, whether the partial
   * string is shown (an enum value that is no longer a prefix of an allowed one can be hidden); a closed
   * string is always shown.
   */
  stringFilter?(path: JsonPath): ((partial: string) => boolean) | undefined;
  /** Tolerate a Markdown fence around the JSON (models often add one). Default true. */
  allowFence?: boolean;
  /**
   * `onClose` and `stringFilter` hear only of values at most this many levels deep (path length); deeper
   * values close silently, inside their ancestor at this depth, which is reported when it closes. Each
   * report hands over a fresh path, so without a bound a value nested n deep costs n² to report.
   * Default: every level.
   */
  reportDepth?: number;
}

/** A path as an RFC 6901 JSON pointer ("" is the root, "/movies/0/title"). */
export function jsonPointer(path: readonly (string | number)[]): string {
  let out = '';
  for (const key of path) out += '/' + String(key).replace(/~/g, '~0').replace(/\//g, '~1');
  return out;
}
