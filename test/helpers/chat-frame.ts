/**
 * A `<stream-chat>` on a page of its own: a same-origin frame, so it has its own IndexedDB connection,
 * BroadcastChannel and Web Locks client, as a tab has, and removing the frame ends the page as a reload
 * would. The element gets `properties`, is put on the page, and once its history is ready it sends
 * `send` (when given) and is handed to the test through `chatIn()`.
 */
import type { StreamChat } from '../../src/ui/stream-chat.js';
import { waitFor } from './wait-for.js';

export function chatFrame(properties: Record<string, unknown>, send?: string): HTMLIFrameElement {
  const frame = document.createElement('iframe');
  frame.srcdoc = `<script type="module">
    import '/src/define.ts';
    const el = Object.assign(document.createElement('stream-chat'), ${JSON.stringify(properties)});
    document.body.append(el);
    await el.updateComplete;
    await el.historyController.ready;
    window.chat = el;
    ${send === undefined ? '' : `el.send(${JSON.stringify(send)});`}
  </script>`;
  document.body.append(frame);
  return frame;
}

/** The frame's element, once it is ready (two frames loading the element are slow on a busy machine). */
export function chatIn(frame: HTMLIFrameElement): Promise<StreamChat> {
  return waitFor(() => (frame.contentWindow as unknown as { chat?: StreamChat } | null)?.chat, 'the frame to load', 30_000);
}
