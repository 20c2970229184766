/**
 * Structured output as it streams: the partial JSON parser plus the host's zod schema.
 *
 * Cost is kept proportional to the text: each subtree is checked once, when it closes, and only
 * shallowly (its children were checked when they closed); the still-open spine (root to the value being
 * written) is checked against the partial form of the schema once per push, which is O(depth). The end is
 * authoritative: `safeParse` of the whole value, transforms included.
 *
 * What a snapshot shows: keys once named, numbers and literals once whole, strings as they grow, except a
 * string the schema does not allow there (left out while it is open) and an enum or literal value that is
 * no longer the prefix of an allowed one.
 */
import type { ValidationIssue } from './events.js';
import { PartialJsonError, PartialJsonParser, jsonPointer, type ClosedKind, type JsonPath } from './partial-json.js';
import {
  AMBIGUOUS, acceptsKind, allowedStrings, childSchema, defOf, kindOfValue, kindsOf, schemaAt, unwrap, type AnySchema, type ChildSchema,
} from './partial-schema.js';

export interface ObjectSnapshot {
  /** The value so far. Live: later pushes extend it in place (see partial-json). */
  value: unknown;
  /** True once the whole value has arrived and passed the schema. */
  complete: boolean;
  /** Problems found so far: in closed subtrees, on the open spine, or (once complete) by the full check. */
  issues: ValidationIssue[];
  /** JSON pointers (RFC 6901) of the containers and strings that closed since the previous snapshot. */
  completed: string[];
  /** Array items that became whole since the previous snapshot (for hosts that act on each finished item). */
  newItems?: { path: JsonPath; value: unknown }[];
  /**
   * Path of the value still being written; everything not on it is complete. Undefined once complete.
   * At most STREAM_CHECK_DEPTH keys: the value there holds the open one.
   */
  openPath?: JsonPath;
  /** Changes whenever `value` changed. */
  version: number;
}

export type ObjectResult =
  | { ok: true; value: unknown }
  | { ok: false; issues: ValidationIssue[]; raw: string; message: string };

export interface ObjectAccumulator {
  /** Feeds text; returns a snapshot when something visible changed, else undefined. Never throws. */
  push(chunk: string): ObjectSnapshot | undefined;
  /** The current state (the deltas since the previous snapshot included). */
  snapshot(): ObjectSnapshot;
  /** The stream is over: the authoritative check. `finishReason` `length` means the answer was cut off. */
  finish(finishReason?: string): ObjectResult;
  /** Every character received. */
  readonly raw: string;
}

type ZodIssueLike = { path: PropertyKey[]; message: string; code?: string };

/**
 * Levels checked while the value streams, one subtree at a time. Deeper values are checked with the
 * subtree at this depth when it closes (a full `safeParse`), and the open spine is followed this far.
 * No real answer comes near it; a hostile one nested 10,000 deep would otherwise cost depth² here.
 */
export const STREAM_CHECK_DEPTH = 64;

/**
 * The deepest value the schema check follows: zod recurses once per level (several stack frames each)
 * and runs out of stack somewhere past a thousand. Deeper answers get a clear issue instead.
 */
export const MAX_SCHEMA_DEPTH = 512;

function tooDeep(depth: number): ValidationIssue {
  return {
    path: [],
    code: 'too_deep',
    message: `Nested ${depth.toLocaleString('en')} levels deep, more than the ${MAX_SCHEMA_DEPTH} levels the schema check follows`,
  };
}

function toIssues(issues: readonly ZodIssueLike[], prefix: JsonPath): ValidationIssue[] {
  return issues.map((i) => ({
    path: [...prefix, ...i.path.map((k) => (typeof k === 'number' ? k : String(k)))],
    message: i.message,
    code: i.code,
  }));
}

/** `safeParse`, with a throwing refinement or transform reported as an issue rather than thrown. */
function check(schema: AnySchema, value: unknown, path: JsonPath): ValidationIssue[] {
  try {
    const result = schema.safeParse(value);
    return result.success ? [] : toIssues(result.error.issues as ZodIssueLike[], path);
  } catch (e) {
    // A stack overflow inside a host's recursive refinement says nothing useful to a reader.
    if (e instanceof RangeError) return [{ path, code: 'too_deep', message: 'The value is nested too deep for the schema check' }];
    return [{ path, message: e instanceof Error ? e.message : String(e), code: 'custom' }];
  }
}

/** What missing a key means for a member schema, found once per schema. */
const missingCache = new WeakMap<AnySchema, readonly ZodIssueLike[]>();
function missingIssues(member: AnySchema): readonly ZodIssueLike[] {
  let issues = missingCache.get(member);
  if (!issues) {
    const result = member.safeParse(undefined);
    issues = result.success ? [] : (result.error.issues as ZodIssueLike[]);
    missingCache.set(member, issues);
  }
  return issues;
}

/**
 * Checks a subtree that just closed, shallowly where its children were checked at their own close:
 * an object's missing and unknown keys, a record's keys. Anything with its own checks (refinements,
 * array lengths) or whose children could not be checked (unions) gets a full `safeParse`.
 */
function checkClosed(schema: AnySchema, value: unknown, kind: ClosedKind, path: JsonPath): ValidationIssue[] {
  if (kind !== 'object' && kind !== 'array') return check(schema, value, path);
  const inner = unwrap(schema);
  if (!inner || !acceptsKind(schema, kind)) return inner ? check(schema, value, path) : [];
  const def = defOf(inner);
  if (def.checks?.length) return check(schema, value, path);
  const issues: ValidationIssue[] = [];
  if (def.type === 'object') {
    const obj = value as Record<string, unknown>;
    for (const [key, member] of Object.entries(def.shape!)) {
      if (!Object.prototype.hasOwnProperty.call(obj, key)) issues.push(...toIssues(missingIssues(member), [...path, key]));
    }
    if (def.catchall && defOf(def.catchall).type === 'never') {
      const extra = Object.keys(obj).filter((k) => !Object.prototype.hasOwnProperty.call(def.shape, k));
      if (extra.length) {
        issues.push({ path, code: 'unrecognized_keys', message: `Unrecognized key${extra.length > 1 ? 's' : ''}: ${extra.map((k) => JSON.stringify(k)).join(', ')}` });
      }
    }
  } else if (def.type === 'record') {
    for (const key of Object.keys(value as object)) issues.push(...check(def.keyType!, key, [...path, key]));
  } else if (def.type === 'array') {
    // Items were checked as they closed.
  } else return check(schema, value, path);
  return issues;
}

function describe(kinds: Set<string>): string {
  return [...kinds].join(' | ') || 'nothing';
}

/** The accumulator for one structured answer (or one tool call's arguments). */
export function createObjectAccumulator(schema: AnySchema): ObjectAccumulator {
  let raw = '';
  let syntaxError: PartialJsonError | undefined;
  const closedIssues: ValidationIssue[] = [];
  const seen = new Set<string>();
  let spineIssues: ValidationIssue[] = [];
  let spineKey = '';
  let completed: string[] = [];
  let newItems: { path: JsonPath; value: unknown }[] = [];
  let final: { success: true; data: unknown } | { success: false; issues: ValidationIssue[] } | undefined;
  let openText: string | undefined; // the open string as last seen (even when hidden)
  let openAllowed: string[] | undefined;
  let lastVersion = 0;
  let doneReported = false;

  const addIssues = (issues: ValidationIssue[]) => {
    for (const issue of issues) {
      const key = `${jsonPointer(issue.path)}\u0000${issue.code}\u0000${issue.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        closedIssues.push(issue);
      }
    }
  };

  const parser: PartialJsonParser = new PartialJsonParser({
    reportDepth: STREAM_CHECK_DEPTH,
    onClose(path, value, kind) {
      if (kind === 'object' || kind === 'array' || kind === 'string') completed.push(jsonPointer(path));
      if (typeof path[path.length - 1] === 'number') newItems.push({ path, value });
      if (kind === 'string') openText = openAllowed = undefined;
      const deep = parser.maxDepth > MAX_SCHEMA_DEPTH;
      if (path.length === 0) {
        // The root closed: the authoritative check, transforms included (when zod can follow it).
        if (deep) {
          final = { success: false, issues: [tooDeep(parser.maxDepth)] };
          return;
        }
        try {
          const result = schema.safeParse(value);
          final = result.success ? { success: true, data: result.data }
            : { success: false, issues: toIssues(result.error.issues as ZodIssueLike[], []) };
        } catch (e) {
          const issue = e instanceof RangeError ? tooDeep(parser.maxDepth)
            : { path: [], code: 'custom', message: e instanceof Error ? e.message : String(e) };
          final = { success: false, issues: [issue] };
        }
        return;
      }
      // Under a union, which option applies is known only when the union's own value closes.
      const sub = schemaAt(schema, path, parser.value, false);
      if (sub === undefined || sub === AMBIGUOUS) return;
      // At the last level reported, nothing below was checked: the whole subtree is, if zod can follow it.
      if (path.length < STREAM_CHECK_DEPTH) addIssues(checkClosed(sub, value, kind, path));
      else if (!deep) addIssues(check(sub, value, path));
    },
    stringFilter(path) {
      const sub = schemaAt(schema, path, parser.value, true);
      openText = '';
      openAllowed = undefined;
      if (sub === undefined || sub === AMBIGUOUS) return (text) => ((openText = text), true);
      if (!acceptsKind(sub, 'string')) return (text) => ((openText = text), false);
      const allowed = allowedStrings(sub);
      if (!allowed) return (text) => ((openText = text), true);
      openAllowed = allowed;
      return (text) => ((openText = text), allowed.some((a) => a.startsWith(text)));
    },
  });

  /**
   * Levels of the open spine already found fine, as [key, node, schema]: an open container keeps its
   * kind, so a level stays fine while its key and node are the same. Without this each push re-checked
   * every level, which made a value nested n deep cost n² schema look-ups.
   */
  const spineOk: [key: string | number | undefined, node: unknown, sub: ChildSchema][] = [];

  /** The open spine against the partial schema: a container or string where the schema wants something else. */
  const checkSpine = (): ValidationIssue[] => {
    const open = parser.openPathWithin(STREAM_CHECK_DEPTH);
    if (!open) return [];
    const issues: ValidationIssue[] = [];
    let node: unknown = parser.value;
    let parent: unknown;
    let sub: ChildSchema = schema;
    for (let depth = 0; depth <= open.length; depth++) {
      const key = depth > 0 ? open[depth - 1] : undefined;
      const known = spineOk[depth];
      const isOpenString = depth === open.length && openText !== undefined;
      if (known && !isOpenString && depth < open.length && known[0] === key && known[1] === node && node !== undefined) {
        sub = known[2];
        parent = node;
        node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[open[depth]] : undefined;
        continue;
      }
      spineOk.length = depth;
      // The path is built only for an issue: slicing it at every level cost depth² per push.
      const path = () => open.slice(0, depth);
      if (depth > 0) sub = childSchema(sub as AnySchema, open[depth - 1], parent, true);
      if (sub === undefined || sub === AMBIGUOUS) break;
      if (node === undefined && !isOpenString) break;
      const kind = isOpenString ? 'string' : kindOfValue(node);
      if (!acceptsKind(sub, kind)) {
        issues.push({ path: path(), code: 'invalid_type', message: `Invalid input: expected ${describe(kindsOf(sub))}, received ${kind}` });
        break;
      }
      if (isOpenString && openAllowed && !openAllowed.some((a) => a.startsWith(openText!))) {
        issues.push({ path: path(), code: 'invalid_value', message: `Invalid option: expected one of ${openAllowed.map((a) => JSON.stringify(a)).join('|')}` });
      }
      if (!isOpenString && depth < open.length) spineOk[depth] = [key, node, sub];
      parent = node;
      if (depth < open.length) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[open[depth]] : undefined;
    }
    return issues;
  };

  const snapshot = (): ObjectSnapshot => {
    const snap: ObjectSnapshot = {
      value: parser.value,
      complete: final?.success === true && !syntaxError,
      issues: syntaxError
        ? [...closedIssues, { path: [], code: 'invalid_json', message: syntaxError.message }]
        : final && !final.success ? final.issues : final ? [] : [...closedIssues, ...spineIssues],
      completed,
      newItems: newItems.length ? newItems : undefined,
      // Cut at the checked depth: the value there holds whatever is open below (a view shows less).
      openPath: parser.openPathWithin(STREAM_CHECK_DEPTH),
      version: parser.version,
    };
    completed = [];
    newItems = [];
    return snap;
  };

  return {
    get raw() {
      return raw;
    },
    push(chunk) {
      raw += chunk;
      if (syntaxError) return undefined;
      const closedBefore = closedIssues.length;
      try {
        parser.push(chunk);
      } catch (e) {
        if (!(e instanceof PartialJsonError)) throw e;
        syntaxError = e;
        return snapshot();
      }
      if (!parser.done) {
        spineIssues = checkSpine();
        const key = spineIssues.map((i) => `${jsonPointer(i.path)} ${i.message}`).join('\n');
        const spineChanged = key !== spineKey;
        spineKey = key;
        if (!spineChanged && parser.version === lastVersion && closedIssues.length === closedBefore && !completed.length) {
          return undefined;
        }
      } else {
        // After the root closed only a closing fence or whitespace may come: the end was reported once.
        if (doneReported) return undefined;
        doneReported = true;
        spineIssues = [];
      }
      lastVersion = parser.version;
      return snapshot();
    },
    snapshot,
    finish(finishReason) {
      if (finishReason === 'length') {
        const message = 'The answer was cut off at the output token limit before the JSON was complete.';
        return { ok: false, raw, message, issues: [{ path: [], code: 'truncated', message }] };
      }
      if (!syntaxError) {
        try {
          parser.end();
        } catch (e) {
          if (!(e instanceof PartialJsonError)) throw e;
          syntaxError = e;
        }
      }
      if (syntaxError) {
        const message = raw.trim() === '' ? 'The answer was empty: no JSON arrived.' : `The answer is not valid JSON: ${syntaxError.message}.`;
        return { ok: false, raw, message, issues: [{ path: [], code: 'invalid_json', message: syntaxError.message }] };
      }
      // A root number or literal closes only at the end; `final` is set by then.
      if (final?.success) return { ok: true, value: final.data };
      const issues = final?.issues ?? [];
      const first = issues[0];
      const where = first && first.path.length ? `${first.path.join('.')}: ` : '';
      const message = `The answer does not match the schema${first ? ` (${where}${first.message}${issues.length > 1 ? `, and ${issues.length - 1} more` : ''})` : ''}.`;
      return { ok: false, raw, message, issues };
    },
  };
}
