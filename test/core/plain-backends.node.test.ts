// Plain SSE servers written as the common FastAPI recipes write them, reached over real HTTP: the
// prompt as a query parameter, a GET with bare text and `event: done`, agent `event_type` events,
// and streams that end by closing, or break.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { collect, runChat, type ChatEvent } from '../../src/core/index.js';

type Route = (req: IncomingMessage, res: ServerResponse, url: URL, body: any) => void | Promise<void>;

const sse = (res: ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  return (chunk: string) => res.write(chunk);
};

const ROUTES: Record<string, Route> = {
  // @app.post("/stream") async def stream(query: str): ... yield f"data: {json.dumps({'delta': tok})}\n\n"
  '/stream': (req, res, url) => {
    const query = url.searchParams.get('query');
    if (req.method !== 'POST' || !query) {
      res.writeHead(422, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ detail: [{ loc: ['query', 'query'], msg: 'Field required', type: 'missing' }] }));
    }
    const write = sse(res);
    for (const delta of ['You asked: ', query, '.']) write(`data: ${JSON.stringify({ delta })}\n\n`);
    res.end(); // no [DONE]: the generator returns and the response closes
  },
  // @app.get("/text") ... yield f"data: {token}\n\n" ... yield "event: done\ndata: \n\n"
  '/text': (req, res, url) => {
    if (req.method !== 'GET') return void (res.writeHead(405), res.end());
    const write = sse(res);
    for (const token of ['Bare', ' text', ' for ', url.searchParams.get('q') ?? '?']) write(`data: ${token}\n\n`);
    write('event: done\ndata: \n\n');
    res.end();
  },
  // An agent that streams its events: reads {"query"} from the body.
  '/agent': (_req, res, _url, body) => {
    const write = sse(res);
    const send = (event_type: string, data: object = {}) => write(`data: ${JSON.stringify({ event_type, data })}\n\n`);
    send('agent_start', { query: body.query });
    send('progress', { step: 'search', iteration: 1 });
    send('tool_start', { tool: 'web_search', input: { q: body.query } });
    send('tool_end', { tool: 'web_search', output: ['a.html', 'b.html'] });
    send('llm_chunk', { content: 'Found ' });
    send('llm_chunk', { content: 'two pages.' });
    if (String(body.query).includes('fail')) {
      send('error', { message: 'quota exceeded upstream' });
      return void res.end();
    }
    send('progress', { iteration: 2, total_tokens: 321, cost_usd: 0.0042 });
    send('agent_end', {});
    res.end();
  },
  // A stream that breaks: the chunked body is cut without its last chunk.
  '/broken': (_req, res) => {
    const write = sse(res);
    write(`data: ${JSON.stringify({ delta: 'Half an ' })}\n\n`);
    setTimeout(() => res.socket?.destroy(), 20);
  },
};

describe('plain SSE backends as the recipes write them', () => {
  let origin = '';
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString();
    await ROUTES[url.pathname]?.(req, res, url, text ? JSON.parse(text) : {});
  });
  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))));

  const ask = (content: string) => [{ role: 'user' as const, content }];

  it('without a hook, a query-parameter endpoint answers 422, shown with its words', async () => {
    const { result } = await collect(runChat({ provider: 'sse', endpoint: `${origin}/stream`, messages: ask('hi'), maxRetries: 0 }));
    assert.equal(result.error?.kind, 'http');
    assert.equal(result.error?.status, 422);
  });

  it('the request hook puts the prompt in ?query=; a close without [DONE] ends the answer', async () => {
    const { result } = await collect(
      runChat({ provider: 'sse', endpoint: `${origin}/stream`, messages: ask('the moon'), request: ({ prompt }) => ({ url: `${origin}/stream?query=${encodeURIComponent(prompt)}` }) }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.message.content, 'You asked: the moon.');
  });

  it('a GET with bare text lines and event: done', async () => {
    const { result } = await collect(
      runChat({ provider: 'sse', endpoint: `${origin}/text`, messages: ask('cats'), request: ({ prompt }) => ({ method: 'GET', url: `${origin}/text?q=${prompt}` }) }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.equal(result.message.content, 'Bare text for cats');
  });

  it('agent events: text, a remote tool card with its result, progress, the end', async () => {
    const ran: string[] = [];
    const { result, events } = await collect(
      runChat({
        provider: 'sse',
        endpoint: `${origin}/agent`,
        messages: ask('news'),
        request: ({ prompt }) => ({ body: { query: prompt } }),
        tools: [{ name: 'web_search', parameters: (await import('zod')).object({}), execute: () => void ran.push('page') }],
      }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.equal(result.message.content, 'Found two pages.');
    assert.deepEqual(ran, [], 'a remote tool never runs in the page, even when the page has one of that name');
    const tool = events.filter((e) => e.type.startsWith('tool-')) as Extract<ChatEvent, { type: 'tool-call' | 'tool-start' | 'tool-end' }>[];
    assert.deepEqual(tool.map((e) => [e.type, e.name, e.remote]), [['tool-call', 'web_search', true], ['tool-start', 'web_search', true], ['tool-end', 'web_search', true]]);
    const end = tool.at(-1) as Extract<ChatEvent, { type: 'tool-end' }>;
    assert.deepEqual(end.result, ['a.html', 'b.html']);
    assert.deepEqual(end.args, { q: 'news' });
    assert.ok(end.durationMs >= 0);
    const progress = events.filter((e) => e.type === 'progress');
    assert.deepEqual(progress, [
      { type: 'progress', step: 'search', iteration: 1 },
      { type: 'progress', iteration: 2, totalTokens: 321, costUsd: 0.0042 },
    ]);
  });

  it('an agent error event is an error with the server\'s message, the text kept', async () => {
    const { result } = await collect(runChat({ provider: 'sse', endpoint: `${origin}/agent`, messages: ask('fail'), request: ({ prompt }) => ({ body: { query: prompt } }) }));
    assert.equal(result.finishReason, 'error');
    assert.match(result.error!.message, /quota exceeded upstream/);
    assert.equal(result.message.content, 'Found two pages.');
  });

  it('a broken stream is an error, the partial answer kept', async () => {
    const { result } = await collect(runChat({ provider: 'sse', endpoint: `${origin}/broken`, messages: ask('x') }));
    assert.equal(result.finishReason, 'error');
    assert.equal(result.error?.kind, 'network');
    assert.equal(result.message.content, 'Half an ');
  });
});
