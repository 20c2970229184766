/**
 * The DOM events of `<stream-chat>` by name, with their `detail`: what `addEventListener` (and every
 * framework typing generated from the manifest) knows of each `stream-chat-…` event.
 */
import type { ChatError, ChatEvent, FinishReason } from '../core/events.js';
import type { ChatMessage } from '../core/messages.js';
import type { SendDetail } from './chat-types.js';
import type { VoiceErrorDetail } from './dictation.js';
import type { BranchDetail } from './versions.js';
import type { FeedbackDetail } from './answer-actions.js';
import type { RendererErrorDetail } from '../render/fence-renderers.js';

/** `stream-chat-<type>` for every engine event: the detail is the engine's event itself. */
export type EngineEventMap = {
  [Type in ChatEvent['type'] as `stream-chat-${Type}`]: CustomEvent<Extract<ChatEvent, { type: Type }>>;
};

/** Detail of `stream-chat-rendered`: the turn's answer, now wholly on screen. */
export interface RenderedDetail {
  message: ChatMessage;
  finishReason: FinishReason;
}

/** Every event the element fires, by name. */
export interface StreamChatEventMap extends EngineEventMap {
  /** Before a user message is sent; cancelable. */
  'stream-chat-send': CustomEvent<SendDetail>;
  /** Files were not attached (type outside `accept`, too many, too large); nothing was sent. */
  'stream-chat-attachment-refused': CustomEvent<{ message: string; files: File[] }>;
  /** Dictation or reading aloud stopped on a failure (a refused microphone, no speech heard, synthesis failed). */
  'stream-chat-voice-error': CustomEvent<VoiceErrorDetail>;
  /** Follows `stream-chat-end` once the whole answer is on screen (the smoothed text has caught up). */
  'stream-chat-rendered': CustomEvent<RenderedDetail>;
  /** The history could not be read or written. */
  'stream-chat-storage-error': CustomEvent<ChatError>;
  /** The version shown of an edited question or a regenerated answer changed. */
  'stream-chat-branch': CustomEvent<BranchDetail>;
  /** The reader rated an answer, or added a comment to the rating. */
  'stream-chat-feedback': CustomEvent<FeedbackDetail>;
  /** A fence renderer (`renderers`) threw, rejected or took too long; its code block is shown instead. */
  'stream-chat-renderer-error': CustomEvent<RendererErrorDetail>;
  /** Popup mode: the panel opened. */
  'stream-chat-open': CustomEvent<undefined>;
  /** Popup mode: the panel closed. */
  'stream-chat-close': CustomEvent<undefined>;
}

export type StreamChatEventName = keyof StreamChatEventMap;
