/**
 * Hand-written validators for what comes back from storage or from an imported file. A few lines each
 * instead of a schema library: the whole store stays well under a kilobyte of validation code, and every
 * problem names the exact place ("messages[3].role must be user, assistant, system or tool").
 */
import type { ConversationRecord, MessageRecord } from './records.js';

export interface Problem {
  /** Where, e.g. `conversations[0].messages[3].role`. */
  path: string;
  /** The full sentence, path included. */
  message: string;
}

export type Problems = Problem[];

const ROLES = ['user', 'assistant', 'system', 'tool'];
const STATUSES = ['final', 'draft', 'interrupted'];

function add(problems: Problems, path: string, rule: string): void {
  problems.push({ path, message: `${path || 'the value'} ${rule}` });
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function join(path: string, name: string | number): string {
  return typeof name === 'number' ? `${path}[${name}]` : path ? `${path}.${name}` : name;
}

function string(o: Record<string, unknown>, name: string, path: string, problems: Problems, optional = false) {
  const v = o[name];
  if (optional && v === undefined) return;
  if (typeof v !== 'string') add(problems, join(path, name), 'must be a string');
}

function time(o: Record<string, unknown>, name: string, path: string, problems: Problems, optional = false) {
  const v = o[name];
  if (optional && v === undefined) return;
  if (!isTime(v)) add(problems, join(path, name), 'must be a time in milliseconds');
}

/** The OpenAI chat message shape (role, content, tool calls, tool results). */
export function checkChatMessage(value: unknown, path: string, problems: Problems): void {
  if (!isObject(value)) return add(problems, path, 'must be an object');
  if (typeof value.role !== 'string' || !ROLES.includes(value.role)) {
    add(problems, join(path, 'role'), 'must be user, assistant, system or tool');
  }
  if (value.content !== null && typeof value.content !== 'string') {
    add(problems, join(path, 'content'), 'must be a string or null');
  }
  if (value.tool_calls !== undefined) {
    if (!Array.isArray(value.tool_calls)) add(problems, join(path, 'tool_calls'), 'must be an array');
    else value.tool_calls.forEach((call, i) => checkToolCall(call, join(join(path, 'tool_calls'), i), problems));
  }
  string(value, 'tool_call_id', path, problems, true);
  string(value, 'name', path, problems, true);
  string(value, 'reasoning', path, problems, true);
  time(value, 'reasoningMs', path, problems, true);
  if (value.sources !== undefined) checkSources(value.sources, join(path, 'sources'), problems);
}

/** An answer's citations: `[{ url, title? }]`. */
function checkSources(value: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(value)) return add(problems, path, 'must be an array');
  value.forEach((source, i) => {
    const at = join(path, i);
    if (!isObject(source)) return add(problems, at, 'must be an object');
    string(source, 'url', at, problems);
    string(source, 'title', at, problems, true);
  });
}

function checkToolCall(value: unknown, path: string, problems: Problems): void {
  if (!isObject(value)) return add(problems, path, 'must be an object');
  string(value, 'id', path, problems);
  if (value.type !== 'function') add(problems, join(path, 'type'), 'must be "function"');
  const fn = value.function;
  if (!isObject(fn)) return add(problems, join(path, 'function'), 'must be an object');
  string(fn, 'name', join(path, 'function'), problems);
  string(fn, 'arguments', join(path, 'function'), problems);
}

export function checkMessageRecord(value: unknown, path = ''): Problems {
  const problems: Problems = [];
  checkChatMessage(value, path, problems);
  if (!isObject(value)) return problems;
  if (typeof value.v !== 'number') add(problems, join(path, 'v'), 'must be a schema version number');
  string(value, 'conversationId', path, problems);
  if (!Number.isInteger(value.seq) || (value.seq as number) < 0) {
    add(problems, join(path, 'seq'), 'must be a whole number ≥ 0');
  }
  if (typeof value.status !== 'string' || !STATUSES.includes(value.status)) {
    add(problems, join(path, 'status'), 'must be final, draft or interrupted');
  }
  time(value, 'createdAt', path, problems);
  time(value, 'updatedAt', path, problems);
  string(value, 'finishReason', path, problems, true);
  return problems;
}

export function checkConversationRecord(value: unknown, path = ''): Problems {
  const problems: Problems = [];
  if (!isObject(value)) {
    add(problems, path, 'must be an object');
    return problems;
  }
  if (typeof value.v !== 'number') add(problems, join(path, 'v'), 'must be a schema version number');
  if (typeof value.id !== 'string' || !value.id) add(problems, join(path, 'id'), 'must be a non-empty string');
  string(value, 'title', path, problems);
  time(value, 'createdAt', path, problems);
  time(value, 'updatedAt', path, problems);
  string(value, 'model', path, problems, true);
  if (!Number.isInteger(value.count) || (value.count as number) < 0) {
    add(problems, join(path, 'count'), 'must be a whole number ≥ 0');
  }
  return problems;
}

export const isMessageRecord = (v: unknown): v is MessageRecord => checkMessageRecord(v).length === 0;
export const isConversationRecord = (v: unknown): v is ConversationRecord =>
  checkConversationRecord(v).length === 0;

export { isObject, isTime, join as joinPath, add as addProblem };
