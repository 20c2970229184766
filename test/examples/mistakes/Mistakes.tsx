// Deliberate mistakes: each marked line must fail tsc (JSX typings of <stream-chat> and the DOM event map).
import 'stream-chat-element';

export function Mistakes() {
  return (
    <stream-chat
      tools={123}
      systemPrompt={42}
      onstream-chat-end={(event) => event.detail.nope}
    />
  );
}

export function Typo() {
  return <stream-chat modle="dev" />;
}

document.querySelector('stream-chat')?.addEventListener('stream-chat-end', (event) => event.detail.nope);
