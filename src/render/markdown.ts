/** One-shot rendering: the whole text at once (history, tests, and the reference the stream must match). */
import { resolveMarkdownOptions, type MarkdownOptions } from './markdown-options.js';
import { groupByPart, wrapParts } from './block-parts.js';
import { lexMarkdown, renderTokens } from './markdown-renderer.js';
import { limitNesting, nestingNotice } from './nesting-guard.js';
import { sanitizeToFragment } from './sanitize.js';

/** Line endings as marked sees them; the stream normalises the same way so offsets agree. */
export function normalizeNewlines(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Renders markdown to a sanitized fragment, every code block highlighted. Insert it, or use MarkdownStream. */
export function renderMarkdown(text: string, options?: MarkdownOptions): DocumentFragment {
  const resolved = resolveMarkdownOptions(options);
  const { text: bounded, limited } = limitNesting(normalizeNewlines(text));
  const html = wrapParts(groupByPart(lexMarkdown(bounded)).map((tokens) => renderTokens(tokens, resolved, true)));
  const fragment = sanitizeToFragment(html, resolved.imageAllowed);
  if (limited) fragment.appendChild(nestingNotice(resolved.strings.nestingLimited));
  return fragment;
}
