/**
 * A JSON value that conforms to a JSON Schema: types, enums, const, required and optional properties,
 * nested objects and arrays (several items), numbers within bounds, nulls where allowed, string formats,
 * `$ref`, `anyOf` / `oneOf` / `allOf`. Property names steer the content so it reads as real data.
 */
import { conforms, resolveRef, typesOf, type JsonSchema } from './json-schema.js';
import type { Hint } from './prompt-values.js';
import type { Random } from './random.js';
import { booleanFor, genericString, numberFor, singular, stringFor, stringInFormat } from './sample-values.js';

export interface GenerateContext {
  rng: Random;
  root: JsonSchema;
  /** Values taken from the prompt, tried first. */
  hint?: Hint;
  /** How often an optional property or a nullable value is left out / null. */
  sparseness?: number;
  /** Strings already used in this value: the same title twice in one list looks broken. */
  used?: Set<string>;
  /** Whole values for the root object's properties (sample-records.ts), used when they fit the schema. */
  record?: (name: string) => unknown;
}

/** Past this depth values get as small as the schema allows, so recursive schemas end. */
const SHALLOW_DEPTH = 4;
/** A schema that cannot end (a required cycle) is cut off here rather than overflowing the stack. */
const MAX_DEPTH = 32;

/** Merges `allOf` branches into one schema (properties and required lists are unioned). */
function mergeAllOf(schema: JsonSchema, root: JsonSchema): JsonSchema {
  if (!schema.allOf) return schema;
  const { allOf, ...rest } = schema;
  return allOf.map((s) => mergeAllOf(resolveRef(s, root), root)).reduce<JsonSchema>(
    (acc, s) => ({
      ...acc,
      ...s,
      properties: { ...acc.properties, ...s.properties },
      required: [...(acc.required ?? []), ...(s.required ?? [])],
    }),
    rest,
  );
}

export function generateJson(schema: JsonSchema, ctx: GenerateContext, name = '', depth = 0, parent = ''): unknown {
  const { rng, root } = ctx;
  let s = mergeAllOf(resolveRef(schema ?? {}, root), root);
  if ('const' in s) return s.const;
  if (depth === 1 && parent === '' && ctx.record) {
    const offered = ctx.record(name);
    // A list of objects offered for a list of strings gives each object's first text (`point`).
    const projected = Array.isArray(offered) ? offered.map((v) => (v && typeof v === 'object' ? Object.values(v).find((x) => typeof x === 'string') : v)) : undefined;
    for (const value of [offered, projected]) if (value !== undefined && conforms(value, s, root)) return structuredClone(value);
  }
  if (Array.isArray(s.enum) && s.enum.length) {
    const hinted = ctx.hint?.(name, s, typesOf(s));
    return hinted !== undefined ? hinted : rng.pick(s.enum);
  }
  const branches = s.anyOf ?? s.oneOf;
  if (branches?.length) {
    const resolved = branches.map((b) => resolveRef(b, root));
    const nonNull = resolved.filter((b) => !typesOf(b).every((t) => t === 'null') || b.type === undefined);
    const allowsNull = nonNull.length < resolved.length;
    if (allowsNull && (nonNull.length === 0 || depth >= SHALLOW_DEPTH || rng.chance(ctx.sparseness ?? 0.2))) return null;
    const { anyOf: _a, oneOf: _o, ...siblings } = s;
    // Sibling keywords (a description, a shared `type`) apply to every branch.
    s = { ...siblings, ...mergeAllOf(rng.pick(nonNull.length ? nonNull : resolved), root) };
    return generateJson(s, ctx, name, depth, parent);
  }

  let types = typesOf(s);
  if (types.includes('null') && types.length > 1) {
    if (depth >= SHALLOW_DEPTH || rng.chance(ctx.sparseness ?? 0.2)) return null;
    types = types.filter((t) => t !== 'null');
  }
  const type = types.length ? rng.pick(types) : guessType(name);
  switch (type) {
    case 'null':
      return null;
    case 'boolean': {
      const hinted = ctx.hint?.(name, s, ['boolean']);
      return typeof hinted === 'boolean' ? hinted : booleanFor(name, rng);
    }
    case 'integer':
    case 'number':
      return numberIn(s, type, name, ctx);
    case 'array':
      return depth >= MAX_DEPTH ? [] : arrayIn(s, name, ctx, depth);
    case 'object':
      return depth >= MAX_DEPTH ? {} : objectIn(s, ctx, depth, name);
    default:
      return stringIn(s, name, ctx, parent);
  }
}

/** Without a `type`, the name is the only clue (`items` is an array, `done` a boolean…). */
function guessType(name: string): string {
  if (/^(is|has|done|completed|enabled|active)/i.test(name)) return 'boolean';
  if (/count|year|age|number|total|price/i.test(name)) return 'number';
  return 'string';
}

function numberIn(s: JsonSchema, type: string, name: string, ctx: GenerateContext): number {
  const integer = type === 'integer';
  let min = s.minimum ?? -Infinity;
  let max = s.maximum ?? Infinity;
  const step = integer ? 1 : 0.01;
  if (typeof s.exclusiveMinimum === 'number') min = Math.max(min, s.exclusiveMinimum + step);
  else if (s.exclusiveMinimum === true) min += step;
  if (typeof s.exclusiveMaximum === 'number') max = Math.min(max, s.exclusiveMaximum - step);
  else if (s.exclusiveMaximum === true) max -= step;
  const fit = (n: number) => {
    let v = Math.min(max, Math.max(min, n));
    if (s.multipleOf) v = Math.ceil(v / s.multipleOf) * s.multipleOf;
    if (v > max && s.multipleOf) v -= s.multipleOf;
    if (integer) v = Math.min(Math.floor(max), Math.max(Math.ceil(min), Math.round(v)));
    // Six decimals read better than float noise, unless rounding crosses a bound.
    const rounded = Number(v.toFixed(6));
    return rounded >= min && rounded <= max ? rounded : v;
  };
  const hinted = ctx.hint?.(name, s, [type]);
  if (typeof hinted === 'number') return fit(hinted);
  const named = numberFor(name, ctx.rng);
  if (named !== undefined) return fit(named);
  const lo = Number.isFinite(min) ? min : Number.isFinite(max) ? max - 100 : 0;
  const hi = Number.isFinite(max) ? max : lo + 100;
  return fit(integer ? ctx.rng.int(Math.ceil(lo), Math.floor(Math.min(hi, lo + 1000))) : lo + ctx.rng.next() * Math.min(hi - lo, 1000));
}

function fitsString(value: string, s: JsonSchema): boolean {
  const length = Array.from(value).length;
  if (s.minLength !== undefined && length < s.minLength) return false;
  if (s.maxLength !== undefined && length > s.maxLength) return false;
  if (s.pattern) {
    try {
      if (!new RegExp(s.pattern, 'u').test(value)) return false;
    } catch {
      return true;
    }
  }
  return true;
}

/** Pads or trims to the length bounds, counting code points so an emoji is one character. */
function toLength(value: string, s: JsonSchema, ctx: GenerateContext): string {
  let chars = Array.from(value);
  if (s.maxLength !== undefined && chars.length > s.maxLength) chars = chars.slice(0, s.maxLength);
  while (s.minLength !== undefined && chars.length < s.minLength) chars.push(...Array.from(` ${genericString(ctx.rng)}`));
  if (s.maxLength !== undefined) chars = chars.slice(0, s.maxLength);
  return chars.join('');
}

function stringIn(s: JsonSchema, name: string, ctx: GenerateContext, parent: string): string {
  const candidates: (string | undefined)[] = [];
  const hinted = ctx.hint?.(name, s, ['string']);
  if (typeof hinted === 'string') candidates.push(hinted);
  if (s.format) candidates.push(stringInFormat(s.format, ctx.rng));
  ctx.used ??= new Set();
  let named = stringFor(name, ctx.rng, parent);
  for (let tries = 0; named !== undefined && ctx.used.has(named) && tries < 4; tries++) named = stringFor(name, ctx.rng, parent);
  if (named !== undefined) ctx.used.add(named);
  candidates.push(named, genericString(ctx.rng));
  for (const c of candidates) if (c !== undefined && fitsString(c, s)) return c;
  // Lengths are easy to meet; a pattern we cannot meet stays unmet rather than failing the request.
  return toLength(candidates.find((c) => c !== undefined) ?? genericString(ctx.rng), s, ctx);
}

function arrayIn(s: JsonSchema, name: string, ctx: GenerateContext, depth: number): unknown[] {
  const prefix = s.prefixItems ?? (Array.isArray(s.items) ? s.items : []);
  const rest = Array.isArray(s.items) ? undefined : s.items;
  const min = Math.max(s.minItems ?? 0, prefix.length);
  const max = s.maxItems ?? Math.max(min, prefix.length + (rest ? 4 : 0));
  const wanted = depth >= SHALLOW_DEPTH ? 0 : ctx.rng.int(2, 4);
  const count = rest ? Math.min(max, Math.max(min, wanted)) : Math.min(max, prefix.length);
  const itemName = singular(name);
  const out: unknown[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < count; i++) {
    const itemSchema = i < prefix.length ? prefix[i] : (rest ?? {});
    // Several tries for distinct items: a list of five identical points looks broken.
    let value = generateJson(itemSchema, ctx, itemName, depth + 1, name);
    for (let tries = 0; tries < 4 && seen.has(JSON.stringify(value)); tries++) value = generateJson(itemSchema, ctx, itemName, depth + 1, name);
    seen.add(JSON.stringify(value));
    out.push(value);
  }
  return out;
}

/** `self` is the object's own name (or its list's), handed to properties as their parent. */
function objectIn(s: JsonSchema, ctx: GenerateContext, depth: number, self: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const required = new Set(s.required ?? []);
  const properties = s.properties ?? {};
  for (const [key, propSchema] of Object.entries(properties)) {
    if (!required.has(key) && (depth >= SHALLOW_DEPTH || ctx.rng.chance(ctx.sparseness ?? 0.2))) continue;
    out[key] = generateJson(propSchema, ctx, key, depth + 1, self);
  }
  for (const key of required) if (!Object.hasOwn(out, key)) out[key] = generateJson({}, ctx, key, depth + 1, self);
  // A free-form map (`z.record`) gets a couple of entries so it does not look empty.
  if (!Object.keys(properties).length && s.additionalProperties && typeof s.additionalProperties === 'object') {
    for (const key of ctx.rng.sample(['alpha', 'beta', 'gamma', 'delta'], 2)) out[key] = generateJson(s.additionalProperties, ctx, key, depth + 1, self);
  }
  return out;
}
