/**
 * The render layer on its own: one long answer from the backend, shown twice side by side. Left, each
 * network delta goes straight into a MarkdownStream (text jumps in bursts); right, the same deltas go
 * through the Smoother first (an even flow, one release per frame, never more than a quarter second behind).
 * Under each pane: renders, the slowest render, and the smoother's backlog.
 */
import { runChat, type RunChatOptions } from '../../src/core/index.js';
import { MarkdownStream, Smoother, instantRelease, markdownStyles, type FrameClock } from '../../src/render/index.js';
import type { DemoSection, DemoSettings } from '../section.js';

const SPEEDS: [string, string][] = [
  // label, dev-model pacing
  ['Bursty network, ~600 chars/s', 'rate=600;burst=0.85;chunk=40'],
  ['Steady, ~250 chars/s', 'rate=250;burst=0;chunk=6'],
  ['As fast as possible', 'rate=0;chunk=8'],
];

/** A frame clock that also times the work done in each frame, for the stats line. */
function timedClock(onWork: (ms: number) => void): FrameClock {
  return {
    now: () => performance.now(),
    requestFrame: (cb) =>
      requestAnimationFrame((time) => {
        const start = performance.now();
        cb(time);
        onWork(performance.now() - start);
      }),
    cancelFrame: (id) => cancelAnimationFrame(id),
  };
}

function ensureStyles(): void {
  if (document.getElementById('stream-chat-markdown-styles')) return;
  const style = document.createElement('style');
  style.id = 'stream-chat-markdown-styles';
  style.textContent = `${markdownStyles}
.md-demo-panes { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; }
.md-demo-pane { border: 1px solid color-mix(in srgb, currentColor 20%, transparent); border-radius: 8px; padding: 0.75rem 1rem; height: 26rem; overflow: auto; }
.md-demo-pane-title { margin: 0 0 0.25rem; font-size: 0.95rem; }
.md-demo-stats { font: 0.8rem ui-monospace, monospace; opacity: 0.8; margin: 0.25rem 0 0; min-height: 1.2em; }
@media (max-width: 50rem) { .md-demo-panes { grid-template-columns: 1fr; } }`;
  document.head.append(style);
}

interface Pane {
  element: HTMLElement;
  body: HTMLElement;
  stats: HTMLElement;
}

function pane(title: string): Pane {
  const element = document.createElement('div');
  const heading = document.createElement('h3');
  heading.className = 'md-demo-pane-title';
  heading.textContent = title;
  const body = document.createElement('div');
  body.className = 'md md-demo-pane';
  body.setAttribute('aria-label', title);
  const stats = document.createElement('p');
  stats.className = 'md-demo-stats';
  element.append(heading, body, stats);
  return { element, body, stats };
}

/** Keeps a pane scrolled to the bottom while it grows, unless the reader scrolled up. */
function follow(body: HTMLElement): () => void {
  let pinned = true;
  let lastSet = 0;
  body.addEventListener('scroll', () => {
    // Our own scrolling never moves up; content growing meanwhile must not read as the reader leaving.
    if (body.scrollTop < lastSet - 2) pinned = false;
    if (body.scrollHeight - body.scrollTop - body.clientHeight < 40) pinned = true;
  });
  return () => {
    if (!pinned) return;
    body.scrollTop = body.scrollHeight;
    lastSet = body.scrollTop;
  };
}

const section: DemoSection = {
  id: 'markdown-streaming',
  title: 'Smooth streaming markdown',
  order: 20,
  chapter: 'Streaming',
  description:
    'A long answer rendered as it streams, twice: on the left each network chunk is shown as it lands; on the right the same chunks pass through the <code>Smoother</code>, which releases text once per frame at a rate that adapts to the backlog. Both panes render markdown incrementally: finished blocks are rendered once and kept (select some text while it streams: the selection survives), only the last block is redrawn, and code is highlighted when its fence closes. With <em>reduce motion</em> set in your system, the smoother shows text as it arrives.',
  mount(container: HTMLElement, settings: DemoSettings) {
    ensureStyles();
    const form = document.createElement('form');
    form.className = 'settings';
    const speed = document.createElement('select');
    speed.setAttribute('aria-label', 'Network pacing');
    SPEEDS.forEach(([label], i) => speed.append(new Option(label, String(i))));
    if (!settings.usingDevModel) speed.disabled = true;
    const start = document.createElement('button');
    start.type = 'submit';
    start.textContent = 'Stream a long answer';
    const stop = document.createElement('button');
    stop.type = 'button';
    stop.textContent = 'Stop';
    stop.disabled = true;
    form.append(speed, start, stop);

    const panes = document.createElement('div');
    panes.className = 'md-demo-panes';
    const raw = pane('Chunks as they arrive');
    const smooth = pane('Through the Smoother');
    panes.append(raw.element, smooth.element);
    container.append(form, panes);

    let abort: (() => void) | undefined;
    stop.addEventListener('click', () => abort?.());
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      raw.body.textContent = '';
      smooth.body.textContent = '';
      const measures = { raw: { renders: 0, max: 0 }, smooth: { renders: 0, max: 0 } };
      const note = (which: 'raw' | 'smooth') => (ms: number) => {
        measures[which].renders++;
        measures[which].max = Math.max(measures[which].max, ms);
      };
      const rawFollow = follow(raw.body);
      const smoothFollow = follow(smooth.body);
      const rawMarkdown = new MarkdownStream(raw.body, { clock: timedClock(note('raw')) });
      const smoothMarkdown = new MarkdownStream(smooth.body);
      const smoother = new Smoother(
        (text, done) => {
          const begin = performance.now();
          smoothMarkdown.append(text);
          if (done) smoothMarkdown.finish();
          else smoothMarkdown.flush(); // same frame as the release
          note('smooth')(performance.now() - begin);
          smoothFollow();
        },
        { instant: instantRelease() },
      );
      const statsTimer = setInterval(() => {
        raw.stats.textContent = `${measures.raw.renders} renders · slowest ${measures.raw.max.toFixed(1)} ms · ${rawMarkdown.text.length} chars`;
        smooth.stats.textContent = `${measures.smooth.renders} renders · slowest ${measures.smooth.max.toFixed(1)} ms · ${smoothMarkdown.text.length} chars · backlog ${smoother.backlog}`;
        rawFollow();
      }, 100);

      const [, pacing] = SPEEDS[Number(speed.value)];
      const options: RunChatOptions = {
        provider: settings.provider as RunChatOptions['provider'],
        baseURL: settings.baseURL,
        endpoint: settings.endpoint,
        apiKey: settings.apiKey || undefined,
        model: settings.usingDevModel ? `dev;${pacing};words=2500` : settings.model,
        messages: [{ role: 'user', content: 'Write a long, detailed guide to streaming responses in web apps, with code samples, a table and lists.' }],
      };
      start.disabled = true;
      stop.disabled = false;
      const run = runChat(options);
      abort = () => run.abort();
      try {
        for await (const chatEvent of run) {
          if (chatEvent.type === 'text') {
            rawMarkdown.append(chatEvent.delta);
            smoother.push(chatEvent.delta);
          } else if (chatEvent.type === 'error') {
            raw.stats.textContent = `Error: ${chatEvent.error.message}`;
          }
        }
      } finally {
        rawMarkdown.finish();
        smoother.finish();
        start.disabled = false;
        stop.disabled = true;
        setTimeout(() => clearInterval(statsTimer), 600);
      }
    });
  },
};

export default section;
