/**
 * The part that shows an answer's reasoning and sources (loaded by answer-extras-loader.ts): renders
 * each into the container the message template gave it, and adopts its styles into the element's
 * shadow root the first time.
 */
import { render } from 'lit';
import { reasoningStyles } from './reasoning-styles.js';
import { renderReasoning } from './reasoning-view.js';
import { renderSources } from './sources-view.js';
import type { Extra } from './answer-extras-loader.js';
import type { Strings } from './strings.js';
import type { AssistantItem } from './view-model.js';

export function showExtra(el: HTMLElement, kind: Extra, item: AssistantItem, strings: Strings): void {
  adoptStyles(el);
  if (kind === 'sources') render(renderSources(item.sources, strings), el);
  else if (item.reasoning) render(renderReasoning(item.reasoning, strings), el);
}

function adoptStyles(el: HTMLElement): void {
  const root = el.getRootNode();
  const sheet = reasoningStyles.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
