/**
 * Downloads the element's lazily loaded parts before they are needed, so a user never waits on one they
 * could see: on intent (the pointer over the element, focus in it: the launcher or the message box) and,
 * for an inline chat (on screen from the start), once the page is idle after loading. A popup waits for
 * intent: most visitors never open it. What is fetched follows the element's settings: the markdown
 * renderer, the engine, the chosen provider's code (the SDK for the OpenAI APIs), and, with a schema or
 * tools, zod's JSON Schema export and the structured-value view.
 *
 * A prefetch that fails is silent: the real use loads again and reports the failure there.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { enginePart, jsonSchemaPart, providerPart, type ProviderName, type Schema, type Tool } from '../core/index.js';
import { markdownPart, objectViewPart } from '../render/index.js';

export interface PrefetchHost extends ReactiveControllerHost, HTMLElement {
  provider: ProviderName;
  mode: string;
  tools: Tool[] | undefined;
  schema: Schema | undefined;
}

/** After the page's load event, how long the idle prefetch may wait for an idle period. */
const IDLE_TIMEOUT_MS = 3000;
const INTENT_EVENTS = ['pointerover', 'focusin', 'touchstart'] as const;

export class PartsPrefetcher implements ReactiveController {
  private idle?: () => void;

  constructor(private readonly host: PrefetchHost) {
    host.addController(this);
  }

  hostConnected(): void {
    for (const type of INTENT_EVENTS) this.host.addEventListener(type, this.prefetch, { passive: true });
    if (this.host.mode !== 'popup') this.idle = whenIdle(this.prefetch);
  }

  hostDisconnected(): void {
    for (const type of INTENT_EVENTS) this.host.removeEventListener(type, this.prefetch);
    this.idle?.();
    this.idle = undefined;
  }

  /** Starts every download the next turn will need (each part loads once; repeated calls are free). */
  readonly prefetch = (): void => {
    const { provider, tools, schema } = this.host;
    markdownPart.prefetch();
    enginePart.prefetch();
    try {
      providerPart(provider ?? 'openai').prefetch();
    } catch {
      // An unknown provider: the turn reports it.
    }
    if (tools?.length || schema) {
      jsonSchemaPart.prefetch();
      objectViewPart.prefetch();
    }
  };
}

/** Runs `task` in an idle period after the page has loaded; returns a cancel function. */
function whenIdle(task: () => void): () => void {
  let cancelled = false;
  let handle: number | undefined;
  const schedule = () => {
    if (cancelled) return;
    if (typeof requestIdleCallback === 'function') handle = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    else handle = window.setTimeout(task, 200);
  };
  if (document.readyState === 'complete') schedule();
  else window.addEventListener('load', schedule, { once: true });
  return () => {
    cancelled = true;
    window.removeEventListener('load', schedule);
    if (handle === undefined) return;
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle);
    else clearTimeout(handle);
  };
}
