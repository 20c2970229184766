/**
 * The SDK's streaming response read by the engine's own SSE reader. The SDK sends the request and
 * turns a refused one into its errors; its stream iterator is not used, because it copies the
 * rest of a network read once per message (`data.slice(i)`): a read holding thousands of small
 * chunks (a buffering proxy, a fast provider, a replay) cost the square of their number, while
 * `readSse` is linear. The SDK's rules are kept: `[DONE]` ends the stream, every other message is
 * JSON, and an `error` field in one is an APIError without a status.
 */
import { APIError, type APIPromise } from 'openai';
import { failure } from '../errors.js';
import { readSse } from '../sse-parser.js';

export async function* streamedJson(request: APIPromise<unknown>): AsyncGenerator<any> {
  // The SDK is imported statically here as in openai-client.ts: this file is part of a lazy provider.
  const response = await request.asResponse();
  if (!response.body) throw failure('protocol', 'The server answered without a body.', { retryable: true });
  const messages = readSse(response.body);
  let done = false;
  let readToEnd = false;
  try {
    for await (const message of messages) {
      // As the SDK does, the body is read to its end after [DONE] (the server closes it right after):
      // cancelling it would show the request as aborted in the browser's network log.
      if (done) continue;
      if (message.data.startsWith('[DONE]')) {
        done = true;
        continue;
      }
      const data = JSON.parse(message.data);
      if (data && data.error) throw new APIError(undefined, data.error, undefined, response.headers);
      yield data;
    }
    readToEnd = true;
  } finally {
    // Stop the download when the reader stops early (a failure, a stop).
    if (!readToEnd) response.body.cancel().catch(() => {});
  }
}
