// The tool loop against the dev model: parallel calls in one step, a second step, the answer;
// validation, failures, approval, timeouts and the step budget as the model sees them.
import { assert } from 'chai';
import * as z from 'zod';
import { collect, runChat, type ChatEvent, type Tool } from '../../src/core/index.js';
import { devOptions, shape } from './dev-backends.js';

const base = () => devOptions('openai', 'dev;rate=0');
const user = (content: string) => [{ role: 'user' as const, content }];

/** Resolves once `n` callers have arrived: proves calls run at the same time (a sequential loop never gets there). */
function barrier(n: number) {
  let arrived = 0;
  let open!: () => void;
  const all = new Promise<void>((resolve) => (open = resolve));
  return () => {
    if (++arrived === n) open();
    return all;
  };
}

describe('tool loop', () => {
  it('runs two parallel calls, then a second step, then answers with the results', async () => {
    const together = barrier(2);
    const seen: unknown[] = [];
    const tools: Tool<any, unknown, { user: string }>[] = [
      {
        name: 'get_weather',
        description: 'Weather in a city',
        parameters: z.object({ city: z.string() }),
        execute: async ({ city }, { context }) => {
          seen.push(context);
          await together();
          return { city, sky: 'clear', celsius: 19 };
        },
        timeoutMs: 5000,
      },
      {
        name: 'get_time',
        parameters: z.object({ city: z.string() }),
        execute: async ({ city }) => {
          await together();
          return `It is 10:30 in ${city}`;
        },
        timeoutMs: 5000,
      },
      {
        name: 'send_note',
        parameters: z.object({ text: z.string() }),
        execute: ({ text }) => ({ sent: true, length: text.length }),
      },
    ];
    const { events, result } = await collect(
      runChat({ ...base(), tools, context: { user: 'ada' }, messages: user('Use get_weather and get_time for Paris then send_note please') }),
    );
    assert.deepEqual(shape(events), [
      'start', 'tool-call', 'usage', 'tool-start', 'tool-end', 'step-end', // step 1: two calls in parallel
      'tool-call', 'usage', 'tool-start', 'tool-end', 'step-end', // step 2
      'text', 'usage', 'end', // the answer
    ]);
    const ends = events.filter((e): e is Extract<ChatEvent, { type: 'tool-end' }> => e.type === 'tool-end');
    assert.deepEqual(ends.map((e) => e.error), [undefined, undefined, undefined]);
    assert.deepEqual(ends.map((e) => e.step), [1, 1, 2]);
    assert.sameMembers(ends.filter((e) => e.step === 1).map((e) => e.name), ['get_weather', 'get_time']);
    assert.deepEqual(seen, [{ user: 'ada' }], 'the context reaches the tool');

    const roles = result.messages.map((m) => (m.tool_calls ? `assistant(${m.tool_calls.map((c) => c.function.name).join('+')})` : m.role));
    assert.deepEqual(roles, ['user', 'assistant(get_weather+get_time)', 'tool', 'tool', 'assistant(send_note)', 'tool', 'assistant']);
    const weatherCall = result.messages[1].tool_calls!.find((c) => c.function.name === 'get_weather')!;
    assert.equal(JSON.parse(weatherCall.function.arguments).city, 'Paris');
    const weatherResult = result.messages.find((m) => m.tool_call_id === weatherCall.id)!;
    assert.deepEqual(JSON.parse(weatherResult.content!), { city: 'Paris', sky: 'clear', celsius: 19 });
    assert.include(result.message.content, 'clear', 'the answer uses the tool results');
    assert.equal(result.finishReason, 'stop');
    assert.equal(result.usage.totalTokens, events.filter((e) => e.type === 'usage').reduce((n, e) => n + (e.type === 'usage' ? e.usage.totalTokens : 0), 0));

    // Arguments stream as growing partial values.
    const partials = events.filter((e) => e.type === 'tool-call' && e.name === 'send_note');
    const last = partials.at(-1);
    assert.deepEqual(last?.type === 'tool-call' && last.args, JSON.parse(result.messages[4].tool_calls![0].function.arguments));
  });

  it('arguments the schema rejects go back to the model as an error it can correct', async () => {
    let ran = false;
    const { events, result } = await collect(
      runChat({
        ...base(),
        messages: user('Please call book_room now'),
        tools: [
          {
            name: 'book_room',
            parameters: z.object({ room: z.string().refine((r) => r === 'no such room', 'Room does not exist') }),
            execute: () => (ran = true),
          },
        ],
      }),
    );
    assert.isFalse(ran);
    const end = events.find((e) => e.type === 'tool-end');
    assert.equal(end?.type === 'tool-end' && end.error?.kind, 'tool');
    assert.match(end?.type === 'tool-end' ? end.error!.message : '', /Invalid arguments for "book_room": room: Room does not exist/);
    const toolMessage = result.messages.find((m) => m.role === 'tool')!;
    assert.include(toolMessage.content, 'Room does not exist');
    assert.equal(result.finishReason, 'stop');
    assert.isUndefined(result.error, 'a tool failure does not fail the turn');
  });

  it('a tool that throws is reported and the turn goes on', async () => {
    const { events, result } = await collect(
      runChat({
        ...base(),
        messages: user('Please call fetch_stock for ACME'),
        tools: [{ name: 'fetch_stock', parameters: z.object({ symbol: z.string() }), execute: () => Promise.reject(new Error('market closed')) }],
      }),
    );
    const end = events.find((e) => e.type === 'tool-end');
    assert.equal(end?.type === 'tool-end' && end.error?.message, '"fetch_stock" failed: market closed');
    assert.deepEqual(JSON.parse(result.messages[2].content!), { error: '"fetch_stock" failed: market closed' });
    assert.equal(result.finishReason, 'stop');
  });

  it('a tool past its timeout is stopped through its signal', async () => {
    let signal: AbortSignal | undefined;
    const { events } = await collect(
      runChat({
        ...base(),
        messages: user('Please call slow_lookup now'),
        tools: [
          {
            name: 'slow_lookup',
            parameters: z.object({ q: z.string() }),
            timeoutMs: 100,
            execute: (_args, ctx) => {
              signal = ctx.signal;
              return new Promise(() => {}); // never settles
            },
          },
        ],
      }),
    );
    const end = events.find((e) => e.type === 'tool-end');
    assert.equal(end?.type === 'tool-end' && end.error?.kind, 'timeout');
    assert.isTrue(signal?.aborted);
  });

  it('approval: the run waits; approve runs the tool, deny tells the model the user declined', async () => {
    const ran: string[] = [];
    const tools: Tool[] = [
      {
        name: 'delete_file',
        parameters: z.object({ path: z.string() }),
        needsApproval: () => true,
        execute: ({ path }) => {
          ran.push(path);
          return 'deleted';
        },
      },
    ];
    for (const decision of ['approve', 'deny'] as const) {
      ran.length = 0;
      const run = runChat({ ...base(), tools, messages: user('Please call delete_file on notes.txt') });
      const types: string[] = [];
      for await (const event of run) {
        types.push(event.type);
        if (event.type === 'tool-approval') {
          assert.deepEqual(ran, [], 'nothing runs before the decision');
          if (decision === 'approve') event.approve();
          else event.deny('I need that file');
        }
      }
      const result = await run.result;
      const toolMessage = result.messages.find((m) => m.role === 'tool')!;
      if (decision === 'approve') {
        assert.lengthOf(ran, 1);
        assert.equal(toolMessage.content, 'deleted');
        assert.includeMembers(types, ['tool-approval', 'tool-start', 'tool-end']);
      } else {
        assert.deepEqual(ran, []);
        assert.include(toolMessage.content, 'The user declined this call: I need that file');
        assert.notInclude(types, 'tool-start');
      }
      assert.equal(result.finishReason, 'stop');
    }
  });

  it('maxSteps: the budget ends the turn after the tools it allowed, with their results', async () => {
    const { result } = await collect(
      runChat({
        ...base(),
        maxSteps: 1,
        messages: user('Use get_weather for Rome then send_note please'),
        tools: [
          { name: 'get_weather', parameters: z.object({ city: z.string() }), execute: () => 'sunny' },
          { name: 'send_note', parameters: z.object({ text: z.string() }), execute: () => 'ok' },
        ],
      }),
    );
    assert.equal(result.finishReason, 'tool_calls');
    assert.deepEqual(result.messages.map((m) => m.role), ['user', 'assistant', 'tool']);
    assert.equal(result.message, result.messages[1]);
  });

  it('system as an async function of the context, sent first', async () => {
    const bodies: any[] = [];
    const { result } = await collect(
      runChat({
        ...base(),
        context: { name: 'Grace' },
        system: async (ctx: { name: string }) => `You are talking to ${ctx.name}.`,
        messages: user('Hello'),
        fetch: (input, init) => {
          bodies.push(JSON.parse(String(init?.body)));
          return fetch(input, init);
        },
      }),
    );
    assert.deepEqual(bodies[0].messages[0], { role: 'system', content: 'You are talking to Grace.' });
    assert.notInclude(result.messages.map((m) => m.role), 'system', 'the history stays the caller’s');
  });
});
