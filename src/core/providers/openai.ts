/** Chat Completions (`provider: 'openai'`, the default): any OpenAI-compatible server. */
import { ChatAccumulator } from '../chat-accumulator.js';
import { chatContentParts, type ChatMessage } from '../messages.js';
import { createClient, sdkProvider } from './openai-client.js';
import { streamedJson } from './openai-stream.js';
import type { Provider, ProviderPart, ProviderRequest } from './provider.js';

export const openaiProvider: Provider = sdkProvider(stream);

async function* stream(request: ProviderRequest): AsyncGenerator<ProviderPart> {
  const client = await createClient(request);
  const { connection, sampling, tools, output } = request;
  const body: Record<string, unknown> = {
    model: connection.model ?? 'gpt-4o-mini',
    messages: request.messages.map(toWire),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (sampling.temperature !== undefined) body.temperature = sampling.temperature;
  if (sampling.maxTokens !== undefined) {
    // OpenAI's newer models take only max_completion_tokens; most compatible servers know max_tokens.
    const official = !connection.baseURL || /(^|\.)api\.openai\.com$/.test(hostOf(connection.baseURL));
    body[official ? 'max_completion_tokens' : 'max_tokens'] = sampling.maxTokens;
  }
  if (tools.length) {
    body.tools = tools.map((t) => ({
      type: 'function',
      function: { name: t.name, description: t.description, parameters: t.parameters },
    }));
  }
  if (output) body.response_format = output.responseFormat;
  const acc = new ChatAccumulator();
  for await (const chunk of streamedJson(client.chat.completions.create(body as never, { signal: request.signal }))) {
    yield* acc.push(chunk);
  }
  yield* acc.end();
}

/** Only the fields the wire format knows; `content: null` only where tool calls carry the turn. */
function toWire(m: ChatMessage): Record<string, unknown> {
  const out: Record<string, unknown> = { role: m.role, content: m.content ?? (m.tool_calls?.length ? null : '') };
  if (m.attachments?.length) out.content = chatContentParts(m);
  if (m.tool_calls?.length) out.tool_calls = m.tool_calls;
  if (m.role === 'tool') out.tool_call_id = m.tool_call_id;
  if (m.prefix) out.prefix = true;
  return out;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}
