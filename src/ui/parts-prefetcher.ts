/**
 * Downloads the element's lazily loaded parts before they are needed, on intent: the pointer over the
 * element (the launcher of a popup, the message box of an inline chat), focus in it, a touch. Typing a
 * message takes longer than the download, so a user does not wait on it; a send that beats it waits for it.
 * What is fetched follows the element's settings: the messages' templates, the markdown renderer, the
 * engine, then the chosen provider's code (the SDK for the OpenAI APIs), and, with a schema or tools,
 * zod's JSON Schema export and the structured-value view. (Stored messages load the templates and the
 * markdown renderer themselves when they are shown.)
 *
 * Not in idle time: loading a part means running it, and running them all once the page is idle cost as
 * much main-thread time as the whole peer widget's page load (BENCHMARKS.md, page load), on every page
 * view, for visitors who mostly never chat.
 *
 * A prefetch that fails is silent: the real use loads again and reports the failure there.
 *
 * The same intent prepares the grapheme segmenter the smoother cuts streamed text with (tens of ms to make
 * the first one, so neither the page load nor the first streamed text pays for it), in idle time.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { enginePart, jsonSchemaPart, type ProviderName, type Schema, type Tool } from '../core/index.js';
import { markdownPart, objectViewPart, prepareGraphemeBoundaries } from '../render/index.js';
import { conversationViewPart } from './conversation-view-loader.js';
import { preparePart } from './attachment-files.js';

export interface PrefetchHost extends ReactiveControllerHost, HTMLElement {
  provider: ProviderName;
  tools: Tool[] | undefined;
  schema: Schema | undefined;
  accept?: string | undefined;
}

const INTENT_EVENTS = ['pointerover', 'focusin', 'touchstart'] as const;

export class PartsPrefetcher implements ReactiveController {
  private segmenterAsked = false;

  constructor(private readonly host: PrefetchHost) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of INTENT_EVENTS) this.host.addEventListener(type, this.prefetch, { passive: true });
  }

  hostDisconnected(): void {
    for (const type of INTENT_EVENTS) this.host.removeEventListener(type, this.prefetch);
  }

  /** Starts every download the next turn will need (each part loads once; repeated calls are free). */
  readonly prefetch = (): void => {
    const { provider, tools, schema } = this.host;
    if (!this.segmenterAsked) {
      this.segmenterAsked = true;
      if (typeof requestIdleCallback === 'function') requestIdleCallback(prepareGraphemeBoundaries, { timeout: 1000 });
      else setTimeout(prepareGraphemeBoundaries, 0);
    }
    markdownPart.prefetch();
    conversationViewPart.prefetch();
    // The provider's table comes with the engine (so its download starts when the engine's ends).
    enginePart
      .load()
      .then(({ providerPart }) => providerPart(provider ?? 'openai').prefetch())
      .catch(() => {}); // an unknown provider or a failed download: the turn reports it
    if (this.host.accept !== undefined) preparePart.prefetch(); // reading the files a user attaches
    if (tools?.length || schema) {
      jsonSchemaPart.prefetch();
      objectViewPart.prefetch();
    }
  };
}
