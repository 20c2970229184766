/**
 * What several providers share about reasoning and citations: reasoning that arrives in blocks (summary
 * parts, reasoning messages) read as one text with the blocks a blank line apart, and the `url_citation`
 * annotations of OpenAI's two APIs (and OpenRouter's) as sources.
 */
import type { ProviderPart } from './provider.js';

export class ReasoningBlocks {
  private block: string | undefined;
  private started = false;

  /** The part for a reasoning fragment of `block` (an id); undefined for an empty one. */
  part(delta: unknown, block = ''): ProviderPart | undefined {
    if (typeof delta !== 'string' || !delta) return undefined;
    const gap = this.started && block !== this.block ? '\n\n' : '';
    this.block = block;
    this.started = true;
    return { type: 'reasoning', delta: gap + delta };
  }
}

/**
 * A source from a citation: Responses' flat `{ type: 'url_citation', url, title }`, Chat Completions'
 * `{ type: 'url_citation', url_citation: { url, title } }`, or an AG-UI `source` custom event's value.
 */
export function sourcePart(annotation: unknown): ProviderPart | undefined {
  if (!annotation || typeof annotation !== 'object') return undefined;
  const a = annotation as Record<string, any>;
  if (a.type !== undefined && a.type !== 'url_citation') return undefined;
  const c = a.url_citation && typeof a.url_citation === 'object' ? a.url_citation : a;
  if (typeof c.url !== 'string' || !c.url.trim()) return undefined;
  return { type: 'source', url: c.url.trim(), ...(typeof c.title === 'string' && c.title ? { title: c.title } : {}) };
}
