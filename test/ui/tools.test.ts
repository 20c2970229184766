import { assert } from 'chai';
import * as z from 'zod';
import type { Tool } from '../../src/core/options.js';
import { chat, cleanup, idle, lastAnswerText, part, parts, say, waitFor } from './helpers.js';

function pageTools(log: string[]): Tool[] {
  return [
    {
      name: 'get_weather',
      description: 'Current weather in a city',
      parameters: z.object({ city: z.string() }),
      async execute({ city }) {
        log.push(`weather:${city}`);
        await new Promise((r) => setTimeout(r, 30));
        return { city, temperature: 21, sky: 'clear' };
      },
    },
    {
      name: 'get_time',
      description: 'Current time in a time zone',
      parameters: z.object({ timezone: z.string() }),
      execute({ timezone }) {
        log.push(`time:${timezone}`);
        return { timezone, time: '12:00' };
      },
    },
  ];
}

describe('<stream-chat> tool calls', () => {
  afterEach(cleanup);

  it('shows each call with its name, arguments, and result across two steps', async () => {
    const log: string[] = [];
    const el = await chat('dev;rate=0', (e) => (e.tools = pageTools(log)));
    await say(el, 'Call get_weather for Paris then get_time for Europe/Paris');
    await idle(el);
    assert.deepEqual(log.map((l) => l.split(':')[0]), ['weather', 'time']);
    const calls = parts(el, 'tool-call');
    assert.deepEqual(calls.map((c) => c.querySelector('[part="tool-name"]')!.textContent), ['get_weather', 'get_time']);
    for (const call of calls) {
      assert.equal(call.dataset.status, 'done');
      assert.match(call.querySelector('[part="tool-status"]')!.textContent!, /Done in \d+\.\d s/);
    }
    // The arguments read as labelled fields, with the value the tool received.
    const args = calls[0].querySelector('[part="tool-arguments"]')!;
    assert.include(args.textContent, 'City');
    assert.include(args.textContent, log[0].split(':')[1]);
    assert.include(calls[0].querySelector('[part="tool-result"]')!.textContent, '"sky": "clear"');
    assert.isAbove(lastAnswerText(el).length, 0, 'the answer after the tools is shown');
    // One answer bubble holds the whole tool loop.
    assert.lengthOf(parts(el, 'assistant-message'), 1);
  });

  it('shows parallel calls of one step', async () => {
    const log: string[] = [];
    const el = await chat('dev;rate=0', (e) => (e.tools = pageTools(log)));
    await say(el, 'Use get_weather and get_time at once');
    await idle(el);
    assert.lengthOf(parts(el, 'tool-call'), 2);
    assert.sameMembers(log.map((l) => l.split(':')[0]), ['weather', 'time']);
  });

  it('shows the arguments while they stream', async () => {
    const el = await chat('dev;rate=300;chunk=3', (e) => {
      e.tools = [
        {
          name: 'save_note',
          parameters: z.object({ title: z.string(), body: z.string() }),
          execute: () => 'saved',
        },
      ];
    });
    await say(el, 'Please call save_note');
    // Mid-stream: the fields written so far, and the schema's other fields shown as still to come.
    const pending = await waitFor(() => {
      const call = part(el, 'tool-call');
      const view = call?.querySelector('[part="tool-arguments"]');
      return call?.dataset.status === 'streaming' ? view?.querySelector('.ov-pending') : null;
    }, 'arguments mid-stream with a field still to come');
    assert.isOk(pending);
    await idle(el);
    const done = part(el, 'tool-arguments')!;
    assert.include(done.textContent, 'Title');
    assert.include(done.textContent, 'Body');
    assert.notExists(done.querySelector('.ov-pending'), 'nothing pending once the call is complete');
    assert.notExists(done.querySelector('.ov-missing'));
  });

  it('shows a running state while the tool works', async () => {
    let finish!: () => void;
    const el = await chat('dev;rate=0', (e) => {
      e.tools = [
        {
          name: 'slow_lookup',
          parameters: z.object({ query: z.string() }),
          execute: () => new Promise((resolve) => (finish = () => resolve('found'))),
        },
      ];
    });
    await say(el, 'Please run slow_lookup');
    const call = await waitFor(() => parts(el, 'tool-call').find((c) => c.dataset.status === 'running'), 'running');
    assert.match(call.querySelector('[part="tool-status"]')!.textContent!, /Running… \d+\.\d s/);
    finish();
    await idle(el);
    assert.equal(part(el, 'tool-call')!.dataset.status, 'done');
  });

  it('shows the error of a tool that throws, and the turn goes on', async () => {
    const el = await chat('dev;rate=0', (e) => {
      e.tools = [
        {
          name: 'broken_tool',
          parameters: z.object({}),
          execute() {
            throw new Error('disk on fire');
          },
        },
      ];
    });
    await say(el, 'Run broken_tool');
    await idle(el);
    const call = part(el, 'tool-call')!;
    assert.equal(call.dataset.status, 'error');
    assert.include(call.querySelector('[part="tool-error"]')!.textContent, 'disk on fire');
  });

  it('asks for approval; Allow runs the tool, Deny does not', async () => {
    const log: string[] = [];
    const el = await chat('dev;rate=0', (e) => {
      e.tools = [
        {
          name: 'delete_file',
          parameters: z.object({ path: z.string() }),
          needsApproval: () => true,
          execute({ path }) {
            log.push(path);
            return 'deleted';
          },
        },
      ];
    });
    const approval = new Promise<Event>((resolve) => el.addEventListener('stream-chat-tool-approval', resolve, { once: true }));
    await say(el, 'Please call delete_file');
    await approval;
    const allow = await waitFor(() => part(el, 'approve-button') as HTMLButtonElement | null, 'the Allow button');
    assert.equal(part(el, 'tool-call')!.dataset.status, 'approval');
    assert.exists(part(el, 'deny-button'));
    allow.click();
    await idle(el);
    assert.lengthOf(log, 1, 'approved: the tool ran');
    assert.equal(part(el, 'tool-call')!.dataset.status, 'done');

    await say(el, 'Again, call delete_file');
    const deny = await waitFor(() => part(el, 'deny-button') as HTMLButtonElement | null, 'the Deny button');
    deny.click();
    await idle(el);
    assert.lengthOf(log, 1, 'denied: the tool did not run');
    assert.equal(parts(el, 'tool-call').at(-1)!.dataset.status, 'denied');
  });
});
