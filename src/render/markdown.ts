/** One-shot rendering: the whole text at once (history, tests, and the reference the stream must match). */
import { resolveMarkdownOptions, type MarkdownOptions } from './markdown-options.js';
import { PART_CLASS, groupByPart } from './block-parts.js';
import { lexMarkdown, renderTokens } from './markdown-renderer.js';
import { sanitizeToFragment } from './sanitize.js';

/** Line endings as marked sees them; the stream normalises the same way so offsets agree. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Renders markdown to a sanitized fragment, every code block highlighted. Insert it, or use MarkdownStream. */
export function renderMarkdown(text: string, options?: MarkdownOptions): DocumentFragment {
  const resolved = resolveMarkdownOptions(options);
  const html = groupByPart(lexMarkdown(normalizeNewlines(text)))
    .map((tokens) => renderTokens(tokens, resolved, true))
    .map((part) => (part ? `<div class="${PART_CLASS}">${part}</div>` : ''))
    .join('');
  return sanitizeToFragment(html, resolved.imageAllowed);
}
