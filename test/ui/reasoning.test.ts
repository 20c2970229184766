// The model's reasoning and its sources in <stream-chat>, on each provider the dev model speaks: the block
// streams open ("Thinking…"), folds with a duration once the answer starts, is announced once, comes
// back folded after a reload with the source pills, and is never sent back to the model.
import { assert } from 'chai';
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { HistoryStore } from '../../src/store/index.js';
import { freshKey } from '../store/helpers.js';
import { chatFrame } from '../helpers/chat-frame.js';
import { axeViolations, baseURL, cleanup, describeViolations, idle, lastAnswerText, part, parts, say, waitFor } from './helpers.js';

const PROMPT = 'Think it through and cite your sources: how does streaming work?';

type Provider = 'openai' | 'openai-responses' | 'ag-ui' | 'ai-sdk';

async function chatOn(provider: Provider, storageKey: string, model = 'dev;rate=300'): Promise<StreamChat> {
  const el = document.createElement('stream-chat');
  el.provider = provider;
  if (provider.startsWith('openai')) el.baseUrl = baseURL;
  else el.endpoint = `/${provider}`;
  el.model = model;
  el.storageKey = storageKey;
  el.style.blockSize = '480px';
  document.body.append(el);
  await el.updateComplete;
  return el;
}

/** Request bodies the page sends to the dev model while `run` runs (the requests themselves go through). */
async function bodiesDuring(run: () => Promise<void>): Promise<string[]> {
  const bodies: string[] = [];
  const original = window.fetch;
  window.fetch = (input, init) => {
    if (typeof init?.body === 'string') bodies.push(init.body);
    return original(input, init);
  };
  try {
    await run();
  } finally {
    window.fetch = original;
  }
  return bodies;
}

const block = (el: StreamChat) => part(el, 'reasoning') as HTMLDetailsElement | null;
const summaryOf = (el: StreamChat) => part(el, 'reasoning-summary')?.textContent?.trim();

describe('<stream-chat> reasoning and sources', () => {
  afterEach(cleanup);

  for (const provider of ['openai', 'openai-responses', 'ag-ui', 'ai-sdk'] as const) {
    it(`${provider}: streams open, folds with a duration, is announced once, stored, shown after a reload, never sent back`, async () => {
      const key = freshKey(`reasoning-${provider}`);
      const el = await chatOn(provider, key);
      const region = el.shadowRoot!.querySelector('[aria-live="polite"]')!;
      const announced: string[] = [];
      const observer = new MutationObserver(() => announced.push(region.textContent!.trim()));
      observer.observe(region, { childList: true, subtree: true, characterData: true });

      await say(el, PROMPT);
      // While the model thinks: the block is open, says so, and its text grows.
      await waitFor(() => block(el)?.open && summaryOf(el) === 'Thinking…' && (part(el, 'reasoning-text')?.textContent ?? '').length > 0, 'the reasoning to stream, open');
      assert.isNull(block(el)!.querySelector('[aria-live], [role="status"]'), 'the streaming text is not a live region');
      await waitFor(() => lastAnswerText(el).length > 0, 'the answer to start');
      await waitFor(() => !block(el)!.open, 'the block to fold once the answer starts');
      await idle(el);
      observer.disconnect();

      assert.match(summaryOf(el)!, /^Thought for \d+ s$/);
      assert.match(part(el, 'reasoning-text')!.textContent!, /^The user asks: "Think it through/);
      const said = announced.filter(Boolean);
      assert.equal(said.filter((a) => a === 'Thinking…').length, 1, `"Thinking…" said once: ${JSON.stringify(said)}`);
      assert.ok(!said.some((a) => a.includes('The user asks')), 'the reasoning itself is never read out as it streams');

      const pills = parts(el, 'source') as HTMLAnchorElement[];
      assert.lengthOf(pills, 3);
      for (const pill of pills) {
        assert.equal(pill.tagName, 'A');
        assert.match(pill.href, /^https:\/\//);
        assert.equal(pill.target, '_blank');
        assert.equal(pill.rel, 'noopener noreferrer');
      }
      assert.include(pills[0].textContent, '1');
      assert.include(pills[0].textContent, 'developer.mozilla.org');

      // Keyboard: the summary takes focus and opens the folded block.
      const summary = part(el, 'reasoning-summary')!;
      summary.focus();
      assert.equal(el.shadowRoot!.activeElement, summary);
      summary.click();
      assert.isTrue(block(el)!.open);
      const violations = await axeViolations(el);
      assert.lengthOf(violations, 0, describeViolations(violations));

      // Stored with the answer; the next request does not carry it.
      const stored = (await new HistoryStore({ storageKey: key }).listConversations())[0];
      const records = await new HistoryStore({ storageKey: key }).loadMessages(stored.id);
      const answer = records.find((r) => r.role === 'assistant')!;
      assert.match(answer.reasoning ?? '', /^The user asks/);
      assert.isAbove(answer.reasoningMs ?? 0, 0);
      assert.lengthOf(answer.sources ?? [], 3);
      const bodies = await bodiesDuring(async () => {
        await say(el, 'And in one sentence?');
        await idle(el);
      });
      assert.lengthOf(bodies, 1);
      assert.include(bodies[0], (answer.content ?? '').slice(0, 20), 'the answer goes back');
      assert.notInclude(bodies[0], 'The user asks', 'the reasoning does not');
      assert.notInclude(bodies[0], 'developer.mozilla.org', 'nor the sources');
      assert.notInclude(bodies[0], 'reasoning');

      // After a reload: folded, with its duration, and the pills.
      el.remove();
      const again = await chatOn(provider, key);
      await waitFor(() => block(again) && parts(again, 'source').length === 3, 'the stored reasoning and sources');
      assert.isFalse(block(again)!.open);
      assert.match(summaryOf(again)!, /^Thought for \d+ s$/);
      assert.match(part(again, 'reasoning-text')!.textContent!, /^The user asks/);
    });
  }

  it('reasoning that holds markup stays text: no element is made, no script runs', async () => {
    const w = window as unknown as { pwned?: number };
    const el = await chatOn('openai', freshKey('reasoning-hostile'), 'dev;rate=0');
    await el.send('Think about <img src=x onerror="window.pwned=1"> and <script>window.pwned=2</script><b>bold</b>');
    await waitFor(() => part(el, 'reasoning-text')?.textContent?.includes('<img'), 'the reasoning');
    const text = part(el, 'reasoning-text')!;
    assert.lengthOf(text.querySelectorAll('*'), 0, 'only text nodes');
    assert.include(text.textContent, '<script>window.pwned=2</script><b>bold</b>');
    assert.isUndefined(w.pwned);
  });

  it('a stored source that is not http(s) is shown as text, never as a link', async () => {
    const key = freshKey('reasoning-evil-source');
    await new HistoryStore({ storageKey: key }).importConversation({ title: 'Sources' }, [
      { role: 'user', content: 'Sources?' },
      {
        role: 'assistant',
        content: 'Here.',
        reasoning: 'Old thoughts',
        sources: [
          { url: 'javascript:alert(1)', title: 'Evil' },
          { url: 'data:text/html,<script>alert(1)</script>' },
          { url: 'https://ok.example/page', title: 'Fine' },
        ],
      },
    ]);
    const el = await chatOn('openai', key);
    await waitFor(() => parts(el, 'source').length === 3, 'the stored sources');
    const [evil, data, fine] = parts(el, 'source');
    assert.equal(evil.tagName, 'SPAN');
    assert.isNull(evil.getAttribute('href'));
    assert.include(evil.textContent, 'Evil');
    assert.equal(data.tagName, 'SPAN');
    assert.equal(fine.tagName, 'A');
    assert.equal(fine.getAttribute('href'), 'https://ok.example/page');
    assert.lengthOf(el.shadowRoot!.querySelectorAll('a[href^="javascript:"], a[href^="data:"]'), 0);
    // Without a stored duration the block is simply "Reasoning".
    assert.equal(summaryOf(el), 'Reasoning');
  });
});

describe('<stream-chat> reasoning of an answer cut by a reload', () => {
  afterEach(cleanup);

  it('is stored with the draft as it streams and shown, folded, with the interrupted answer', async () => {
    const key = freshKey('reasoning-reload');
    // The first page lives in a same-origin frame: removing it ends it as a reload would.
    const frame = chatFrame({ baseUrl: baseURL, model: 'dev;rate=40', storageKey: key }, PROMPT);
    const probe = new HistoryStore({ storageKey: key });
    const draft = await waitFor(async () => {
      const [c] = await probe.listConversations();
      const last = c ? (await probe.loadMessages(c.id)).at(-1) : undefined;
      return last?.status === 'draft' && (last.reasoning ?? '').length > 40 ? last : undefined;
    }, 'a stored draft with reasoning', 30_000);
    assert.match(draft.reasoning!, /^The user asks: "Think it through/);
    frame.remove(); // the page goes away mid-answer

    const el = await chatOn('openai', key);
    await waitFor(() => part(el, 'interrupted-notice') && block(el), 'the interrupted answer with its reasoning');
    assert.isFalse(block(el)!.open, 'folded');
    assert.equal(summaryOf(el), 'Reasoning');
    const shown = part(el, 'reasoning-text')!.textContent!;
    assert.isTrue(shown.startsWith(draft.reasoning!), 'at least what the draft held');
    const [c] = await probe.listConversations();
    const last = (await probe.loadMessages(c.id)).at(-1)!;
    assert.equal(shown, last.reasoning, 'what was stored last');
  });
});
