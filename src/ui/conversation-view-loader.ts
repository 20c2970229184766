/**
 * Where the transcript gets its messages' templates: a lazily loaded part (see core/lazy-part.ts). The
 * first load shows an empty conversation (welcome, starter prompts) without it; the first message to
 * show, stored or new, loads it, with the markdown part beside it (both are needed for the same
 * paint, so neither waits for the other). The prefetcher asks for it on intent, so a send rarely waits.
 *
 * Code that must show the first page imports this file, never message-view.ts: a static import of the
 * templates puts them back into the first load, which the size budget (scripts/size.mjs) would refuse.
 *
 * Until the part arrives the transcript holds the messages' places (nothing is lost: the items are the
 * turn controller's); if it cannot be downloaded, the transcript says so with a Retry button.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { lazyPart, type PartLoadError } from '../core/index.js';
import { markdownPart } from '../render/index.js';

export type ConversationViewPart = typeof import('./conversation-view-part.js');

export const conversationViewPart = lazyPart<ConversationViewPart>('conversation view', () => import('./conversation-view-part.js'));

/** Loads the part for one element when its transcript first has messages, and re-renders it on arrival. */
export class ConversationViewLoader implements ReactiveController {
  /** Why the part could not be loaded; cleared by `retry()`. */
  error: PartLoadError | undefined;
  private loading = false;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** The templates, or undefined while they load (the load starts here, once). */
  view(): ConversationViewPart | undefined {
    const loaded = conversationViewPart.loaded;
    if (loaded || this.loading || this.error) return loaded;
    this.loading = true;
    markdownPart.prefetch(); // the messages' text needs it for the same paint
    conversationViewPart.load().then(
      () => {
        this.loading = false;
        this.host.requestUpdate();
      },
      (error: PartLoadError) => {
        this.loading = false;
        this.error = error;
        this.host.requestUpdate();
      },
    );
    return undefined;
  }

  /** Tries the download again (the Retry button of the transcript's notice). */
  readonly retry = (): void => {
    this.error = undefined;
    this.host.requestUpdate();
  };
}
