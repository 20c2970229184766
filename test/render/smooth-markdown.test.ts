import { expect } from 'chai';
import { GRAMMARS } from '../../src/render/highlight-languages.js';
import { SmoothMarkdown, instantRelease, renderMarkdown, loadHighlighter } from '../../src/render/index.js';
import { fakeClock } from './fake-clock.js';

const ANSWER = '# Plan\n\n1. Read the **docs**\n2. Try it:\n\n```ts\nconst x: number = 1;\n```\n\nDone 👍🏽.\n';

function reference(text: string): string {
  const div = document.createElement('div');
  div.append(renderMarkdown(text));
  return div.innerHTML;
}

// Grammars load on demand; these tests compare renders, so every grammar is there from the start.
before(() => loadHighlighter(Object.keys(GRAMMARS)));

describe('SmoothMarkdown', () => {
  it('shows a stream gradually, one render per frame, and ends identical to a one-shot render', async () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    const view = new SmoothMarkdown(div, { clock, instant: () => false });
    for (let i = 0; i < ANSWER.length; i += 5) view.push(ANSWER.slice(i, i + 5));
    expect(view.text).to.equal(ANSWER);
    expect(div.textContent).to.equal('');
    clock.advance(64);
    const partly = div.textContent!.length;
    expect(partly).to.be.greaterThan(0);
    expect(view.backlog).to.be.greaterThan(0);
    view.finish();
    clock.advance(300);
    await view.done;
    expect(view.backlog).to.equal(0);
    expect(div.innerHTML).to.equal(reference(ANSWER));
    expect(div.querySelector('.hljs-keyword')?.textContent).to.equal('const');
  });

  it('flush() shows everything received at once (a stopped answer)', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    const view = new SmoothMarkdown(div, { clock, instant: () => false });
    view.push('Some **bold** text and more');
    view.flush();
    expect(div.textContent).to.equal('Some bold text and more\n');
  });

  it('shows text as it arrives when motion is reduced, still rendering once per frame', () => {
    const div = document.createElement('div');
    const clock = fakeClock();
    const view = new SmoothMarkdown(div, { clock, instant: () => true });
    view.push('Hello ');
    view.push('**world**');
    expect(view.backlog).to.equal(0);
    expect(clock.pending).to.equal(1, 'one render scheduled for both chunks');
    clock.frame();
    expect(div.querySelector('strong')?.textContent).to.equal('world');
  });

  it('setText() renders history complete, with no animation', async () => {
    const div = document.createElement('div');
    const view = new SmoothMarkdown(div, { clock: fakeClock() });
    view.setText(ANSWER);
    await view.done;
    expect(div.innerHTML).to.equal(reference(ANSWER));
  });
});

describe('instantRelease()', () => {
  const fakeWindow = (reduce: boolean, visibility: DocumentVisibilityState) =>
    ({ matchMedia: () => ({ matches: reduce }), document: { visibilityState: visibility } }) as unknown as Window;

  it('is true under prefers-reduced-motion or in a hidden tab, false otherwise', () => {
    expect(instantRelease(fakeWindow(true, 'visible'))()).to.equal(true);
    expect(instantRelease(fakeWindow(false, 'hidden'))()).to.equal(true);
    expect(instantRelease(fakeWindow(false, 'visible'))()).to.equal(false);
  });

  it('reads the real page', () => {
    expect(instantRelease()()).to.equal(matchMedia('(prefers-reduced-motion: reduce)').matches || document.visibilityState === 'hidden');
  });
});
