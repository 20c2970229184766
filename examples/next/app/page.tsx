// A server component: the page is rendered on the server; the chat is left to the browser.
import { ChatIsland } from './chat-island';

export default function Page() {
  return (
    <main>
      <h1>Weather desk</h1>
      <ChatIsland />
    </main>
  );
}
