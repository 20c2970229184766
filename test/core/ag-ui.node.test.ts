// provider: 'ag-ui' against the AG-UI packages: the agent below emits with @ag-ui/encoder (as the
// Python and TypeScript servers do), and every request the engine sends must pass @ag-ui/core's
// RunAgentInputSchema.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EventType, type BaseEvent } from '@ag-ui/core';
import { RunAgentInputSchema } from '@ag-ui/core/schemas';
import { EventEncoder } from '@ag-ui/encoder';
import * as z from 'zod';
import { collect, runChat, type ChatEvent } from '../../src/core/index.js';
import { serveRoute } from './web-server.js';
import { pdf, png, sampleAttachments } from './attachment-fixtures.js';

/** An agent: a step, a tool of its own, state, then a page tool; once the page tool's result is back, text. */
function agentEvents(input: z.infer<typeof RunAgentInputSchema>): BaseEvent[] {
  const { threadId, runId } = input;
  const last = input.messages.at(-1)!;
  const run = (...events: any[]) => [{ type: EventType.RUN_STARTED, threadId, runId }, ...events, { type: EventType.RUN_FINISHED, threadId, runId }];
  const text = (t: string) => [
    { type: EventType.TEXT_MESSAGE_START, messageId: 'msg', role: 'assistant' },
    ...t.split(/(?<= )/).map((delta) => ({ type: EventType.TEXT_MESSAGE_CONTENT, messageId: 'msg', delta })),
    { type: EventType.TEXT_MESSAGE_END, messageId: 'msg' },
  ];
  if (last.role === 'tool') return run(...text(`The page says: ${last.content}`));
  // Files: the agent names each part it was given, as a multimodal agent would read them.
  if (Array.isArray(last.content)) {
    const seen = last.content.map((p) => (p.type === 'text' ? `text(${p.text.split('\n')[0]})` : `${p.type}(${p.source.mimeType})`));
    return run(...text(`I got ${seen.join(' ')}`));
  }
  if (String(last.content).includes('crash')) {
    return [{ type: EventType.RUN_STARTED, threadId, runId }, ...text('Starting ').slice(0, 2), { type: EventType.RUN_ERROR, message: 'the agent crashed' }];
  }
  if (!String(last.content).includes('weather')) return run(...text('Hello from the agent.'));
  return run(
    { type: EventType.STEP_STARTED, stepName: 'planning' },
    { type: EventType.STATE_SNAPSHOT, snapshot: { city: null, steps: 1 } },
    { type: EventType.REASONING_START, messageId: 'r' },
    { type: EventType.REASONING_MESSAGE_START, messageId: 'r', role: 'reasoning' },
    { type: EventType.REASONING_MESSAGE_CONTENT, messageId: 'r', delta: 'Look it up first.' },
    { type: EventType.REASONING_MESSAGE_END, messageId: 'r' },
    { type: EventType.REASONING_END, messageId: 'r' },
    { type: EventType.TOOL_CALL_START, toolCallId: 'srv-1', toolCallName: 'lookup_city' },
    { type: EventType.TOOL_CALL_ARGS, toolCallId: 'srv-1', delta: '{"name":' },
    { type: EventType.TOOL_CALL_ARGS, toolCallId: 'srv-1', delta: '"Paris"}' },
    { type: EventType.TOOL_CALL_END, toolCallId: 'srv-1' },
    { type: EventType.TOOL_CALL_RESULT, messageId: 'res-1', toolCallId: 'srv-1', content: '{"country":"FR"}', role: 'tool' },
    { type: EventType.STATE_DELTA, delta: [{ op: 'replace', path: '/city', value: 'Paris' }] },
    { type: EventType.STEP_FINISHED, stepName: 'planning' },
    { type: EventType.TOOL_CALL_START, toolCallId: 'page-1', toolCallName: 'get_weather' },
    { type: EventType.TOOL_CALL_ARGS, toolCallId: 'page-1', delta: '{"city":"Paris"}' },
    { type: EventType.TOOL_CALL_END, toolCallId: 'page-1' },
  );
}

describe('ag-ui provider against @ag-ui/encoder and @ag-ui/core', () => {
  let server: { url: string; close(): Promise<void> };
  const inputs: z.infer<typeof RunAgentInputSchema>[] = [];
  const invalid: unknown[] = [];

  before(async () => {
    server = await serveRoute(async (request) => {
      const checked = RunAgentInputSchema.safeParse(await request.json());
      if (!checked.success) {
        invalid.push(checked.error);
        return new Response(JSON.stringify({ detail: checked.error.message }), { status: 422 });
      }
      inputs.push(checked.data);
      const encoder = new EventEncoder({ accept: request.headers.get('accept') ?? undefined });
      const body = agentEvents(checked.data).map((e) => encoder.encode(e)).join('');
      return new Response(body, { headers: { 'content-type': encoder.getContentType() } });
    });
  });
  after(() => server.close());

  it('streams an agent\'s text; the request is a valid RunAgentInput on the conversation\'s thread', async () => {
    inputs.length = 0;
    const { result } = await collect(
      runChat({ provider: 'ag-ui', endpoint: `${server.url}/agent`, conversationId: 'thread-7', system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.equal(result.message.content, 'Hello from the agent.');
    assert.deepEqual(invalid, []);
    assert.equal(inputs[0].threadId, 'thread-7');
    assert.deepEqual(inputs[0].messages.map((m) => m.role), ['system', 'user']);
    assert.deepEqual(inputs[0].forwardedProps, {}, 'no model, nothing forwarded');
  });

  it('the model, when set, goes to the agent as forwardedProps.model (RunAgentInput has no field of its own for it)', async () => {
    inputs.length = 0;
    const { result } = await collect(runChat({ provider: 'ag-ui', endpoint: `${server.url}/agent`, model: 'agent-large', messages: [{ role: 'user', content: 'Hi' }] }));
    assert.equal(result.error, undefined, result.error?.message ?? '');
    assert.deepEqual(invalid, []);
    assert.deepEqual(inputs[0].forwardedProps, { model: 'agent-large' });
  });

  it('agent tools are remote, page tools run in the page and go back in the next run; steps, reasoning and state arrive', async () => {
    inputs.length = 0;
    const ran: unknown[] = [];
    const { result, events } = await collect(
      runChat({
        provider: 'ag-ui',
        endpoint: `${server.url}/agent`,
        conversationId: 'thread-weather',
        messages: [{ role: 'user', content: 'What is the weather?' }],
        tools: [{ name: 'get_weather', description: 'Weather in a city', parameters: z.object({ city: z.string() }), execute: (args) => (ran.push(args), 'sunny') }],
      }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? "");
    assert.deepEqual(invalid, []);
    assert.deepEqual(ran, [{ city: 'Paris' }]);
    assert.equal(result.message.content, 'The page says: sunny');
    const remoteEnd = events.find((e): e is Extract<ChatEvent, { type: 'tool-end' }> => e.type === 'tool-end' && e.name === 'lookup_city');
    assert.equal(remoteEnd?.remote, true);
    assert.deepEqual(remoteEnd?.result, { country: 'FR' });
    assert.deepEqual(remoteEnd?.args, { name: 'Paris' });
    assert.ok(events.some((e) => e.type === 'progress' && e.step === 'planning'));
    assert.ok(events.some((e) => e.type === 'reasoning' && e.text === 'Look it up first.'));
    const states = events.filter((e) => e.type === 'state').map((e) => e.type === 'state' && e.value);
    assert.deepEqual(states, [{ city: null, steps: 1 }, { city: 'Paris', steps: 1 }]);
    // The page tool's run: its declaration in the first run, its result in the second, with the state.
    assert.equal(inputs.length, 2);
    assert.equal(inputs[0].tools[0].name, 'get_weather');
    assert.equal((inputs[0].tools[0].parameters as any).type, 'object');
    const second = inputs[1];
    assert.equal(second.threadId, 'thread-weather');
    assert.notEqual(second.runId, inputs[0].runId);
    assert.deepEqual(second.state, { city: 'Paris', steps: 1 });
    const assistants = second.messages.filter((m) => m.role === 'assistant') as any[];
    // The agent's own call and its result come back to it, before the page's call.
    assert.deepEqual(assistants.map((m) => m.toolCalls?.[0]?.id), ['srv-1', 'page-1']);
    assert.ok(second.messages.some((m: any) => m.role === 'tool' && m.toolCallId === 'srv-1' && m.content === '{"country":"FR"}'));
    const tool = second.messages.at(-1) as any;
    assert.equal(tool.role, 'tool');
    assert.equal(tool.toolCallId, 'page-1');
    assert.equal(tool.content, 'sunny');
  });

  it('files go as AG-UI content parts: images and PDFs inline as base64 data, text files as text', async () => {
    inputs.length = 0;
    const { result } = await collect(
      runChat({
        provider: 'ag-ui',
        endpoint: `${server.url}/agent`,
        messages: [
          {
            role: 'user',
            content: 'What are these?',
            attachments: [...sampleAttachments(), { id: 'a4', name: 'gone.pdf', type: 'application/pdf', size: 9 }],
          },
        ],
      }),
    );
    assert.equal(result.error, undefined, result.error?.message ?? '');
    assert.deepEqual(invalid, []);
    const content = inputs[0].messages.at(-1)!.content as any[];
    assert.deepEqual(content[0], { type: 'text', text: 'What are these?' });
    assert.deepEqual(content[1], { type: 'image', source: { type: 'data', value: png, mimeType: 'image/png' }, metadata: { filename: 'dot.png' } });
    assert.deepEqual(content[2], { type: 'document', source: { type: 'data', value: pdf, mimeType: 'application/pdf' }, metadata: { filename: 'report.pdf' } });
    assert.equal(Buffer.from(content[2].source.value, 'base64').toString(), '%PDF-1.4\n%%EOF\n');
    assert.equal(content[3].type, 'text');
    assert.match(content[3].text, /^File: <b>notes<\/b>\.txt\n```\n<script>x<\/script>\n```$/);
    assert.match(content[4].text, /gone\.pdf .*no longer available/);
    assert.equal(result.message.content, 'I got text(What are these?) image(image/png) document(application/pdf) text(File: <b>notes</b>.txt) text(File: gone.pdf (application/pdf; its content is no longer available))');
  });

  it('RUN_ERROR is an error with the agent\'s words, the text kept', async () => {
    const { result, events } = await collect(runChat({ provider: 'ag-ui', endpoint: `${server.url}/agent`, messages: [{ role: 'user', content: 'crash now' }] }));
    assert.equal(result.finishReason, 'error');
    assert.match(result.error!.message, /the agent crashed/);
    assert.equal(result.message.content, 'Starting ');
    assert.ok(events.some((e) => e.type === 'error'));
  });
});
