// The dev model as a page sees it: on the page's own origin, inside the test runner's server,
// streaming through fetch and through a WebSocket next to the runner's own.
import { assert } from 'chai';

const user = (content: string) => [{ role: 'user', content }];

/** Reads an SSE body message by message, as it arrives. */
async function readSse(response: Response): Promise<{ messages: string[]; reads: number }> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  let reads = 0;
  const messages: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    reads++;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      messages.push(buffer.slice(0, end));
      buffer = buffer.slice(end + 2);
    }
  }
  assert.equal(buffer, '', 'nothing left after the last blank line');
  return { messages, reads };
}

describe('dev model on the page origin', () => {
  it('streams chat completions to fetch', async () => {
    const response = await fetch(new URL('/v1/chat/completions', location.origin), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Paced (not rate=0): at full speed a busy browser may read the whole body at once, and this test is
      // about it arriving over time.
      body: JSON.stringify({ model: 'dev;rate=4000', stream: true, stream_options: { include_usage: true }, messages: user('Show me a markdown table') }),
    });
    assert.equal(response.status, 200);
    const { messages, reads } = await readSse(response);
    assert.isAbove(reads, 1, 'the body arrives in several reads');
    assert.equal(messages.at(-1), 'data: [DONE]');
    const chunks = messages.slice(0, -1).map((m) => JSON.parse(m.replace(/^data: /, '')));
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    assert.match(text, /\| --- \|/);
    assert.equal(chunks.at(-2).choices[0].finish_reason, 'stop');
    assert.isAbove(chunks.at(-1).usage.completion_tokens, 0);
  });

  it('answers /v1/models', async () => {
    const models = await (await fetch('/v1/models')).json();
    assert.include(models.data.map((m: { id: string }) => m.id), 'dev');
  });

  it('talks over a WebSocket at ws://location.host/ws/chat', async () => {
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws/chat?model=${encodeURIComponent('dev;rate=0')}`;
    const ws = new WebSocket(url);
    const received: { delta?: string; type?: string; error?: string }[] = [];
    await new Promise<void>((resolve, reject) => {
      ws.onopen = () => ws.send(JSON.stringify({ messages: user('Give me a list of tips') }));
      ws.onmessage = (event) => {
        const message = JSON.parse(event.data);
        received.push(message);
        if (message.type === 'done' || message.error) resolve();
      };
      ws.onerror = () => reject(new Error('WebSocket error'));
    });
    ws.close();
    assert.isUndefined(received.find((m) => m.error));
    assert.equal(received.at(-1)?.type, 'done');
    const text = received.map((m) => m.delta ?? '').join('');
    assert.match(text, /^- /m, 'a markdown list');
  });

  it('a cut WebSocket closes abnormally and the runner keeps working', async () => {
    const ws = new WebSocket(`ws://${location.host}/ws/chat?model=${encodeURIComponent('dev;rate=0;scenario=cut')}`);
    const code = await new Promise<number>((resolve) => {
      ws.onopen = () => ws.send(JSON.stringify({ messages: user('Tell me a story') }));
      ws.onclose = (event) => resolve(event.code);
    });
    assert.equal(code, 1006);
    // The runner reports results over its own WebSocket; reaching the next test proves it survived.
  });
});
