/**
 * The default view of a structured value while it streams (structured output, tool-call arguments):
 * fields as labelled rows, arrays of objects as cards, lists of scalars as lists, strings growing in place.
 *
 * It is incremental so that it costs little per frame: the DOM mirrors the value node by node, a growing
 * string extends its text node, and a subtree known to be complete (not on the open path) whose value is
 * unchanged is skipped without being walked. Model text only ever reaches the DOM through text nodes.
 */
import type { ValidationIssue } from '../core/index.js';
import { jsonPointer, type JsonPath } from '../core/index.js';
import { AMBIGUOUS, childSchema, defOf, unwrap, type AnySchema } from '../core/index.js';
import { httpUrl } from './http-url.js';

export { objectViewStyles } from './object-view-styles.js';

export interface ObjectViewState {
  /** The whole value has arrived and passed the schema. */
  complete: boolean;
  issues: ValidationIssue[];
  /** JSON pointers that closed (accepted for compatibility with the `object` event; `openPath` is what counts). */
  completed?: string[];
  /** The value still being written; everything else is complete. Undefined: not known (all treated as open). */
  openPath?: JsonPath;
  /** The zod schema: fields it names that have not arrived yet are shown as pending. */
  schema?: AnySchema;
  /** Nothing more will arrive (the turn ended, valid or not): fields still absent show as missing. */
  ended?: boolean;
}

/** A host's own view (`renderObject`): may return a Lit template, a DOM node or a string. */
export type RenderObject = (value: unknown, state: ObjectViewState) => unknown;

export interface ObjectViewStrings {
  pending: string;
  missing: string;
  empty: string;
  yes: string;
  no: string;
  /** Heading of the list of problems. */
  issues: string;
  /** Before a value nested deeper than the view shows as fields (it is shown as JSON text). */
  tooDeep: string;
}

export const defaultObjectViewStrings: ObjectViewStrings = {
  pending: '…',
  missing: 'missing',
  empty: 'none',
  yes: 'yes',
  no: 'no',
  issues: 'Problems with this answer',
  tooDeep: 'Nested too deep to show as fields:',
};

/**
 * Levels shown as fields and lists; below, a value is JSON text. Each level is a DOM level to lay out and
 * takes some width, so a deeper view helps no reader and squeezes the text below it into a sliver.
 */
export const MAX_VIEW_DEPTH = 16;

/**
 * The most JSON text shown for a value below MAX_VIEW_DEPTH: its start and its end, with the count of
 * characters left out between. Laying out text costs with its length on every frame that changes it.
 */
export const DEEP_TEXT_LIMIT = 8_000;

/**
 * JSON text of a value of any depth (JSON.stringify recurses, and a hostile value may be 10,000 deep),
 * with a space after each colon and comma so that it can wrap, and a long run of closing brackets
 * shortened to a count. Stops after about `limit` characters.
 */
function jsonText(value: unknown, limit = Infinity): string {
  const out: string[] = [];
  let length = 0;
  // Either a value still to write, or a piece of punctuation to write when the stack reaches it.
  const stack: ({ value: unknown } | string)[] = [{ value }];
  // A run of closing brackets, held back: thousands of them in a row are shown as a count.
  let closers = '';
  const write = (text: string) => {
    if (closers) {
      const run = closers.length > CLOSER_RUN ? `${closers.slice(0, 4)} …${closers.length - 8} more… ${closers.slice(-4)}` : closers;
      closers = '';
      write(run);
    }
    out.push(text);
    length += text.length;
  };
  while (stack.length && length < limit) {
    const next = stack.pop()!;
    if (next === '}' || next === ']') {
      closers += next;
      continue;
    }
    if (typeof next === 'string') {
      write(next);
      continue;
    }
    const v = next.value;
    if (v === null || typeof v !== 'object') {
      write(JSON.stringify(v) ?? 'null');
      continue;
    }
    const entries: [string | undefined, unknown][] = Array.isArray(v) ? v.map((x) => [undefined, x]) : Object.entries(v);
    const [open, close] = Array.isArray(v) ? ['[', ']'] : ['{', '}'];
    write(open);
    stack.push(close);
    for (let i = entries.length - 1; i >= 0; i--) {
      const [key, child] = entries[i];
      stack.push({ value: child });
      stack.push((i > 0 ? ', ' : '') + (key === undefined ? '' : `${JSON.stringify(key)}: `));
    }
  }
  write('');
  return out.join('');
}

/** Closing brackets in a row beyond which they are shown as a count. */
const CLOSER_RUN = 16;

/**
 * What a value below MAX_VIEW_DEPTH shows: all of its JSON text when short; else its start and end.
 * While it is still being written only the start is built (its cost bounded however deep or long it is).
 */
function deepText(value: unknown, open: boolean): string {
  const half = DEEP_TEXT_LIMIT / 2;
  if (open) {
    const head = jsonText(value, DEEP_TEXT_LIMIT + 1);
    return head.length > DEEP_TEXT_LIMIT ? `${head.slice(0, DEEP_TEXT_LIMIT)} …` : head;
  }
  const text = jsonText(value);
  if (text.length <= DEEP_TEXT_LIMIT) return text;
  const skipped = text.length - 2 * half;
  return `${text.slice(0, half)}\n… ${skipped.toLocaleString('en')} characters not shown …\n${text.slice(-half)}`;
}

/** "releaseYear", "release_year" -> "Release year". */
export function labelFor(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words ? words[0].toUpperCase() + words.slice(1) : key;
}

interface Ctx {
  /** Pointer of the open value, or undefined when nothing is known to be complete. */
  open: string | undefined;
  closedRoot: boolean;
  strings: ObjectViewStrings;
  /** Elements that can carry an issue, by pointer. */
  registry: Map<string, HTMLElement>;
}

function isOpen(pointer: string, ctx: Ctx): boolean {
  if (ctx.closedRoot) return false;
  if (ctx.open === undefined) return true;
  return ctx.open === pointer || ctx.open.startsWith(pointer + '/');
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

/** An absolute http(s) URL and nothing else (a sentence that starts with one stays text); never `javascript:`. */
function linkUrl(text: string): URL | null {
  return /\s/.test(text.trim()) ? null : httpUrl(text);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  return node;
}

/** One value's DOM. Re-used across updates as long as the value keeps its kind. */
class NodeView {
  readonly el: HTMLElement;
  private kind = '';
  private last: unknown = undefined;
  private settled = false;
  private text?: Text;
  /** The link a complete URL string is shown as (its text node inside). */
  private link?: HTMLAnchorElement;
  private rows?: Map<string, { row: HTMLElement; dd: HTMLElement; view?: NodeView; pending?: HTMLElement }>;
  private list?: HTMLElement;
  private items?: NodeView[];
  /** Items before this index are complete and rendered as such. */
  private doneItems = 0;

  constructor() {
    this.el = el('div', 'ov-value');
  }

  update(value: unknown, schema: AnySchema | undefined, pointer: string, ctx: Ctx, depth = 0): void {
    const open = isOpen(pointer, ctx);
    if (this.settled && value === this.last) return;
    const deep = depth >= MAX_VIEW_DEPTH && (kindOf(value) === 'object' || kindOf(value) === 'array');
    const kind = deep ? 'deep' : kindOf(value);
    const wasSettledDeep = kind === 'deep' && this.kind === 'deep' && this.settled;
    if (kind !== this.kind) this.reset(kind);
    this.last = value;
    // The caret marks the value being written, which only an `openPath` tells.
    this.el.classList.toggle('ov-open', open && ctx.open !== undefined && (kind === 'string' || kind === 'object' || kind === 'array'));
    switch (kind) {
      case 'string':
        this.updateText(value as string);
        this.setLink(open ? null : linkUrl(value as string));
        break;
      case 'number':
        this.updateText(String(value));
        break;
      case 'boolean':
        this.updateText(value ? ctx.strings.yes : ctx.strings.no);
        break;
      case 'null':
        this.updateText('—');
        break;
      case 'object':
        this.updateObject(value as Record<string, unknown>, schema, pointer, open, ctx, depth);
        break;
      case 'array':
        this.updateArray(value as unknown[], schema, pointer, ctx, depth);
        break;
      case 'deep':
        // Deeper than a reader can follow (and than the DOM lays out safely): the rest as JSON text.
        // Once complete it no longer changes (events carry copies, so identity says nothing): not rebuilt.
        if (wasSettledDeep) break;
        if (!this.text) {
          this.text = document.createTextNode('');
          this.el.append(el('span', 'ov-deep-note'), ' ', this.text);
        }
        (this.el.firstChild as HTMLElement).textContent = ctx.strings.tooDeep;
        this.updateText(deepText(value, open));
        break;
    }
    this.settled = !open;
  }

  private reset(kind: string): void {
    this.kind = kind;
    this.el.replaceChildren();
    this.el.className = `ov-value ov-${kind}`;
    this.text = undefined;
    this.link = undefined;
    this.rows = undefined;
    this.list = undefined;
    this.items = undefined;
    this.doneItems = 0;
  }

  /** A complete string that is a URL (`z.url()`, or any http(s) address) is a link, as markdown links are. */
  private setLink(url: URL | null): void {
    if (!url) {
      if (this.link) this.link.replaceWith(this.text!);
      this.link = undefined;
      return;
    }
    if (!this.link) {
      this.link = el('a', 'ov-link');
      this.link.target = '_blank';
      this.link.rel = 'noopener noreferrer';
      this.text!.replaceWith(this.link);
      this.link.append(this.text!);
    }
    this.link.href = url.href;
  }

  /** A growing string gets only its new characters appended to the same text node. */
  private updateText(text: string): void {
    if (!this.text) {
      this.text = document.createTextNode(text);
      this.el.append(this.text);
      return;
    }
    const old = this.text.data;
    if (text === old) return;
    if (text.length > old.length && text.startsWith(old)) this.text.appendData(text.slice(old.length));
    else this.text.data = text;
  }

  private updateObject(obj: Record<string, unknown>, schema: AnySchema | undefined, pointer: string, open: boolean, ctx: Ctx, depth: number): void {
    if (!this.rows) {
      this.rows = new Map();
      const dl = el('dl', 'ov-fields');
      this.el.append(dl);
      // The fields the schema names come first, in its order, pending until they arrive.
      const inner = unwrap(schema);
      const shape = inner && defOf(inner).type === 'object' ? defOf(inner).shape : undefined;
      for (const key of Object.keys(shape ?? {})) this.addRow(key, pointer, ctx);
    }
    for (const key of Object.keys(obj)) {
      let row = this.rows.get(key);
      if (!row) row = this.addRow(key, pointer, ctx);
      if (!row.view) {
        row.view = new NodeView();
        row.pending?.remove();
        row.pending = undefined;
        row.row.classList.remove('ov-pending', 'ov-missing');
        row.dd.append(row.view.el);
      }
      const sub = childSchema(schema, key, obj, true);
      row.view.update(obj[key], sub === AMBIGUOUS ? undefined : sub, `${pointer}/${escapeKey(key)}`, ctx, depth + 1);
    }
    for (const [key, row] of this.rows) {
      if (Object.prototype.hasOwnProperty.call(obj, key)) continue;
      if (row.view) {
        // A value taken back (an enum value that stopped matching): pending again.
        row.view.el.remove();
        row.view = undefined;
      }
      if (!row.pending) {
        row.pending = el('span', 'ov-placeholder');
        row.dd.append(row.pending);
      }
      row.row.classList.toggle('ov-pending', open);
      row.row.classList.toggle('ov-missing', !open);
      const placeholder = open ? ctx.strings.pending : ctx.strings.missing;
      if (row.pending.textContent !== placeholder) row.pending.textContent = placeholder;
    }
  }

  private addRow(key: string, pointer: string, ctx: Ctx) {
    const dl = this.el.firstChild as HTMLElement;
    const row = el('div', 'ov-field');
    const dt = el('dt', 'ov-label');
    dt.textContent = labelFor(key);
    const dd = el('dd', 'ov-data');
    row.append(dt, dd);
    dl.append(row);
    const entry = { row, dd };
    this.rows!.set(key, entry);
    ctx.registry.set(`${pointer}/${escapeKey(key)}`, row);
    return entry;
  }

  private updateArray(arr: unknown[], schema: AnySchema | undefined, pointer: string, ctx: Ctx, depth: number): void {
    if (!this.list) {
      this.list = el('ol', 'ov-list');
      this.items = [];
      this.el.append(this.list);
    }
    const list = this.list;
    const items = this.items!;
    const sub = childSchema(schema, 0, arr, true);
    const itemSchema = sub === AMBIGUOUS ? undefined : sub;
    // Items past the last one may have been taken back (a string hidden again).
    while (items.length > arr.length) {
      items.pop()!.el.parentElement!.remove();
    }
    this.doneItems = Math.min(this.doneItems, arr.length);
    for (let i = this.doneItems; i < arr.length; i++) {
      let view = items[i];
      const itemPointer = `${pointer}/${i}`;
      if (!view) {
        view = items[i] = new NodeView();
        const li = el('li', 'ov-item');
        li.append(view.el);
        list.append(li);
        ctx.registry.set(itemPointer, li);
      }
      const item = arr[i];
      view.update(item, itemSchema, itemPointer, ctx, depth + 1);
      (view.el.parentElement as HTMLElement).classList.toggle('ov-card', kindOf(item) === 'object');
      if (!isOpen(itemPointer, ctx) && ctx.open !== undefined && i === this.doneItems) this.doneItems = i + 1;
    }
    list.classList.toggle('ov-cards', arr.length > 0 && kindOf(arr[0]) === 'object');
    this.el.classList.toggle('ov-empty', arr.length === 0);
    this.el.dataset.empty = ctx.strings.empty;
  }
}

function escapeKey(key: string): string {
  return jsonPointer([key]).slice(1);
}

/**
 * Renders `(value, state)` into `container` and keeps it up to date: call `update` as often as values
 * arrive (once per animation frame is plenty); only what changed is touched.
 */
export class ObjectView {
  readonly element: HTMLElement;
  private readonly strings: ObjectViewStrings;
  private readonly root = new NodeView();
  private readonly issueList: HTMLElement;
  private readonly registry = new Map<string, HTMLElement>();
  private invalid: HTMLElement[] = [];
  private issueKey = '';

  constructor(container: HTMLElement, strings: Partial<ObjectViewStrings> = {}) {
    this.strings = { ...defaultObjectViewStrings, ...strings };
    this.element = el('div', 'ov');
    this.issueList = el('div', 'ov-issues');
    this.issueList.hidden = true;
    this.element.append(this.root.el, this.issueList);
    container.append(this.element);
  }

  update(value: unknown, state: ObjectViewState): void {
    const ctx: Ctx = {
      open: state.openPath ? jsonPointer(state.openPath) : undefined,
      closedRoot: state.complete || state.ended === true,
      strings: this.strings,
      registry: this.registry,
    };
    if (value !== undefined) this.root.update(value, state.schema, '', ctx);
    this.element.setAttribute('aria-busy', String(!state.complete && !ctx.closedRoot));
    this.element.classList.toggle('ov-complete', state.complete);
    this.showIssues(state.issues);
  }

  /** Problems as a list under the value, and each affected row marked (`aria-invalid`). */
  private showIssues(issues: ValidationIssue[]): void {
    const key = issues.map((i) => `${jsonPointer(i.path)} ${i.message}`).join('\n');
    if (key === this.issueKey) return;
    this.issueKey = key;
    for (const node of this.invalid) {
      node.classList.remove('ov-invalid');
      node.removeAttribute('aria-invalid');
    }
    this.invalid = [];
    for (const issue of issues) {
      const node = this.registry.get(jsonPointer(issue.path));
      if (node) {
        node.classList.add('ov-invalid');
        node.setAttribute('aria-invalid', 'true');
        this.invalid.push(node);
      }
    }
    this.issueList.hidden = issues.length === 0;
    if (!issues.length) {
      this.issueList.replaceChildren();
      return;
    }
    const heading = el('p', 'ov-issues-heading');
    heading.textContent = this.strings.issues;
    const list = el('ul', 'ov-issue-list');
    for (const issue of issues) {
      const li = el('li', 'ov-issue');
      const where = issue.path.length ? `${issue.path.map((p) => (typeof p === 'number' ? `#${p + 1}` : labelFor(p))).join(' › ')}: ` : '';
      li.textContent = where + issue.message;
      list.append(li);
    }
    this.issueList.replaceChildren(heading, list);
  }
}
