/**
 * What a rating does (a part loaded on the first one, see answer-actions.ts): it is kept on the answer
 * shown, on its message in the history (what is stored and exported) and in the store, and told to the
 * page as `stream-chat-feedback`. After a rating, a box takes an optional comment; once sent, thanks.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { ChatMessage, Feedback } from '../core/index.js';
import type { AnswerActionsContext, FeedbackDetail } from './answer-actions.js';
import type { AssistantItem } from './view-model.js';

/** Answers whose comment box is open (after a rating), and those whose comment was sent. */
const commenting = new WeakSet<AssistantItem>();
const thanked = new WeakSet<AssistantItem>();

export interface FeedbackHost extends HTMLElement {
  readonly conversationId: string;
}

/**
 * Where an answer's rating is kept: its last assistant message (the answer a reader rates, after any
 * tool calls), at this index of `history`; -1 if the answer has none.
 */
export function ratedMessageIndex(history: readonly ChatMessage[], item: AssistantItem): number {
  let found = -1;
  for (let i = item.index; i < history.length && history[i].role !== 'user'; i++) if (history[i].role === 'assistant') found = i;
  return found;
}

/** Applies a rating (with its comment once one is sent); `store` keeps it with the stored message. */
export function applyFeedback(
  host: FeedbackHost,
  history: ChatMessage[],
  item: AssistantItem,
  feedback: Feedback,
  store: (index: number, feedback: Feedback) => Promise<void>,
): void {
  const index = ratedMessageIndex(history, item);
  if (index < 0) return;
  // An empty comment sent closes the box: the rating stays as it was, without a comment.
  const kept: Feedback = feedback.comment ? feedback : { rating: feedback.rating };
  history[index] = { ...history[index], feedback: kept };
  item.feedback = kept;
  item.version++;
  if (feedback.comment === undefined) {
    commenting.add(item);
    thanked.delete(item);
  } else {
    commenting.delete(item);
    thanked.add(item);
  }
  void store(index, kept);
  const detail: FeedbackDetail = { messageId: `${host.conversationId}:${index}`, ...kept };
  host.dispatchEvent(new CustomEvent('stream-chat-feedback', { detail, bubbles: true, composed: true }));
}

function commentForm(item: AssistantItem, ctx: AnswerActionsContext): TemplateResult {
  const send = (form: HTMLFormElement) => {
    const comment = (form.elements.namedItem('comment') as HTMLTextAreaElement).value.trim();
    ctx.rate(item, { rating: item.feedback!.rating, comment });
  };
  return html`<form class="feedback" part="feedback-form"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      send(event.currentTarget as HTMLFormElement);
    }}><textarea name="comment" class="input" part="feedback-input" rows="2" aria-label=${ctx.strings.feedbackComment}
      placeholder=${ctx.strings.feedbackComment}></textarea><button type="submit" class="button" part="feedback-send-button">${ctx.strings.send}</button></form>`;
}

export function renderFeedbackNote(item: AssistantItem, ctx: AnswerActionsContext): TemplateResult | typeof nothing {
  if (commenting.has(item)) return commentForm(item, ctx);
  return thanked.has(item) ? html`<p class="note" part="note feedback-thanks" role="status">${ctx.strings.feedbackThanks}</p>` : nothing;
}
