import type { StreamChat } from '../src/ui/stream-chat.js';

/**
 * One section of the demo page. Each capability adds a file in demo/sections/ whose default export is a
 * DemoSection; the page (demo/main.ts) finds them all, orders them, mounts each in its own <section> and
 * builds the tour navigation from them. Adding a section touches no other file.
 */

/** Where the demo's widgets talk to: the local dev model by default, or what the visitor set in Settings. */
export interface DemoSettings {
  /** `openai`, `openai-responses`, `ag-ui`, `ai-sdk`, `sse` or `websocket`. */
  provider: string;
  /** OpenAI-compatible base URL; the dev model's is `${location.origin}/v1`. */
  baseURL: string;
  /** URL of an AG-UI / AI SDK / SSE / WebSocket backend, absolute or relative (dev model: /ag-ui, /ai-sdk, /sse/chat, /ws/chat). */
  endpoint: string;
  model: string;
  /** Empty for the dev model and for proxies that add their own key. */
  apiKey: string;
  /** True while the demo talks to the built-in dev model (sections may then pick dev-model scenarios). */
  usingDevModel: boolean;
}

export interface DemoSection {
  /** Anchor name, kebab-case. */
  id: string;
  title: string;
  /**
   * Position on the page, ascending. The tour so far: 10 chat, 20 streaming, 30 structured output, 40 tools,
   * 50 backends, 55 failures, 60 history, 70 theming and languages, 75 popup, 80 safety, 90 the engine,
   * 95 the dev model. Pick a number between two to land between them.
   */
  order: number;
  /**
   * The tour stop this section belongs to ("Structured output"): consecutive sections of one chapter share
   * one navigation link. Without it the section is a stop of its own, named by `title`.
   */
  chapter?: string;
  /** `hero`: shown at the top of the page, beside the introduction, instead of in the tour. */
  placement?: 'hero';
  /** One or two sentences (HTML allowed, authored here, never user input) on what a visitor sees. */
  description: string;
  /** Builds the section's content; called again with new settings when the visitor changes them. */
  mount(container: HTMLElement, settings: DemoSettings): void;
}

/** A <stream-chat> for a demo section: history in memory (sections never share it), a heading, the settings. */
export function demoChat(settings: DemoSettings, heading: string): StreamChat {
  const chat = document.createElement('stream-chat');
  chat.setAttribute('storage', 'memory');
  chat.setAttribute('heading', heading);
  applySettings(chat, settings);
  return chat;
}

/** Sets the connection properties of a <stream-chat> from the demo settings. */
export function applySettings(element: HTMLElement, settings: DemoSettings): void {
  const chat = element as HTMLElement & Record<string, unknown>;
  chat.provider = settings.provider;
  chat.baseUrl = settings.baseURL;
  chat.endpoint = settings.endpoint;
  chat.model = settings.model;
  chat.apiKey = settings.apiKey || undefined;
}
