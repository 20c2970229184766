'use client';
// The element needs a browser (custom elements, IndexedDB, fetch streams): load it on the client only.
import dynamic from 'next/dynamic';

const WeatherChat = dynamic(() => import('./weather-chat'), {
  ssr: false,
  loading: () => <p>Loading the chat…</p>,
});

export function ChatIsland() {
  return <WeatherChat />;
}
