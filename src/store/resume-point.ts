/**
 * Where a background answer stands on the server (`resumable`): the response's id and the sequence
 * number of the last event its stored text includes. It rides on the answer's draft record, written in
 * the same put as the text, so the two always agree: reading on from `after` repeats and loses nothing.
 * A finished answer drops it (records keep only chat fields once final).
 */
import type { MessageRecord } from './records.js';

export interface ResumePoint {
  responseId: string;
  after: number;
}

/** The record's resume point when it is a well-formed one (a record is data from disk: checked). */
export function resumePointOf(record: MessageRecord | undefined): ResumePoint | undefined {
  const point = (record as { resume?: unknown } | undefined)?.resume as Partial<ResumePoint> | undefined;
  if (!point || typeof point !== 'object') return undefined;
  const { responseId, after } = point;
  return typeof responseId === 'string' && responseId && Number.isInteger(after) ? { responseId, after: after! } : undefined;
}
