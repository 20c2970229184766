/**
 * The buttons under a finished answer besides copy (as markdown) and regenerate: copy as text, and the
 * reader's rating (thumbs up / down), then an optional comment. What a rating does, and the comment box,
 * are in feedback-part.ts, loaded on the first rating.
 */
import { html, nothing, svg, type TemplateResult } from 'lit';
import { icon } from './icons.js';
import { lazyPart, type Feedback } from '../core/index.js';
import type { Strings } from './strings.js';
import type { AssistantItem } from './view-model.js';

export interface AnswerActionsContext {
  strings: Strings;
  copyText(item: AssistantItem): void;
  rate(item: AssistantItem, feedback: Feedback): void;
}

/** Detail of `stream-chat-feedback`. */
export interface FeedbackDetail extends Feedback {
  /** The conversation's id and the rated message's position in its history: `<conversationId>:<index>`. */
  messageId: string;
}

const THUMB = svg`<path d="M7 10v11H4V10zm0 0 4-7a2 2 0 0 1 3 2l-1 5h6a2 2 0 0 1 2 2.3l-1.5 7a2 2 0 0 1-2 1.7H7"/>`;
const thumbUp = () => icon(THUMB);
const thumbDown = () => icon(svg`<g transform="rotate(180 12 12)">${THUMB}</g>`);
const textIcon = () => icon(svg`<path d="M5 6h14M12 6v13M9 19h6"/>`);

function rateButton(item: AssistantItem, ctx: AnswerActionsContext, rating: Feedback['rating']): TemplateResult {
  const label = rating === 'up' ? ctx.strings.rateUp : ctx.strings.rateDown;
  const pressed = item.feedback?.rating === rating;
  return html`<button type="button" class="icon-button" part="rate-button rate-${rating}-button" aria-label=${label}
    title=${label} aria-pressed=${pressed ? 'true' : 'false'}
    @click=${() => pressed || ctx.rate(item, { rating })}>${rating === 'up' ? thumbUp() : thumbDown()}</button>`;
}

/** Copy as text and the rating buttons, for the actions row of a finished answer. */
export function renderAnswerActions(item: AssistantItem, ctx: AnswerActionsContext): TemplateResult {
  return html`<button type="button" class="icon-button" part="copy-text-button" aria-label=${ctx.strings.copyText}
      title=${ctx.strings.copyText} @click=${() => ctx.copyText(item)}>${textIcon()}</button>
    ${rateButton(item, ctx, 'up')}${rateButton(item, ctx, 'down')}`;
}

/** Below the actions: the comment box after a rating, or the thanks once it was sent (feedback-part.ts). */
export function renderFeedbackNote(item: AssistantItem, ctx: AnswerActionsContext): TemplateResult | typeof nothing {
  return (item.feedback && feedbackPart.loaded?.renderFeedbackNote(item, ctx)) || nothing;
}

/** The comment box, the thanks and what a rating does: loaded on the first rating. */
export const feedbackPart = lazyPart('feedback', () => import('./feedback-part.js'));
