'use client';
// The React wrapper: camelCase props set as properties, on<Type> event props, a ref to the element.
// It works in React 18 and 19, and leaves the element's properties out of server-rendered HTML.
import { useRef, useState } from 'react';
import { z } from 'zod';
import { StreamChat } from 'stream-chat-element/react';
import type { Tool } from 'stream-chat-element';

const weather: Tool = {
  name: 'get_weather',
  description: 'The weather in a city today',
  parameters: z.object({ city: z.string().describe('City name') }),
  execute: async ({ city }: { city: string }) => ({ city, forecast: 'sunny', temperatureC: 21 }),
};

export default function WeatherChat() {
  const chat = useRef<HTMLElementTagNameMap['stream-chat']>(null);
  const [tools] = useState<Tool[]>(() => [weather]);
  const [systemPrompt] = useState('You are the weather desk of Example Air. Answer in one short paragraph.');
  const [turns, setTurns] = useState(0);
  const [toolsRun, setToolsRun] = useState<string[]>([]);

  return (
    <>
      <button id="ask" onClick={() => chat.current?.send('Use get_weather in Paris')}>
        Ask about the weather in Paris
      </button>
      <output id="status">
        Turns ended: {turns}. Tools run: {toolsRun.join(', ') || 'none'}.
      </output>
      <StreamChat
        ref={chat}
        baseUrl={`${location.origin}/v1`}
        model="dev"
        storage="memory"
        systemPrompt={systemPrompt}
        tools={tools}
        onEnd={(event) => event.detail.finishReason !== 'error' && setTurns((n) => n + 1)}
        onToolEnd={(event) => setToolsRun((names) => [...names, event.detail.name])}
        style={{ display: 'block', height: '30rem' }}
      />
    </>
  );
}
