/**
 * Markdown to HTML with marked (GFM): one configured instance, our renderer overrides, and the token-level
 * entry points the incremental stream needs (lex a slice with known link definitions, render chosen tokens).
 *
 * Raw HTML in the markdown is shown as text, never interpreted: an answer that contains `<div>` or
 * `<script>` is talking about HTML, and interpreting it would let unbalanced tags from one block swallow the
 * next. Images are links to third parties: see `image` below.
 */
import { Lexer, Marked, Parser, type Token, type TokensList, type Tokens } from 'marked';
import { HIGHLIGHT_PENDING_CLASS, highlightCode, highlightPending } from './highlight.js';
import { format, type ResolvedMarkdownOptions } from './markdown-options.js';
import { mathExtensions } from './math-syntax.js';
import { RENDER_PENDING_CLASS } from './fence-renderers.js';
import { remoteImageUrl } from './sanitize.js';

export type Links = TokensList['links'];

const MARKED_OPTIONS = { gfm: true, breaks: false, pedantic: false, async: false } as const;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** What the renderer callbacks need for the render in progress (marked's renderer has no per-call context). */
let current: { options: ResolvedMarkdownOptions; highlight: boolean } | undefined;

const marked = new Marked(MARKED_OPTIONS, {
  renderer: {
    html(token) {
      // Block-level raw HTML keeps its own paragraph so it still reads as a block.
      return 'block' in token && token.block ? `<p>${escapeHtml(token.text.trimEnd())}</p>\n` : escapeHtml(token.text);
    },
    checkbox({ checked }) {
      // A task box shows state only (disabled); its name says which state, for screen readers.
      const label = escapeHtml(checked ? (current?.options.strings.taskDone ?? '') : (current?.options.strings.taskOpen ?? ''));
      return `<input ${checked ? 'checked="" ' : ''}disabled="" type="checkbox" aria-label="${label}"> `;
    },
    listitem(item) {
      // A class rather than a `ul:has(input)` rule: :has() is re-checked on every insertion while streaming.
      const body = this.parser.parse(item.tokens);
      return item.task ? `<li class="md-task">${body}</li>\n` : `<li>${body}</li>\n`;
    },
    code({ text, lang }) {
      const language = (lang ?? '').match(/^\S*/)?.[0] ?? '';
      const body = text ? text.replace(/\n$/, '') + '\n' : '';
      const highlighted = current?.highlight ? highlightCode(body, language) : null;
      // Its grammar is on the way: shown plain now, highlighted in place when it arrives (markdown-stream.ts).
      const pending = !!current?.highlight && highlighted === null && highlightPending(language);
      const classes = [highlighted !== null ? 'hljs' : '', pending ? HIGHLIGHT_PENDING_CLASS : '', language ? `language-${escapeHtml(language)}` : '']
        .filter(Boolean)
        .join(' ');
      const pre = `<pre><code${classes ? ` class="${classes}"` : ''}>${highlighted ?? escapeHtml(body)}</code></pre>`;
      // A closed fence with a renderer of its language: marked for it (fence-renderers.ts).
      const rendered = current?.highlight && current.options.renderers?.[language] ? ` ${RENDER_PENDING_CLASS}` : '';
      if (!current?.options.copyButtons) return rendered ? `<div class="${rendered}">${pre}</div>\n` : `${pre}\n`;
      const { copy, copyLabel } = current.options.strings;
      const bar =
        `<div class="md-code-bar"><span class="md-code-lang">${escapeHtml(language)}</span>` +
        `<button type="button" class="md-copy" aria-label="${escapeHtml(copyLabel)}">${escapeHtml(copy)}</button></div>`;
      return `<div class="md-code${rendered}">${bar}${pre}</div>\n`;
    },
    image({ href, title, text }) {
      const alt = escapeHtml(text);
      const url = remoteImageUrl(href);
      // Not an absolute http(s) URL (data:, javascript:, relative): only the alt text is shown.
      if (!url) return alt;
      const titleAttr = title ? ` title="${escapeHtml(title)}"` : '';
      if (current?.options.imageAllowed(url)) {
        return `<img src="${escapeHtml(url.href)}" alt="${alt}"${titleAttr} loading="lazy" referrerpolicy="no-referrer">`;
      }
      const strings = current?.options.strings;
      const values = { alt: text || url.host, host: url.host };
      // The visible text names the button (no aria-label that would differ from what sighted users read).
      const tooltip = title ? titleAttr : ` title="${escapeHtml(format(strings?.loadImageLabel ?? '', values))}"`;
      const visible = escapeHtml(format(strings?.loadImage ?? '', values));
      return `<button type="button" class="md-image" data-src="${escapeHtml(url.href)}" data-alt="${alt}"${tooltip}>${visible}</button>`;
    },
  },
  extensions: mathExtensions,
});

/**
 * Block tokens (with inline tokens filled in) for `src`, resolving reference links against `links` plus
 * any definitions in `src`. The returned list's `links` holds both.
 */
export function lexMarkdown(src: string, links?: Links): TokensList {
  const lexer = new Lexer(marked.defaults);
  if (links) Object.assign(lexer.tokens.links, links);
  return lexer.lex(src);
}

/** HTML for the given tokens; `highlight` decides whether code blocks are highlighted or left plain. */
export function renderTokens(tokens: Token[], options: ResolvedMarkdownOptions, highlight: boolean): string {
  current = { options, highlight };
  try {
    return new Parser(marked.defaults).parse(tokens);
  } finally {
    current = undefined;
  }
}

/** True when a top-level code token is a fence whose closing line has arrived (or an indented block). */
export function isClosedCode(token: Tokens.Code): boolean {
  if (token.codeBlockStyle === 'indented') return true;
  // The closing line must be complete: "```" followed by " x" would not close the fence after all.
  if (!token.raw.endsWith('\n')) return false;
  const raw = token.raw.replace(/\n+$/, '');
  const open = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
  const lastNewline = raw.lastIndexOf('\n');
  if (!open || lastNewline < 0) return false;
  const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(raw.slice(lastNewline + 1));
  return !!close && close[1][0] === open[1][0] && close[1].length >= open[1].length;
}

/**
 * Adds the link definitions inside a token to `links`, first one of a label winning as in marked. They may
 * be nested: a definition inside a blockquote or a list item counts for the whole document.
 */
export function collectDefinitions(token: Token, links: Links): void {
  if (token.type === 'def') {
    if (!(token.tag in links)) links[token.tag] = { href: token.href, title: token.title };
    return;
  }
  if ('items' in token && Array.isArray(token.items)) for (const item of token.items) for (const child of item.tokens ?? []) collectDefinitions(child, links);
  if ('tokens' in token && Array.isArray(token.tokens)) for (const child of token.tokens) collectDefinitions(child, links);
}
