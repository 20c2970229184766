/**
 * The agent (agent.ts) in the two protocols agent frameworks ship for web front ends:
 * `POST /ag-ui` speaks AG-UI (RunAgentInput in, `data: {"type": "RUN_STARTED"…}` events out, as
 * @ag-ui/encoder writes them) and `POST /ai-sdk` speaks the AI SDK UI message stream (what
 * `toUIMessageStreamResponse()` writes). `error-mid-stream` ends either with its error event.
 */
import type { ServerResponse } from 'node:http';
import { fromAgUiMessages, fromUiMessages, runAgent, type AgentStep } from './agent.js';
import { toolSpecs, type ToolCall } from './conversation.js';
import type { DevOptions, Scenario } from './options.js';
import { createPacer, splitChunks } from './pacing.js';
import { seedOf, type TurnRequest } from './plan.js';
import { makeId, random } from './random.js';
import { MID_STREAM_ERROR, play } from './scenarios.js';
import { openSse, type SseWriter } from './sse.js';
import { agUiThoughts, aiSdkThoughts, sourceSteps, thoughtSteps, type ThoughtWriter } from './reasoning.js';

interface Writer {
  progress(step: Extract<AgentStep, { kind: 'progress' }>): void;
  serverTool(call: ToolCall, result: unknown): void;
  pageTool(call: ToolCall): void;
  textStart(): void;
  text(delta: string): void;
  textEnd(): void;
  /** Reasoning before the text, sources after it (reasoning.ts). */
  thoughts: ThoughtWriter;
  error(message: string): void;
  end(): void;
}

async function speak(steps: AgentStep[], writer: Writer, request: TurnRequest, scenario: Scenario, signal: AbortSignal): Promise<void> {
  const options: DevOptions = request.options;
  const rng = random(`${seedOf(request)}:agent`);
  const pacer = createPacer(options, rng, signal);
  await pacer.start();
  for (const step of steps) {
    if (signal.aborted) return;
    if (step.kind === 'progress') writer.progress(step);
    else if (step.kind === 'server-tool') {
      writer.serverTool(step.call, step.result);
      await pacer.after(40);
    } else if (step.kind === 'page-tools') step.calls.forEach((call) => writer.pageTool(call));
    else {
      const text = splitChunks(step.text, options, rng).map((delta) => ({ length: delta.length, write: () => writer.text(delta) }));
      const outcome = await play(
        [...thoughtSteps(step, writer.thoughts, options, rng), { length: 0, write: () => writer.textStart() }, ...text],
        { scenario, stallMs: options.stallMs, pacer, signal, cut: () => undefined, error: () => writer.error(MID_STREAM_ERROR.error.message) },
      );
      if (outcome === 'stopped') return;
      writer.textEnd();
      for (const source of sourceSteps(step, writer.thoughts)) source.write();
    }
  }
  writer.end();
}

export async function streamAgUi(res: ServerResponse, body: any, options: DevOptions, scenario: Scenario, signal: AbortSignal): Promise<void> {
  const request: TurnRequest = { turns: fromAgUiMessages(body.messages), tools: toolSpecs(body.tools), format: { type: 'text' }, options };
  const sse = openSse(res);
  const send = (event: object) => sse.data(event);
  const { threadId = 'thread', runId = 'run' } = body;
  const messageId = makeId('msg_', `${seedOf(request)}:${runId}`, 12);
  let state = { ...(body.state && typeof body.state === 'object' ? body.state : {}), searches: Number(body.state?.searches ?? 0) };
  send({ type: 'RUN_STARTED', threadId, runId });
  send({ type: 'STATE_SNAPSHOT', snapshot: state });
  const writer: Writer = {
    progress: (p) => send({ type: 'STEP_STARTED', stepName: p.step }),
    serverTool(call, result) {
      send({ type: 'TOOL_CALL_START', toolCallId: call.id, toolCallName: call.name, parentMessageId: messageId });
      send({ type: 'TOOL_CALL_ARGS', toolCallId: call.id, delta: call.arguments });
      send({ type: 'TOOL_CALL_END', toolCallId: call.id });
      send({ type: 'TOOL_CALL_RESULT', messageId: `${call.id}_result`, toolCallId: call.id, content: JSON.stringify(result), role: 'tool' });
      state = { ...state, searches: state.searches + 1 };
      send({ type: 'STATE_DELTA', delta: [{ op: 'replace', path: '/searches', value: state.searches }] });
    },
    pageTool(call) {
      send({ type: 'TOOL_CALL_START', toolCallId: call.id, toolCallName: call.name, parentMessageId: messageId });
      send({ type: 'TOOL_CALL_ARGS', toolCallId: call.id, delta: call.arguments });
      send({ type: 'TOOL_CALL_END', toolCallId: call.id });
    },
    textStart: () => send({ type: 'TEXT_MESSAGE_START', messageId, role: 'assistant' }),
    text: (delta) => send({ type: 'TEXT_MESSAGE_CONTENT', messageId, delta }),
    textEnd: () => send({ type: 'TEXT_MESSAGE_END', messageId }),
    thoughts: agUiThoughts(send, messageId),
    error: (message) => (send({ type: 'RUN_ERROR', message }), sse.end()),
    end: () => (send({ type: 'RUN_FINISHED', threadId, runId }), sse.end()),
  };
  await speak(runAgent(request), writer, request, scenario, signal);
}

export async function streamAiSdk(res: ServerResponse, body: any, options: DevOptions, scenario: Scenario, signal: AbortSignal): Promise<void> {
  const request: TurnRequest = { turns: fromUiMessages(body.messages), tools: pageToolsOf(body), format: { type: 'text' }, options };
  const sse: SseWriter = openSse(res, { 'x-vercel-ai-ui-message-stream': 'v1' });
  const send = (chunk: object) => sse.data(chunk);
  const id = makeId('txt_', seedOf(request), 12);
  let totalTokens = 0;
  send({ type: 'start', messageId: makeId('msg_', seedOf(request), 16) });
  send({ type: 'start-step' });
  const writer: Writer = {
    progress: (p) => void (totalTokens = p.totalTokens),
    serverTool(call, result) {
      send({ type: 'tool-input-start', toolCallId: call.id, toolName: call.name });
      send({ type: 'tool-input-delta', toolCallId: call.id, inputTextDelta: call.arguments });
      send({ type: 'tool-input-available', toolCallId: call.id, toolName: call.name, input: JSON.parse(call.arguments) });
      send({ type: 'tool-output-available', toolCallId: call.id, output: result });
      send({ type: 'finish-step' });
      send({ type: 'start-step' });
    },
    pageTool(call) {
      send({ type: 'tool-input-start', toolCallId: call.id, toolName: call.name });
      send({ type: 'tool-input-available', toolCallId: call.id, toolName: call.name, input: JSON.parse(call.arguments) });
    },
    textStart: () => send({ type: 'text-start', id }),
    text: (delta) => send({ type: 'text-delta', id, delta }),
    textEnd: () => send({ type: 'text-end', id }),
    thoughts: aiSdkThoughts(send, id),
    error: (errorText) => (send({ type: 'error', errorText }), sse.end()),
    end() {
      send({ type: 'finish-step' });
      send({ type: 'finish', messageMetadata: { totalUsage: { totalTokens } } });
      sse.data('[DONE]');
      sse.end();
    },
  };
  await speak(runAgent(request), writer, request, scenario, signal);
}

/**
 * A route declares its client-side tools itself; the dev route takes any tool the conversation
 * mentions by a `tools` list in the body (the widget sends none), else the demo's weather tool.
 */
function pageToolsOf(body: any) {
  const listed = toolSpecs(body.tools);
  if (listed.length) return listed;
  return [{ name: 'get_weather', description: 'Weather in a city (runs in the page)', parameters: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } }];
}
