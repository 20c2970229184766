'use client';
// Deliberate mistakes: each marked line must fail tsc (the React wrapper's props).
import { StreamChat } from 'stream-chat-element/react';

export function Mistakes() {
  return (
    <StreamChat
      tools={123}
      systemPrompt={42}
      onEnd={(event) => event.detail.nope}
    />
  );
}
