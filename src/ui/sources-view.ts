/**
 * What an answer cites, under it: numbered pills with the title and the host. Only absolute http(s)
 * URLs become links (in a new tab, `rel="noopener noreferrer"`, as the sanitizer makes markdown links);
 * anything else (`javascript:`, `data:`, a relative path) is shown as text and never followed.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ChatSource } from '../core/index.js';
import { httpUrl } from '../render/http-url.js';
import type { Strings } from './strings.js';

export function renderSources(sources: readonly ChatSource[] | undefined, strings: Strings): TemplateResult | typeof nothing {
  if (!sources?.length) return nothing;
  return html`<ol class="sources" part="sources" aria-label=${strings.sources}>
    ${sources.map((source, i) => {
      const url = httpUrl(source.url);
      const title = source.title || url?.hostname || source.url;
      const inner = html`<span class="source-number">${i + 1}</span><span class="source-title">${title}</span>${url && source.title ? html`<span class="source-host">${url.hostname}</span>` : nothing}`;
      return html`<li>${url
        ? html`<a class="source" part="source" href=${url.href} target="_blank" rel="noopener noreferrer" title=${url.href}>${inner}</a>`
        : html`<span class="source" part="source">${inner}</span>`}</li>`;
    })}
  </ol>`;
}
