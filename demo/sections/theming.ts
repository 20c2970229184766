/**
 * Theming from the outside: the `theme` attribute (light, dark, or the system's), `--stream-chat-*`
 * custom properties, and `::part()` for anything finer. No stylesheet inside the element to override.
 */
import { demoChat, type DemoSection } from '../section.js';

const PAGE_CSS = `
.theme-demo { display: grid; grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr)); gap: 1rem; }
.theme-demo stream-chat { height: 26rem; }
stream-chat.brand {
  --stream-chat-bg: #fffaf3;
  --stream-chat-fg: #3b2f2f;
  --stream-chat-muted: #6f5b4b;
  --stream-chat-border: #ead9c6;
  --stream-chat-accent: #b4451f;
  --stream-chat-accent-fg: #ffffff;
  --stream-chat-user-bg: #f6e3cf;
  --stream-chat-code-bg: #f3ebe1;
  --stream-chat-radius: 1.25rem;
  --stream-chat-font: Georgia, 'Times New Roman', serif;
  --stream-chat-max-width: 34rem;
}
stream-chat.brand::part(header) { background: #b4451f; color: #fff; border: 0; }
stream-chat.brand::part(new-button) { color: #fff; }
stream-chat.brand::part(user-bubble) { border-end-end-radius: 1.25rem; border-start-end-radius: 0.25rem; }
stream-chat.brand::part(send-button) { background: #3b2f2f; border-color: #3b2f2f; }
`;

function variant(settings: Parameters<DemoSection['mount']>[1], label: string, setup: (chat: HTMLElement) => void) {
  const figure = document.createElement('figure');
  figure.style.margin = '0';
  const chat = demoChat(settings, label);
  chat.starterPrompts = ['Show me some code and a table'];
  setup(chat);
  const caption = document.createElement('figcaption');
  caption.style.cssText = 'font-size:0.85rem;opacity:0.8;margin-top:0.25rem';
  caption.innerHTML = chat.dataset.caption ?? '';
  figure.append(chat, caption);
  return figure;
}

const section: DemoSection = {
  id: 'theming',
  title: 'Theming: dark mode, custom properties, parts',
  order: 70,
  chapter: 'Theming',
  description:
    'Three copies of the element. Left: <code>theme="dark"</code>. Middle: no theme, so it follows the system (<code>prefers-color-scheme</code>). Right: brand colours, font and radius through <code>--stream-chat-*</code> properties, and the header and send button restyled through <code>::part()</code>.',
  mount(container, settings) {
    const style = document.createElement('style');
    style.textContent = PAGE_CSS;
    const grid = document.createElement('div');
    grid.className = 'theme-demo';
    grid.append(
      variant(settings, 'Dark', (chat) => {
        chat.setAttribute('theme', 'dark');
        chat.dataset.caption = '<code>theme="dark"</code>';
      }),
      variant(settings, 'System', (chat) => {
        chat.dataset.caption = 'no <code>theme</code>: light or dark as the system says';
      }),
      variant(settings, 'Brand', (chat) => {
        chat.classList.add('brand');
        chat.setAttribute('theme', 'light');
        chat.dataset.caption = 'custom properties and <code>::part()</code>';
      }),
    );
    container.append(style, grid);
  },
};

export default section;
