/**
 * Server-sent events framing, byte for byte what OpenAI sends: `data: <json>\n\n` per message,
 * `event: <name>\n` before it for named events (Responses API), and flushing after every message.
 */
import type { ServerResponse } from 'node:http';
import { CORS_HEADERS } from './http.js';

export interface SseWriter {
  /** `data: <json>\n\n` (strings are written as they are: `[DONE]`, or a deliberately broken line). */
  data(payload: unknown): void;
  /** `event: <name>\ndata: <json>\n\n`. */
  event(name: string, payload: unknown): void;
  /** Ends the response cleanly. */
  end(): void;
  /** Destroys the connection without ending the body: the client sees a network error. */
  cut(): void;
  /** True once the client is gone or the response ended. */
  readonly closed: boolean;
}

export function openSse(res: ServerResponse, extraHeaders: Record<string, string> = {}): SseWriter {
  res.writeHead(200, {
    ...CORS_HEADERS,
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache',
    connection: 'keep-alive',
    // Proxies such as nginx buffer responses unless told not to; a buffered stream is not a stream.
    'x-accel-buffering': 'no',
    ...extraHeaders,
  });
  res.flushHeaders();
  // Nagle's algorithm would merge small writes; each delta should leave on its own.
  res.socket?.setNoDelay(true);
  const text = (payload: unknown) => (typeof payload === 'string' ? payload : JSON.stringify(payload));
  const write = (chunk: string) => {
    if (!res.writableEnded && !res.destroyed) res.write(chunk);
  };
  return {
    data: (payload) => write(`data: ${text(payload)}\n\n`),
    event: (name, payload) => write(`event: ${name}\ndata: ${text(payload)}\n\n`),
    end: () => {
      if (!res.writableEnded && !res.destroyed) res.end();
    },
    cut: () => {
      res.socket?.destroy();
      res.destroy();
    },
    get closed() {
      return res.writableEnded || res.destroyed;
    },
  };
}
