/**
 * History out of and into the browser: JSON (versioned, validated on import with messages that name the
 * exact field) and Markdown for reading. Only conversation fields and chat messages go out: the API key,
 * headers and options are never part of a record, so they cannot be part of an export. Attached images
 * and files travel inside the JSON as `data:` URLs and are kept as Blobs again on import.
 */
import type { Attachment, ChatMessage, ChatSource } from '../core/index.js';
import { blobToDataUrl, dataUrlToBlob, isDataUrl } from './file-data.js';
import type { HistoryStore } from './history-store.js';
import { chatFields, branchKey, type BranchRecord, type ConversationRecord, type MessageRecord, type MessageStatus } from './records.js';
import { readBranches } from './branch-store.js';
import { readBranch, versionMessages, withConversation } from './branch-tree.js';
import { addProblem, checkChatMessage, isObject, isTime, joinPath, type Problems } from './validate.js';

export const EXPORT_FORMAT = 'stream-chat-history';
export const EXPORT_VERSION = 1;

export interface ExportedMessage extends ChatMessage {
  status?: MessageStatus;
  createdAt?: number;
}

export interface ExportedConversation {
  id: string;
  title: string;
  createdAt: number;
  updatedAt: number;
  model?: string;
  /** The messages shown (for a message with several versions, the version on screen and what follows it). */
  messages: ExportedMessage[];
  /** The other versions of edited questions and regenerated answers (records.ts `BranchRecord`); absent when none. */
  branches?: BranchRecord[];
}

export interface HistoryExport {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  conversations: ExportedConversation[];
}

export type ImportResult =
  | { ok: true; conversations: ConversationRecord[] }
  | { ok: false; message: string; problems: Problems };

/** Problems listed in an import error before "and N more". */
const MAX_LISTED = 5;

function exportMessage(m: MessageRecord): ExportedMessage {
  const out: ExportedMessage = { ...chatFields(m), createdAt: m.createdAt };
  if (m.status !== 'final') out.status = 'interrupted';
  return out;
}

/** An attachment with its kept bytes as a `data:` URL (a text file already carries its text). */
async function withData(store: HistoryStore, conversationId: string, a: Attachment): Promise<Attachment> {
  if (a.text !== undefined) return a;
  const blob = await store.loadFile(conversationId, a.id);
  return blob ? { ...a, data: await blobToDataUrl(blob, blob.type || a.type) } : a;
}

/**
 * One conversation (`ids` of one), some, or all of them (no `ids`) as a versioned export object; with
 * `files: false`, attachments are described but their bytes are left out.
 */
export async function exportHistory(store: HistoryStore, ids?: string[], options: { files?: boolean } = {}): Promise<HistoryExport> {
  const all = await store.listConversations();
  const chosen = ids ? all.filter((c) => ids.includes(c.id)) : all;
  const conversations: ExportedConversation[] = [];
  for (const c of chosen) {
    const messages = (await store.loadMessages(c.id)).map(exportMessage);
    if (options.files !== false) {
      for (const m of messages) if (m.attachments) m.attachments = await Promise.all(m.attachments.map((a) => withData(store, c.id, a)));
    }
    const item: ExportedConversation = { id: c.id, title: c.title, createdAt: c.createdAt, updatedAt: c.updatedAt, messages };
    if (c.model) item.model = c.model;
    const branches = await readBranches(store, c.id);
    if (branches.length) item.branches = branches;
    if (options.files !== false) {
      for (const m of versionMessages(branches)) if (m.attachments) m.attachments = await Promise.all(m.attachments.map((a) => withData(store, c.id, a)));
    }
    conversations.push(item);
  }
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date().toISOString(), conversations };
}

export async function exportJSON(store: HistoryStore, ids?: string[]): Promise<string> {
  return JSON.stringify(await exportHistory(store, ids), null, 2);
}

const SPEAKERS: Record<string, string> = { user: 'You', assistant: 'Assistant', system: 'System', tool: 'Tool' };

/** A readable Markdown document: a heading per conversation, the speaker in bold before each message. */
export async function exportMarkdown(store: HistoryStore, ids?: string[]): Promise<string> {
  const { conversations } = await exportHistory(store, ids, { files: false });
  return conversations.map((c) => conversationMarkdown({ ...c, messages: c.messages.map(namingFiles) })).join('\n\n---\n\n') + '\n';
}

/** A message whose attachments are named after its text (a Markdown reader has no use for their bytes). */
function namingFiles(m: ExportedMessage): ExportedMessage {
  if (!m.attachments?.length) return m;
  const names = m.attachments.map((a) => `\`${a.name.replace(/`/g, "'")}\``).join(', ');
  return { ...m, content: [m.content, `_Attached: ${names}_`].filter(Boolean).join('\n\n') };
}

export function conversationMarkdown(c: ExportedConversation): string {
  const parts = [`# ${c.title || 'Untitled conversation'}`];
  parts.push(`_${new Date(c.createdAt).toISOString().slice(0, 16).replace('T', ' ')}${c.model ? ` · ${c.model}` : ''}_`);
  for (const m of c.messages) {
    const who = m.role === 'tool' && m.name ? `Tool (${m.name})` : SPEAKERS[m.role];
    const body: string[] = [];
    if (m.reasoning) body.push(reasoningMarkdown(m.reasoning, m.reasoningMs));
    if (m.content) body.push(m.role === 'tool' ? fence(m.content) : m.content);
    if (m.sources?.length) body.push(sourcesMarkdown(m.sources));
    for (const call of m.tool_calls ?? []) body.push(`Calls \`${call.function.name}\` with ${fence(call.function.arguments, 'json')}`);
    if (m.status === 'interrupted') body.push('_(interrupted)_');
    parts.push(`**${who}**\n\n${body.join('\n\n')}`);
  }
  return parts.join('\n\n');
}

/** The model's reasoning as a quote before its answer, with how long it took when known. */
function reasoningMarkdown(text: string, ms?: number): string {
  const head = ms ? `_Reasoning (${Math.max(1, Math.round(ms / 1000))} s)_` : '_Reasoning_';
  return [head, ...text.split('\n')].map((line) => `> ${line}`.trimEnd()).join('\n');
}

/** Numbered sources; only http(s) addresses become links, anything else stays text. */
function sourcesMarkdown(sources: ChatSource[]): string {
  const items = sources.map((s, i) => {
    const title = (s.title || s.url).replace(/[[\]\\]/g, '\\$&');
    const link = /^https?:\/\//i.test(s.url) ? `[${title}](<${s.url.replace(/[<>\s]/g, encodeURIComponent)}>)` : `${title} (\`${s.url.replace(/`/g, "'")}\`)`;
    return `${i + 1}. ${link}`;
  });
  return `Sources:\n\n${items.join('\n')}`;
}

function fence(text: string, lang = ''): string {
  const ticks = '`'.repeat(Math.max(3, ...[...text.matchAll(/`+/g)].map((m) => m[0].length + 1)));
  return `${ticks}${lang}\n${text}\n${ticks}`;
}

/** Checks an export file and says exactly what is wrong; nothing is written unless all of it is valid. */
export function checkExport(value: unknown): Problems {
  const problems: Problems = [];
  if (!isObject(value)) {
    addProblem(problems, '', 'must be an object with "format", "version" and "conversations"');
    return problems;
  }
  if (value.format !== EXPORT_FORMAT) addProblem(problems, 'format', `must be "${EXPORT_FORMAT}"`);
  if (typeof value.version !== 'number') addProblem(problems, 'version', 'must be a number');
  else if (value.version > EXPORT_VERSION) {
    addProblem(problems, 'version', `is ${value.version}, newer than this page reads (${EXPORT_VERSION})`);
  }
  if (!Array.isArray(value.conversations)) {
    addProblem(problems, 'conversations', 'must be an array');
    return problems;
  }
  value.conversations.forEach((c, i) => {
    const path = joinPath('conversations', i);
    if (!isObject(c)) return addProblem(problems, path, 'must be an object');
    if (c.id !== undefined && typeof c.id !== 'string') addProblem(problems, joinPath(path, 'id'), 'must be a string');
    if (c.title !== undefined && typeof c.title !== 'string') addProblem(problems, joinPath(path, 'title'), 'must be a string');
    for (const field of ['createdAt', 'updatedAt']) {
      if (c[field] !== undefined && !isTime(c[field])) addProblem(problems, joinPath(path, field), 'must be a time in milliseconds');
    }
    if (!Array.isArray(c.messages)) return addProblem(problems, joinPath(path, 'messages'), 'must be an array');
    c.messages.forEach((m, j) => {
      const mPath = joinPath(joinPath(path, 'messages'), j);
      checkChatMessage(m, mPath, problems);
      if (isObject(m) && m.createdAt !== undefined && !isTime(m.createdAt)) {
        addProblem(problems, joinPath(mPath, 'createdAt'), 'must be a time in milliseconds');
      }
      if (isObject(m) && m.attachments !== undefined) checkAttachments(m.attachments, joinPath(mPath, 'attachments'), problems);
    });
    if (c.branches === undefined) return;
    if (!Array.isArray(c.branches)) return addProblem(problems, joinPath(path, 'branches'), 'must be an array');
    const count = c.messages.length;
    c.branches.forEach((b, j) => {
      const branch = readBranch(b);
      if (!branch || branch.seq >= count) addProblem(problems, joinPath(joinPath(path, 'branches'), j), 'must be the versions of one of its messages');
    });
  });
  return problems;
}

/** Files sent with a message: each described (id, name, type, size), with a text file's text or the bytes as a `data:` URL. */
function checkAttachments(value: unknown, path: string, problems: Problems): void {
  if (!Array.isArray(value)) return addProblem(problems, path, 'must be an array');
  value.forEach((a, i) => {
    const at = joinPath(path, i);
    if (!isObject(a)) return addProblem(problems, at, 'must be an object');
    if (typeof a.id !== 'string' || !a.id) addProblem(problems, joinPath(at, 'id'), 'must be a non-empty string');
    for (const field of ['name', 'type']) if (typeof a[field] !== 'string') addProblem(problems, joinPath(at, field), 'must be a string');
    if (!isTime(a.size)) addProblem(problems, joinPath(at, 'size'), 'must be a size in bytes');
    if (a.text !== undefined && typeof a.text !== 'string') addProblem(problems, joinPath(at, 'text'), 'must be a string');
    if (a.data !== undefined && (typeof a.data !== 'string' || !isDataUrl(a.data))) addProblem(problems, joinPath(at, 'data'), 'must be a data: URL');
  });
}

/** Imports an export file (text). Rejects the whole file, with the reasons, if any part is malformed. */
export async function importJSON(store: HistoryStore, text: string): Promise<ImportResult> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = `The file is not valid JSON (${(error as Error).message}).`;
    return { ok: false, message, problems: [{ path: '', message }] };
  }
  const problems = checkExport(value);
  if (problems.length) {
    const listed = problems.slice(0, MAX_LISTED).map((p) => p.message);
    const more = problems.length > MAX_LISTED ? ` (and ${problems.length - MAX_LISTED} more)` : '';
    return { ok: false, message: `The file was not imported: ${listed.join('; ')}${more}.`, problems };
  }
  const conversations: ConversationRecord[] = [];
  for (const c of (value as HistoryExport).conversations) {
    const record = await store.importConversation(c, c.messages);
    // The files of the other versions too (checked loosely: a broken one is left out, its description kept).
    const versionFiles = versionMessages((c.branches ?? []) as BranchRecord[]).map((m) => ({
      ...m,
      attachments: m.attachments?.filter((a) => typeof a.id === 'string' && (typeof a.text === 'string' || (typeof a.data === 'string' && isDataUrl(a.data)))),
    }));
    await store.saveFiles(record.id, importedFiles([...c.messages, ...versionFiles]));
    const branches = (c.branches ?? []).map((b) => withConversation(readBranch(b)!, record.id));
    // After its messages: nothing of them is replaced.
    if (branches.length) await store.rewrite(record.id, c.messages.length, branches.map((b) => [branchKey(record.id, b.seq), b]));
    conversations.push(record);
  }
  return { ok: true, conversations };
}

/** The bytes of an import's attachments, to keep as Blobs (the records keep only their descriptions). */
function importedFiles(messages: ChatMessage[]): { id: string; blob: Blob }[] {
  const files: { id: string; blob: Blob }[] = [];
  for (const a of messages.flatMap((m) => m.attachments ?? [])) {
    const blob = a.text !== undefined ? new Blob([a.text], { type: a.type }) : a.data ? dataUrlToBlob(a.data, a.type) : undefined;
    if (blob) files.push({ id: a.id, blob });
  }
  return files;
}

export { exportFileName } from './export-name.js';
