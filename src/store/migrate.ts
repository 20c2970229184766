/**
 * Records carry the schema version they were written with (`v`). Reading an older record runs it through
 * one step per version up to SCHEMA_VERSION; the upgraded record is what the UI sees, and it is written
 * back the next time that record is saved. A record from a newer version is left alone and reported:
 * an older page must never overwrite what a newer one wrote.
 */
import { SCHEMA_VERSION } from './records.js';
import { isObject } from './validate.js';

/** `steps[n]` turns a version-n record into a version n+1 record. */
export type MigrationSteps = Record<number, (record: Record<string, unknown>) => Record<string, unknown>>;

export const MIGRATIONS: MigrationSteps = {
  /**
   * Version 0: a record without `v`, i.e. a bare OpenAI chat message or a hand-made conversation
   * (hand-written files, exports of other tools). Completed with what version 1 requires.
   */
  0: (record) => {
    const now = Date.now();
    const out: Record<string, unknown> = { ...record, v: 1 };
    out.createdAt ??= record.ts ?? now;
    out.updatedAt ??= out.createdAt;
    delete out.ts;
    if ('role' in record) {
      out.status ??= 'final';
      out.content ??= record.text ?? null;
      delete out.text;
    } else {
      out.title ??= '';
      out.count ??= 0;
    }
    return out;
  },
};

export type MigrationResult =
  | { ok: true; record: Record<string, unknown>; migrated: boolean }
  | { ok: false; reason: string };

/** Brings a stored value up to SCHEMA_VERSION, or says why it cannot. Pure: the input is not changed. */
export function migrate(value: unknown, steps: MigrationSteps = MIGRATIONS, target = SCHEMA_VERSION): MigrationResult {
  if (!isObject(value)) return { ok: false, reason: 'is not an object' };
  let record = value;
  let version = record.v === undefined ? 0 : record.v;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    return { ok: false, reason: `has an unknown schema version (${String(record.v)})` };
  }
  if (version > target) {
    return { ok: false, reason: `was written by a newer version (schema ${version}, this page reads up to ${target})` };
  }
  const migrated = version < target;
  while (version < target) {
    const step = steps[version];
    if (!step) return { ok: false, reason: `has schema ${version}, which has no migration` };
    // The step's own `v` is overridden so that a careless step can never loop.
    record = { ...step(record), v: version + 1 };
    version += 1;
  }
  return { ok: true, record, migrated };
}
