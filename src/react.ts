/**
 * `stream-chat-element/react`: `<StreamChat>` for React 18 and 19. Properties are set on the element
 * (arrays, functions and zod schemas reach it as they are, never as attributes), each
 * `stream-chat-<type>` event is an `on<Type>` prop, and a ref gives the element itself
 * (`ref.current.send(...)`). On the server the element's properties are left out of the HTML.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import { StreamChat as StreamChatElement } from './index.js';
import type { StreamChatEventMap } from './ui/event-map.js';

/** The event a prop listens to, typed with its detail. */
const on = <Name extends keyof StreamChatEventMap>(name: Name) => name as EventName<StreamChatEventMap[Name]>;

/** `on<Type>` prop → DOM event. Every event of the element has one (a test holds this to the manifest). */
export const streamChatEvents = {
  onSend: on('stream-chat-send'),
  onAttachmentRefused: on('stream-chat-attachment-refused'),
  onVoiceError: on('stream-chat-voice-error'),
  onStart: on('stream-chat-start'),
  onText: on('stream-chat-text'),
  onToolCall: on('stream-chat-tool-call'),
  onToolApproval: on('stream-chat-tool-approval'),
  onToolStart: on('stream-chat-tool-start'),
  onToolEnd: on('stream-chat-tool-end'),
  onStepEnd: on('stream-chat-step-end'),
  onReasoning: on('stream-chat-reasoning'),
  onSource: on('stream-chat-source'),
  onState: on('stream-chat-state'),
  onProgress: on('stream-chat-progress'),
  onObject: on('stream-chat-object'),
  onUsage: on('stream-chat-usage'),
  onRetry: on('stream-chat-retry'),
  onFallback: on('stream-chat-fallback'),
  onCheckpoint: on('stream-chat-checkpoint'),
  onNotice: on('stream-chat-notice'),
  onError: on('stream-chat-error'),
  onEnd: on('stream-chat-end'),
  onRendered: on('stream-chat-rendered'),
  onStorageError: on('stream-chat-storage-error'),
  onBranch: on('stream-chat-branch'),
  onFeedback: on('stream-chat-feedback'),
  onRendererError: on('stream-chat-renderer-error'),
  onOpen: on('stream-chat-open'),
  onClose: on('stream-chat-close'),
} as const;

/** `<StreamChat model="dev" tools={tools} onEnd={...} ref={chat} />` */
export const StreamChat = createComponent({
  react: React,
  tagName: 'stream-chat',
  elementClass: StreamChatElement,
  events: streamChatEvents,
  displayName: 'StreamChat',
});

/** The props `<StreamChat>` takes. */
export type StreamChatProps = React.ComponentProps<typeof StreamChat>;
