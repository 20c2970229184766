/**
 * Reading a zod 4 schema the way partial validation needs it: which sub-schema applies at a path, what
 * kind of JSON value a schema accepts, which strings an enum or literal allows.
 *
 * zod 4.6 has `z.deepPartial`, but it only makes object keys optional: a half-written string would still
 * fail `.min(10)` or an enum, and unions stay unresolved. So the walk is done here, on the schema's
 * definition (`_zod.def`), for the few kinds that shape JSON.
 */
import type * as z from 'zod';

export type AnySchema = z.ZodType;

/** The fields of `_zod.def` read here (zod 4's internal but stable definition objects). */
interface Def {
  type: string;
  innerType?: AnySchema;
  in?: AnySchema;
  out?: AnySchema;
  shape?: Record<string, AnySchema>;
  catchall?: AnySchema;
  element?: AnySchema;
  items?: AnySchema[];
  rest?: AnySchema | null;
  keyType?: AnySchema;
  valueType?: AnySchema;
  options?: AnySchema[];
  left?: AnySchema;
  right?: AnySchema;
  entries?: Record<string, unknown>;
  values?: unknown[];
  getter?: () => AnySchema;
  checks?: unknown[];
}

export function defOf(schema: AnySchema): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** Wrappers that do not change the JSON shape. `pipe` is read on its input side: the model writes the input. */
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'nonoptional', 'catch', 'readonly', 'success']);

/** Strips wrappers down to the schema that says what shape the JSON has (undefined: cannot tell). */
export function unwrap(schema: AnySchema | undefined): AnySchema | undefined {
  for (let hops = 0; schema && hops < 64; hops++) {
    const def = defOf(schema);
    if (WRAPPERS.has(def.type)) schema = def.innerType;
    // zod keeps the getter's schema once built (`_zod.innerType`); calling the getter again would
    // build a new schema tree on every step down a recursive value.
    else if (def.type === 'lazy') schema = (schema as unknown as { _zod: { innerType?: AnySchema } })._zod.innerType ?? def.getter!();
    else if (def.type === 'pipe') {
      // z.preprocess is a pipe whose input is a transform: the JSON it reads is anything.
      schema = defOf(def.in!).type === 'transform' ? undefined : def.in;
    } else return schema;
  }
  return undefined;
}

/** The JSON kinds (object, array, string, number, boolean, null, any) a schema may accept, unions merged. */
export function kindsOf(schema: AnySchema | undefined, depth = 0): Set<string> {
  const kinds = new Set<string>();
  const add = (s: AnySchema | undefined) => kindsOf(s, depth + 1).forEach((k) => kinds.add(k));
  if (!schema || depth > 32) return new Set(['any']);
  const def = defOf(schema);
  if (def.type === 'nullable') {
    kinds.add('null');
    add(def.innerType);
    return kinds;
  }
  const inner = unwrap(schema);
  if (!inner) return new Set(['any']);
  const d = defOf(inner);
  switch (d.type) {
    case 'object': case 'record': kinds.add('object'); break;
    case 'array': case 'tuple': kinds.add('array'); break;
    case 'string': case 'enum': case 'template_literal': kinds.add('string'); break;
    case 'number': case 'int': case 'nan': kinds.add('number'); break;
    case 'boolean': kinds.add('boolean'); break;
    case 'null': kinds.add('null'); break;
    case 'literal':
      for (const v of d.values ?? []) kinds.add(v === null ? 'null' : typeof v);
      break;
    case 'union': d.options!.forEach(add); break;
    case 'intersection': add(d.left); add(d.right); break;
    case 'undefined': case 'never': case 'void': break;
    default: kinds.add('any');
  }
  // An enum of numbers (a TypeScript numeric enum) also takes numbers.
  if (d.type === 'enum' && Object.values(d.entries ?? {}).some((v) => typeof v === 'number')) kinds.add('number');
  return kinds;
}

/** The JSON kind of a value, as `kindsOf` names it. */
export function kindOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** Whether a schema may accept a value of this kind (`any` when the schema cannot tell). */
export function acceptsKind(schema: AnySchema | undefined, kind: string): boolean {
  const kinds = kindsOf(schema);
  return kinds.has('any') || kinds.has(kind);
}

/**
 * The strings an enum/literal (or a union of them) allows; undefined when any string is allowed or the
 * schema takes no strings at all.
 */
export function allowedStrings(schema: AnySchema | undefined, depth = 0): string[] | undefined {
  const inner = unwrap(schema);
  if (!inner || depth > 32) return undefined;
  const def = defOf(inner);
  if (def.type === 'enum') return Object.values(def.entries ?? {}).filter((v): v is string => typeof v === 'string');
  if (def.type === 'literal') return (def.values ?? []).filter((v): v is string => typeof v === 'string');
  if (def.type === 'union') {
    const all: string[] = [];
    for (const option of def.options!) {
      const kinds = kindsOf(option);
      if (!kinds.has('string') && !kinds.has('any')) continue;
      const some = allowedStrings(option, depth + 1);
      if (!some) return undefined; // a free string option
      all.push(...some);
    }
    return all;
  }
  return undefined;
}

/** Marks a path under a union or intersection: which option applies is known only when the value is whole. */
export const AMBIGUOUS = Symbol('ambiguous');
export type ChildSchema = AnySchema | undefined | typeof AMBIGUOUS;

/**
 * The schema of the member `key` of a container whose schema is `schema` (undefined: anything goes, such
 * as an unknown key or an `any`). With `guess`, a union is resolved by the container's kind when only one
 * option fits (good enough for display; validation never guesses).
 */
export function childSchema(schema: AnySchema | undefined, key: string | number, container: unknown, guess: boolean): ChildSchema {
  let inner = unwrap(schema);
  if (!inner) return undefined;
  let def = defOf(inner);
  if (def.type === 'union' || def.type === 'intersection') {
    if (!guess || def.type === 'intersection') return AMBIGUOUS;
    const kind = kindOfValue(container);
    const fits = def.options!.filter((o) => kindsOf(o).has(kind));
    if (fits.length !== 1) return AMBIGUOUS;
    inner = unwrap(fits[0]);
    if (!inner) return undefined;
    def = defOf(inner);
  }
  // A container of the wrong kind has no member schemas: its kind is the one issue.
  if (container !== undefined) {
    const isArray = Array.isArray(container);
    if ((def.type === 'array' || def.type === 'tuple') !== isArray) return undefined;
  }
  switch (def.type) {
    case 'object': {
      const member = typeof key === 'string' && Object.prototype.hasOwnProperty.call(def.shape, key) ? def.shape![key] : undefined;
      if (member) return member;
      return def.catchall && defOf(def.catchall).type !== 'never' ? def.catchall : undefined;
    }
    case 'record': return def.valueType;
    case 'array': return def.element;
    case 'tuple': return typeof key === 'number' ? def.items![key] ?? def.rest ?? undefined : undefined;
    default: return undefined;
  }
}

/** The schema at `path` from `root`, reading `value` alongside; AMBIGUOUS under a union when not guessing. */
export function schemaAt(root: AnySchema, path: readonly (string | number)[], value: unknown, guess: boolean): ChildSchema {
  let schema: AnySchema | undefined = root;
  let node = value;
  for (const key of path) {
    const child = childSchema(schema, key, node, guess);
    if (child === AMBIGUOUS || child === undefined) return child;
    schema = child;
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined;
  }
  return schema;
}
