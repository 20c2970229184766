/**
 * Your backend: the same widget on each backend shape people already run, all served offline by the
 * dev model on this page's origin. Pick one: the chat talks to it, and the lines beside it are what a
 * developer copies (the element's attributes, the `request` hook where the server wants its own shape).
 */
import * as z from 'zod';
import type { RequestHook, Tool } from '../../src/index.js';
import type { DemoSection } from '../section.js';

interface Backend {
  id: string;
  label: string;
  provider: 'ag-ui' | 'ai-sdk' | 'sse' | 'websocket';
  endpoint: string;
  request?: RequestHook;
  prompts: string[];
  /** The lines to copy (the dev model's options stay out of them). */
  code: string;
}

const FAST = 'dev;rate=600';

const BACKENDS: Backend[] = [
  {
    id: 'ag-ui',
    label: 'AG-UI agent',
    provider: 'ag-ui',
    endpoint: '/ag-ui',
    prompts: ['Use search_docs for streaming, then get_weather for Paris', 'Hello, agent'],
    code: `<stream-chat provider="ag-ui" endpoint="/agent"></stream-chat>
<!-- pydantic-ai: app = agent.to_ag_ui()  (LangGraph, CrewAI, Mastra… serve the same events) -->`,
  },
  {
    id: 'ai-sdk',
    label: 'AI SDK route',
    provider: 'ai-sdk',
    endpoint: '/ai-sdk',
    prompts: ['Use search_docs for streaming, then get_weather for Oslo', 'Tell me about rivers'],
    code: `<stream-chat provider="ai-sdk" endpoint="/api/chat"></stream-chat>
// app/api/chat/route.ts: streamText({ model, messages: await convertToModelMessages(messages), tools })
//   .toUIMessageStreamResponse()`,
  },
  {
    id: 'sse-query',
    label: 'SSE, ?query=',
    provider: 'sse',
    endpoint: '/recipes/stream',
    request: ({ prompt }) => ({ url: `/recipes/stream?query=${encodeURIComponent(prompt)}&model=${FAST}` }),
    prompts: ['Tell me about rivers', 'Explain streaming in three points'],
    code: `chat.provider = 'sse';
chat.request = ({ prompt }) => ({ url: '/stream?query=' + encodeURIComponent(prompt) });
# FastAPI: @app.post("/stream") async def stream(query: str): … yield f"data: {json.dumps({'delta': tok})}\\n\\n"`,
  },
  {
    id: 'sse-get',
    label: 'SSE, GET bare text',
    provider: 'sse',
    endpoint: '/recipes/text',
    request: ({ prompt }) => ({ method: 'GET', url: `/recipes/text?query=${encodeURIComponent(prompt)}&model=${FAST}` }),
    prompts: ['Tell me about rivers'],
    code: `chat.provider = 'sse';
chat.request = ({ prompt }) => ({ method: 'GET', url: '/text?query=' + encodeURIComponent(prompt) });
# yield f"data: {token}\\n\\n" … then yield "event: done\\ndata: \\n\\n"`,
  },
  {
    id: 'sse-agent',
    label: 'Agent events',
    provider: 'sse',
    endpoint: `/recipes/agent?model=${FAST}`,
    request: ({ prompt }) => ({ body: { query: prompt } }),
    prompts: ['search_docs for the request hook', 'Tell me about rivers'],
    code: `chat.provider = 'sse';
chat.request = ({ prompt }) => ({ body: { query: prompt } });
# yield f"data: {json.dumps({'event_type': 'llm_chunk', 'data': {'content': tok}})}\\n\\n"
# event_type: llm_chunk | tool_start | tool_end | progress | error | agent_start | agent_end`,
  },
  {
    id: 'websocket',
    label: 'WebSocket {"query"}',
    provider: 'websocket',
    endpoint: '/ws/query',
    request: ({ prompt }) => ({ body: { query: prompt, model: FAST } }),
    prompts: ['Tell me about rivers'],
    code: `chat.provider = 'websocket';
chat.endpoint = '/ws';            // ws: or wss:, as the page
chat.request = ({ prompt }) => ({ body: { query: prompt } });
# FastAPI: q = (await ws.receive_json())["query"]; await ws.send_text(tok) …; await ws.close()`,
  },
];

/** The page tool the agents may ask for: it runs here, in the page. */
const weather: Tool = {
  name: 'get_weather',
  description: 'The current weather in a city (runs in this page).',
  parameters: z.object({ city: z.string() }),
  execute: ({ city }) => ({ city, sky: ['sunny', 'cloudy', 'windy'][city.length % 3], temperatureC: 10 + (city.length % 15) }),
};

const section: DemoSection = {
  id: 'your-backend',
  title: 'Your backend',
  order: 35,
  description:
    'The same element on the backends people already run, each served offline by the dev model: an AG-UI agent, an AI SDK route, plain SSE and WebSocket servers written as the FastAPI recipes write them. Tools marked <em>on the server</em> ran on the backend; <code>get_weather</code> runs in this page.',
  mount(container) {
    const picker = document.createElement('div');
    picker.setAttribute('role', 'group');
    picker.setAttribute('aria-label', 'Backend');
    picker.style.cssText = 'display:flex;flex-wrap:wrap;gap:0.4rem;margin-block-end:0.75rem';
    const stage = document.createElement('div');
    stage.style.cssText = 'display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem;align-items:start';
    const show = (backend: Backend) => {
      for (const button of picker.querySelectorAll('button')) button.setAttribute('aria-pressed', String(button.dataset.id === backend.id));
      const chat = document.createElement('stream-chat');
      chat.setAttribute('storage', 'memory');
      chat.setAttribute('heading', backend.label);
      chat.provider = backend.provider;
      chat.endpoint = backend.endpoint;
      chat.model = FAST;
      chat.request = backend.request;
      chat.tools = [weather];
      chat.starterPrompts = backend.prompts;
      const code = document.createElement('pre');
      code.style.cssText = 'margin:0;padding:0.75rem;overflow:auto;font-size:0.8rem;border:1px solid color-mix(in srgb,currentColor 20%,transparent);border-radius:8px';
      code.textContent = backend.code;
      stage.replaceChildren(chat, code);
    };
    for (const backend of BACKENDS) {
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.id = backend.id;
      button.textContent = backend.label;
      button.addEventListener('click', () => show(backend));
      picker.append(button);
    }
    container.append(picker, stage);
    show(BACKENDS[0]);
  },
};

export default section;
