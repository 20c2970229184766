// After [DONE] the OpenAI reader reads the body to its end, as the SDK does: cancelling it would show the
// request as aborted in the browser's network log whenever the server's close came after [DONE].
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { collect, runChat } from '../../src/core/index.js';

test('the body is read to its end after [DONE], never cancelled', async () => {
  let cancelled = false;
  let pulls = 0;
  const frames = [
    'data: {"id":"c","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"finish_reason":null}]}\n\n',
    'data: {"id":"c","object":"chat.completion.chunk","created":0,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\n',
    'data: [DONE]\n\n',
    ': the server closes a moment later\n\n',
  ];
  const fetch = async () =>
    new Response(
      new ReadableStream({
        pull(controller) {
          const frame = frames[pulls++];
          if (frame) controller.enqueue(new TextEncoder().encode(frame));
          else controller.close();
        },
        cancel() {
          cancelled = true;
        },
      }),
      { headers: { 'content-type': 'text/event-stream' } },
    );
  const { result } = await collect(runChat({ baseURL: 'https://proxy.example/v1', model: 'm', fetch, messages: [{ role: 'user', content: 'Hi' }] }));
  assert.equal(result.message.content, 'Hi');
  assert.equal(result.finishReason, 'stop');
  assert.equal(cancelled, false, 'not cancelled');
  assert.equal(pulls, frames.length + 1, 'read to its close');
});
