// React 19 sets a custom element's props as properties (arrays, functions and zod schemas as they are)
// and `on<event-name>` listens to that event. The typings come from 'stream-chat-element/jsx' (tsconfig "types").
// On React 18, use the wrapper instead: import { StreamChat } from 'stream-chat-element/react'.
import { useRef, useState } from 'react';
import { z } from 'zod';
import 'stream-chat-element';
import type { StreamChatEventMap, Tool } from 'stream-chat-element';

const weather: Tool = {
  name: 'get_weather',
  description: 'The weather in a city today',
  parameters: z.object({ city: z.string().describe('City name') }),
  execute: async ({ city }: { city: string }) => ({ city, forecast: 'sunny', temperatureC: 21 }),
};

export function App() {
  const chat = useRef<HTMLElementTagNameMap['stream-chat']>(null);
  // Stable arrays and functions: a new array on every render would be a new value for the element each time.
  const [tools] = useState<Tool[]>(() => [weather]);
  const [systemPrompt] = useState('You are the weather desk of Example Air. Answer in one short paragraph.');
  const [turns, setTurns] = useState(0);
  const [toolsRun, setToolsRun] = useState<string[]>([]);

  const onEnd = (event: StreamChatEventMap['stream-chat-end']) => {
    if (event.detail.finishReason !== 'error') setTurns((n) => n + 1);
  };
  const onToolEnd = (event: StreamChatEventMap['stream-chat-tool-end']) => setToolsRun((names) => [...names, event.detail.name]);

  return (
    <main>
      <button id="ask" onClick={() => chat.current?.send('Use get_weather in Paris')}>
        Ask about the weather in Paris
      </button>
      <output id="status">
        Turns ended: {turns}. Tools run: {toolsRun.join(', ') || 'none'}.
      </output>
      <stream-chat
        ref={chat}
        baseUrl={`${location.origin}/v1`}
        model="dev"
        storage="memory"
        systemPrompt={systemPrompt}
        tools={tools}
        onstream-chat-end={onEnd}
        onstream-chat-tool-end={onToolEnd}
        style={{ height: '30rem' }}
      />
    </main>
  );
}
