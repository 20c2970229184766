/**
 * Where an answer's reasoning block and source pills come from: a part loaded the first time an answer
 * has either (answer-extras.ts), so a page whose model never reasons or cites does not download them.
 * The message template gives each a container (`mountExtra`); the part renders into it, and its
 * reasoning text follows the deltas by itself (`ReasoningState.onText`), never through a template update.
 */
import { lazyPart, type ChatSource } from '../core/index.js';
import { mount } from './mount.js';
import type { Strings } from './strings.js';
import type { AssistantItem } from './view-model.js';

export const answerExtrasPart = lazyPart('reasoning and sources', () => import('./answer-extras.js'));

export type Extra = 'reasoning' | 'sources';

/** A container for `item`'s reasoning or sources, filled by the part once it has loaded. */
export const mountExtra = (kind: Extra, item: AssistantItem, strings: Strings) =>
  mount((el) => {
    const show = (part: typeof import('./answer-extras.js')) => part.showExtra(el, kind, item, strings);
    if (answerExtrasPart.loaded) show(answerExtrasPart.loaded);
    // Should the part not arrive, the reasoning is still readable as plain text; sources wait for the next try.
    else answerExtrasPart.load().then(show, () => kind === 'reasoning' && (el.textContent = item.reasoning?.text ?? ''));
  });

/** Sources added to an answer, one per URL across its steps. */
export function addSources(into: ChatSource[] | undefined, sources: readonly ChatSource[]): ChatSource[] {
  const list = into ?? [];
  for (const { url, title } of sources) if (!list.some((known) => known.url === url)) list.push(title ? { url, title } : { url });
  return list;
}
