/**
 * The dev model as an agent with a tool of its own, for the backends that run tools on the server
 * (AG-UI, the AI SDK route, an agent's event stream). It plans as the model does; a call of its own
 * tool (`search_docs`) is run here and the agent goes on; a call of a page tool ends the run so
 * the page can run it, as those protocols do. Written once, spoken by each protocol's writer.
 */
import { contentFiles, contentText, type ToolCall, type ToolSpec, type Turn } from './conversation.js';
import { planTurn, usageOf, type TurnRequest } from './plan.js';
import type { Thoughts } from './reasoning.js';

/** The agent's own tool: named in a prompt ("search_docs for streaming"), it runs on the server. */
export const SERVER_TOOL: ToolSpec = {
  name: 'search_docs',
  description: 'Searches the project documentation (runs on the server).',
  parameters: { type: 'object', properties: { query: { type: 'string', description: 'What to look for' } }, required: ['query'] },
};

export type AgentStep =
  | { kind: 'progress'; step: string; iteration: number; totalTokens: number; costUsd: number }
  | { kind: 'server-tool'; call: ToolCall; result: unknown }
  | { kind: 'page-tools'; calls: ToolCall[] }
  | ({ kind: 'text'; text: string } & Thoughts);

/** A dollar price per token, so the progress line has a cost to show. */
const USD_PER_TOKEN = 0.000002;

export function runAgent(request: TurnRequest): AgentStep[] {
  const steps: AgentStep[] = [];
  const turns: Turn[] = [...request.turns];
  const pageTools = request.tools.filter((t) => t.name !== SERVER_TOOL.name);
  let tokens = 0;
  for (let iteration = 1; iteration <= 4; iteration++) {
    const turnRequest = { ...request, turns, tools: [...pageTools, SERVER_TOOL] };
    const plan = planTurn(turnRequest);
    tokens += usageOf(turnRequest, plan).total;
    const progress = (step: string): AgentStep => ({ kind: 'progress', step, iteration, totalTokens: tokens, costUsd: Number((tokens * USD_PER_TOKEN).toFixed(6)) });
    if (plan.kind !== 'tools') {
      steps.push(progress('answering'), { kind: 'text', text: plan.text, reasoning: plan.reasoning, sources: plan.sources });
      return steps;
    }
    const own = plan.calls.filter((c) => c.name === SERVER_TOOL.name);
    const page = plan.calls.filter((c) => c.name !== SERVER_TOOL.name);
    if (own.length) {
      steps.push(progress('searching the docs'));
      for (const call of own) steps.push({ kind: 'server-tool', call, result: searchDocs(call) });
      turns.push({ role: 'assistant', text: '', toolCalls: own });
      for (const call of own) turns.push({ role: 'tool', text: JSON.stringify(searchDocs(call)), toolCallId: call.id });
    }
    if (page.length) {
      steps.push(progress('waiting for the page'), { kind: 'page-tools', calls: page });
      return steps;
    }
  }
  steps.push({ kind: 'text', text: 'I stopped after four steps.' });
  return steps;
}

function searchDocs(call: ToolCall): { query: string; hits: { title: string; url: string }[] } {
  let query = '';
  try {
    query = String(JSON.parse(call.arguments).query ?? '');
  } catch {
    // arguments the planner wrote are JSON; anything else searches for nothing
  }
  const slug = query.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'index';
  return {
    query,
    hits: [
      { title: `Guide: ${query || 'getting started'}`, url: `https://docs.example/${slug}` },
      { title: 'Reference', url: `https://docs.example/reference#${slug}` },
    ],
  };
}

/** AG-UI messages (`role`, `content`, `toolCalls`, `toolCallId`) as turns. */
export function fromAgUiMessages(messages: unknown): Turn[] {
  if (!Array.isArray(messages)) return [];
  return messages.map((m: any): Turn => {
    const role = m?.role === 'assistant' || m?.role === 'tool' || m?.role === 'user' ? m.role : 'system';
    const turn: Turn = { role, text: contentText(m?.content) };
    const files = contentFiles(m?.content);
    if (files) turn.files = files;
    if (Array.isArray(m?.toolCalls) && m.toolCalls.length) {
      turn.toolCalls = m.toolCalls.map((c: any) => ({ id: String(c?.id ?? ''), name: String(c?.function?.name ?? ''), arguments: String(c?.function?.arguments ?? '') }));
    }
    if (m?.toolCallId) turn.toolCallId = String(m.toolCallId);
    return turn;
  });
}

/** AI SDK UI messages (parts: text, `tool-<name>` with input and output) as turns, step by step. */
export function fromUiMessages(messages: unknown): Turn[] {
  if (!Array.isArray(messages)) return [];
  const turns: Turn[] = [];
  for (const m of messages as any[]) {
    const parts: any[] = Array.isArray(m?.parts) ? m.parts : [];
    if (m?.role !== 'assistant') {
      const files = contentFiles(parts);
      turns.push({ role: m?.role === 'system' ? 'system' : 'user', text: parts.map((p) => (p?.type === 'text' ? p.text : '')).join(''), ...(files ? { files } : {}) });
      continue;
    }
    // Each step of the answer: its text and calls, then the calls' outputs.
    const steps: any[][] = [[]];
    for (const p of parts) {
      if (p?.type === 'step-start') steps.push([]);
      else steps[steps.length - 1].push(p);
    }
    for (const step of steps.filter((s) => s.length)) {
      const text = step.map((p) => (p?.type === 'text' ? p.text : '')).join('');
      const tools = step.filter((p) => typeof p?.type === 'string' && (p.type.startsWith('tool-') || p.type === 'dynamic-tool'));
      const calls = tools.map((p) => ({ id: String(p.toolCallId), name: p.type === 'dynamic-tool' ? String(p.toolName) : p.type.slice(5), arguments: JSON.stringify(p.input ?? {}) }));
      turns.push({ role: 'assistant', text, ...(calls.length ? { toolCalls: calls } : {}) });
      for (const p of tools) {
        if (p.state === 'output-available') turns.push({ role: 'tool', text: typeof p.output === 'string' ? p.output : JSON.stringify(p.output), toolCallId: String(p.toolCallId) });
        else if (p.state === 'output-error') turns.push({ role: 'tool', text: JSON.stringify({ error: p.errorText }), toolCallId: String(p.toolCallId) });
      }
    }
  }
  return turns;
}
