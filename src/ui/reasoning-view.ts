/**
 * The model's reasoning above its answer: a `<details>` block open while the model thinks ("Thinking…"),
 * folded once the answer starts ("Thought for 4 s"); a stored answer shows it folded. Its text is plain
 * text in nodes this view owns: inert whatever the model wrote (no markup is ever parsed), and a token
 * costs an append, not a template update or a markdown pass. Reasoning is a draft the reader opens now
 * and then; the answer is where markdown is worth its cost.
 */
import { html, type TemplateResult } from 'lit';
import { mount } from './mount.js';
import { format, type Strings } from './strings.js';
import type { ReasoningState } from './view-model.js';

/** A text node is split past this many characters: appending to a long one copies it every time. */
const NODE_CHARS = 2048;

export function renderReasoning(state: ReasoningState, strings: Strings): TemplateResult {
  const label = state.thinking
    ? strings.thinking
    : state.ms > 0
      ? format(strings.thoughtFor, { seconds: Math.max(1, Math.round(state.ms / 1000)) })
      : strings.reasoning;
  // `.open` is set only when `thinking` changes, so a block the reader opened or closed stays so.
  return html`<details class="reasoning" part="reasoning" ?data-thinking=${state.thinking} .open=${state.thinking}>
    <summary part="reasoning-summary">${label}</summary>
    <div class="reasoning-text" part="reasoning-text" ${mount((el) => follow(el, state))}></div>
  </details>`;
}

/** Fills `el` with the reasoning so far, then appends each delta as it arrives. */
function follow(el: HTMLElement, state: ReasoningState): void {
  if (followed.get(state) === el) return;
  followed.set(state, el);
  let node: Text | undefined;
  const write = (text: string) => {
    if (!node || node.length > NODE_CHARS) el.append((node = document.createTextNode('')));
    node.appendData(text);
  };
  el.replaceChildren();
  write(state.text);
  state.onText = write;
}

const followed = new WeakMap<ReasoningState, HTMLElement>();
