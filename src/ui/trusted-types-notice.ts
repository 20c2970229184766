/**
 * When the page's Trusted Types policy keeps answers from being rendered as HTML (the "dompurify" policy is
 * not allowed), the answers fall back to plain text (render/sanitize.ts) and each chat says why, in its
 * error banner and as a `stream-chat-error` event, instead of leaving blank bubbles.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatError } from '../core/events.js';
import { sanitizerProblems, TRUSTED_TYPES_REFUSED } from '../render/index.js';

export const trustedTypesError = (): ChatError => ({ kind: 'config', message: TRUSTED_TYPES_REFUSED, retryable: false });

export class TrustedTypesNotice implements ReactiveController {
  private told = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly report: (error: ChatError) => void,
  ) {
    host.addController(this);
  }

  private readonly refused = () => {
    if (this.told) return;
    this.told = true;
    this.report(trustedTypesError());
  };

  hostConnected(): void {
    sanitizerProblems.addEventListener('trusted-types-refused', this.refused);
  }

  hostDisconnected(): void {
    sanitizerProblems.removeEventListener('trusted-types-refused', this.refused);
  }
}
