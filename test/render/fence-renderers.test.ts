/** Fence renderers: run once a fence closes, sanitized, and a failing one leaves the code with a notice. */
import { expect } from 'chai';
import { MarkdownStream, type FenceRenderers } from '../../src/render/index.js';
import { fakeClock } from './fake-clock.js';
import { waitFor } from '../helpers/wait-for.js';

function streamInto(renderers: FenceRenderers) {
  const div = document.createElement('div');
  document.body.append(div);
  const clock = fakeClock();
  const md = new MarkdownStream(div, { clock, renderers });
  return { div, md, clock };
}

afterEach(() => document.querySelectorAll('body > div').forEach((node) => node.remove()));

describe('fence renderers', () => {
  it('runs when the fence closes, with the code, and shows what it returns', async () => {
    const calls: string[] = [];
    const { div, md, clock } = streamInto({
      shout: (code) => {
        calls.push(code);
        const strong = document.createElement('strong');
        strong.textContent = code.toUpperCase();
        return strong;
      },
    });
    md.append('Before\n\n```shout\nhello\n');
    clock.advance(16);
    expect(calls, 'not while the fence is open').to.deep.equal([]);
    expect(div.querySelector('pre code')?.textContent).to.equal('hello\n');
    md.append('```\n\nAfter\n');
    clock.advance(16);
    const shown = await waitFor(() => div.querySelector('.md-rendered strong'), 'the rendered block');
    expect(shown.textContent).to.equal('HELLO\n');
    expect(calls).to.deep.equal(['hello\n']);
    md.finish();
    expect(calls, 'once').to.have.length(1);
    expect(div.querySelector('pre')).to.equal(null);
  });

  it('sanitizes the output: no script, no handlers, no loads; SVG stays', async () => {
    const { div, md } = streamInto({
      evil: () => {
        // Made in an inert document: the same markup made in this page would load the image and run its
        // handler from the renderer's own element, whatever the widget then shows.
        const box = document.implementation.createHTMLDocument('').createElement('div');
        box.innerHTML =
          '<img src="https://example.com/x.png" onerror="window.__hit = 1"><script>window.__hit = 2</script>' +
          '<svg viewBox="0 0 10 10" onload="window.__hit = 3"><a href="javascript:alert(1)"><rect width="5" height="5"/></a>' +
          '<image href="https://example.com/y.png"/><foreignObject><iframe src="https://example.com"></iframe></foreignObject></svg>' +
          '<p style="background:url(https://example.com/z)">styled</p><p style="color: red">red</p>';
        return box;
      },
    });
    md.setText('```evil\nx\n```\n');
    await waitFor(() => div.querySelector('.md-rendered'), 'the rendered block');
    const rendered = div.querySelector('.md-rendered')!;
    expect(rendered.querySelectorAll('img, script, a, image, foreignObject, iframe, [href], [src]')).to.have.length(0);
    for (const element of rendered.querySelectorAll('*')) for (const { name } of element.attributes) expect(name).not.to.match(/^on/);
    expect(rendered.querySelector('rect')).to.not.equal(null);
    expect([...rendered.querySelectorAll('p')].map((p) => p.getAttribute('style'))).to.deep.equal([null, 'color: red']);
    expect((window as { __hit?: number }).__hit).to.equal(undefined);
  });

  it('a renderer that throws leaves the code block with a notice and an event', async () => {
    const { div, md } = streamInto({ broken: () => { throw new Error('bad input'); } });
    const event = new Promise<CustomEvent>((resolve) => div.addEventListener('stream-chat-renderer-error', (e) => resolve(e as CustomEvent), { once: true }));
    md.setText('```broken\nx = 1\n```\n');
    expect((await event).detail).to.deep.equal({ language: 'broken', message: 'bad input' });
    expect(div.querySelector('pre code')?.textContent).to.equal('x = 1\n');
    expect(div.querySelector('.md-render-error')?.textContent).to.equal('The broken renderer failed (bad input); the code is shown instead.');
  });

  it('a renderer that never ends is abandoned after 10 s: its signal aborts and the code stays', async function () {
    this.timeout(20_000);
    let signal: AbortSignal | undefined;
    const { div, md } = streamInto({ slow: (_code, context) => ((signal = context.signal), new Promise<Node>(() => {})) });
    md.setText('```slow\nwait\n```\n');
    await waitFor(() => div.querySelector('.md-render-error'), 'the timeout notice', 15_000);
    expect(signal?.aborted).to.equal(true);
    expect(div.querySelector('.md-render-error')?.textContent).to.match(/slow renderer failed \(it took longer than 10 s\)/);
    expect(div.querySelector('pre code')?.textContent).to.equal('wait\n');
  });

  it('aborts a running renderer when the answer leaves the screen', async () => {
    let signal: AbortSignal | undefined;
    const { div, md } = streamInto({ slow: (_code, context) => ((signal = context.signal), new Promise<Node>(() => {})) });
    md.setText('```slow\nwait\n```\n');
    await waitFor(() => signal, 'the renderer to start');
    md.dispose();
    expect(signal!.aborted).to.equal(true);
    expect(div.querySelector('.md-render-error')).to.equal(null);
  });
});
