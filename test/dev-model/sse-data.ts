/** The `data` of every SSE message in a response's body, read with the engine's own SSE parser. */
import { SseParser } from '../../src/core/sse-parser.js';

export async function sseData(response: Response): Promise<string[]> {
  const out: string[] = [];
  const parser = new SseParser((m) => out.push(m.data));
  parser.push(await response.text());
  parser.end();
  return out;
}
