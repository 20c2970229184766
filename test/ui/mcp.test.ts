// MCP servers in the element: the dev model's MCP server (official SDK, Streamable HTTP) on the page's
// own origin, reached with a relative URL; tool cards, approval, a server that is down.
import { assert } from 'chai';
import { chat, cleanup, idle, lastAnswerText, part, parts, say, waitFor } from './helpers.js';

describe('<stream-chat> MCP tools', () => {
  afterEach(cleanup);
  // The MCP SDK is a lazy part; the test server transforms its many modules one by one on first use,
  // which on a busy machine takes longer than a test: load it once before the tests.
  before(async function () {
    this.timeout(120_000);
    await import('../../src/core/mcp-tools.js');
    await import('openai');
  });

  it('asks before calling a server tool, shows whose tool it is, and keeps its output as text', async () => {
    const el = await chat('dev;rate=0', (e) => (e.mcpServers = [{ url: '/mcp', name: 'notes' }]));
    const ended = new Promise<CustomEvent>((resolve) => el.addEventListener('stream-chat-tool-end', (e) => resolve(e as CustomEvent), { once: true }));
    await say(el, 'Use fetch_note please.');
    const approve = await waitFor(() => part(el, 'approve-button'));
    const card = part(el, 'tool-call')!;
    assert.equal(card.querySelector('[part="tool-name"]')!.textContent, 'fetch_note');
    assert.equal(card.querySelector('[part="tool-source"]')!.textContent, 'MCP · notes');
    approve.click();
    const end = await ended;
    assert.equal(end.detail.source, 'mcp:notes');
    await idle(el);
    const result = part(el, 'tool-result')!;
    // The server's markup is shown as characters; nothing of it became an element.
    assert.include(result.textContent, '<script>alert(2)</script>');
    assert.isNull(el.shadowRoot!.querySelector('img[src="x"], script'));
    assert.isAbove(lastAnswerText(el).length, 0);
  });

  it('a server that is down is a notice in the answer and an event; the chat still answers', async () => {
    const el = await chat('dev;rate=0', (e) => (e.mcpServers = [{ url: '/mcp/down', name: 'broken' }]));
    const notice = new Promise<CustomEvent>((resolve) => el.addEventListener('stream-chat-notice', (e) => resolve(e as CustomEvent), { once: true }));
    await say(el, 'Hello there');
    assert.match((await notice).detail.message, /"broken"/);
    await idle(el);
    assert.match(part(el, 'notice')!.textContent!, /MCP server "broken"/);
    assert.isNull(part(el, 'error'), 'no error banner: the turn went on');
    assert.isAbove(lastAnswerText(el).length, 0);
    assert.lengthOf(parts(el, 'tool-call'), 0);
  });
});
