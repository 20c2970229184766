import { expect } from 'chai';
import { GRAMMARS } from '../../src/render/highlight-languages.js';
import fc from 'fast-check';
import { MarkdownStream, markdownStyles, renderMarkdown, loadHighlighter } from '../../src/render/index.js';
import { fakeClock } from './fake-clock.js';
import { answers, longMarkdownDocument, markdownDocument } from './markdown-corpus.js';

function reference(text: string): HTMLElement {
  const div = document.createElement('div');
  div.append(renderMarkdown(text));
  return div;
}

/**
 * Streams `text` cut at `cuts`, a frame running after the pieces for which `frameAfter` says so. When
 * `frameAfter` has an even length, the whole text is held by an owner the stream reads back from
 * (`textSoFar`, ahead of what was appended), as the element does; else the stream keeps its own source.
 */
function stream(text: string, cuts: number[], frameAfter: boolean[]): HTMLElement {
  const clock = fakeClock();
  const div = document.createElement('div');
  const md = new MarkdownStream(div, { clock, textSoFar: frameAfter.length % 2 === 0 ? () => text : undefined });
  const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
  let from = 0;
  points.push(text.length);
  points.forEach((to, i) => {
    md.append(text.slice(from, to));
    from = to;
    if (frameAfter[i % frameAfter.length]) clock.advance(16);
  });
  md.finish();
  return div;
}

function expectSame(actual: HTMLElement, expected: HTMLElement, text: string) {
  if (!actual.isEqualNode(expected)) {
    expect(actual.innerHTML, `for ${JSON.stringify(text)}`).to.equal(expected.innerHTML);
    expect.fail(`DOM differs (same HTML) for ${JSON.stringify(text)}`);
  }
}

// Grammars load on demand; these tests compare renders, so every grammar is there from the start.
before(() => loadHighlighter(Object.keys(GRAMMARS)));

describe('MarkdownStream', () => {
  it('ends with the same DOM as a one-shot render, for realistic answers cut anywhere', function () {
    this.timeout(300_000);
    for (const text of answers) {
      fc.assert(
        fc.property(fc.array(fc.nat(text.length), { maxLength: 60 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), (cuts, frames) => {
          expectSame(stream(text, cuts, frames), reference(text), text);
        }),
        { numRuns: 60 },
      );
    }
  });

  it('ends with the same DOM as a one-shot render, for generated documents cut anywhere', function () {
    this.timeout(300_000); // hundreds of documents: slow on a busy machine
    fc.assert(
      fc.property(
        markdownDocument,
        fc.array(fc.nat(3000), { maxLength: 80 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (text, cuts, frames) => {
          expectSame(stream(text, cuts, frames), reference(text), text);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('ends with the same DOM as a one-shot render, for long documents spread over several parts', function () {
    this.timeout(300_000);
    fc.assert(
      fc.property(
        longMarkdownDocument,
        fc.array(fc.nat(20_000), { maxLength: 200 }),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
        (text, cuts, frames) => {
          const streamed = stream(text, cuts, frames);
          expect(streamed.querySelectorAll(':scope > .md-group > .md-part').length).to.equal(reference(text).querySelectorAll(':scope > .md-group > .md-part').length);
          expectSame(streamed, reference(text), text);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('puts big blocks in parts of their own, streamed or not, so finished ones can be skipped off screen', () => {
    // Twelve 1,500-character paragraphs (too short to be cut while streaming): a part closes once it
    // holds PART_CHARS (8 KB) of source, here after six of them rather than after 32 blocks.
    const text = Array.from({ length: 12 }, (_, i) => `${i} ${'word '.repeat(300)}`).join('\n\n');
    const cuts = Array.from({ length: text.length / 700 }, (_, i) => i * 700);
    const streamed = stream(text, cuts, [true]);
    const parts = [...streamed.querySelectorAll(':scope > .md-group > .md-part')];
    expect(parts.map((part) => part.children.length)).to.deep.equal([6, 6]);
    expect(reference(text).querySelectorAll(':scope > .md-group > .md-part').length).to.equal(2);
    expectSame(streamed, reference(text), text);
  });

  it('groups parts by 32, streamed or not, so the container of a long answer holds few children', () => {
    // 1,100 one-line paragraphs: 35 parts of up to 32 blocks, in two groups.
    const text = Array.from({ length: 1100 }, (_, i) => `Line ${i}.`).join('\n\n');
    const cuts = Array.from({ length: text.length / 997 }, (_, i) => i * 997);
    const streamed = stream(text, cuts, [true, false]);
    const groups = [...streamed.querySelectorAll(':scope > .md-group')];
    expect(streamed.children.length).to.equal(2);
    expect(groups.map((group) => group.querySelectorAll(':scope > .md-part').length)).to.deep.equal([32, 3]);
    expect(reference(text).querySelectorAll(':scope > .md-group').length).to.equal(2);
    // The first group is finished (skippable off screen), the growing one is not.
    expect(groups.map((group) => group.classList.contains('md-group-done'))).to.deep.equal([true, false]);
    expectSame(streamed, reference(text), text);
  });

  it('a group that empties when the tail is rendered again takes the finished mark off the one before', () => {
    // 1,024 blocks fill the first group; a paragraph `[a]` starts a second, then becomes a link definition,
    // which shows nothing: the second group goes, and the first is the growing one again.
    const first = Array.from({ length: 1024 }, (_, i) => `Line ${i}.`).join('\n\n');
    const div = document.createElement('div');
    const clock = fakeClock();
    const md = new MarkdownStream(div, { clock });
    md.append(`${first}\n\n[a]`);
    clock.advance(16);
    const groups = () => [...div.querySelectorAll(':scope > .md-group')].map((group) => group.className);
    expect(groups()).to.deep.equal(['md-group md-group-done', 'md-group']);
    md.append(': /url');
    md.finish();
    expect(groups()).to.deep.equal(['md-group']);
    const text = `${first}\n\n[a]: /url`;
    expectSame(div, reference(text), text);
  });

  it('a finished part skipped off screen keeps the height it had, and the space between parts is the same before and after', async () => {
    const style = document.createElement('style');
    style.textContent = markdownStyles;
    document.head.append(style);
    const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const clock = fakeClock();
    const div = document.createElement('div');
    div.className = 'md';
    div.style.cssText = 'width: 300px; margin-top: 200vh'; // below the viewport: finished parts are skipped
    document.body.append(div);
    try {
      const md = new MarkdownStream(div, { clock });
      const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `Paragraph ${i} ${'with some words '.repeat(i % 5)}`).join('\n\n');
      const parts = () => [...div.querySelectorAll<HTMLElement>('.md-part')];
      const height = (part: HTMLElement) => part.getBoundingClientRect().height;
      const gap = (a: HTMLElement, b: HTMLElement) => b.getBoundingClientRect().top - a.getBoundingClientRect().bottom;
      const skipped = (part: HTMLElement) => getComputedStyle(part).contentVisibility === 'auto';
      // 32 blocks fill a part: the first part, growing, laid out.
      md.append(paragraphs(32));
      clock.advance(16);
      await frame();
      const [first] = parts();
      const firstHeight = height(first);
      expect(skipped(first)).to.equal(false);
      // A heading (a top margin of its own) starts the second part: the first is finished and skipped.
      md.append('\n\n## Heading\n\n' + paragraphs(31));
      clock.advance(16);
      await frame();
      const [, second] = parts();
      expect(skipped(first)).to.equal(true);
      // Its height as laid out, plus the bottom margin of its last block, no longer the answer's last.
      const margin = parseFloat(getComputedStyle(first.lastElementChild!).marginBottom);
      expect(margin).to.be.above(0);
      expect(height(first)).to.equal(firstHeight + margin);
      const firstGap = gap(first, second);
      const secondHeight = height(second);
      // A third part: the second is skipped too; nothing above the third moves.
      md.append('\n\n## Another\n\nEnd.');
      md.finish();
      await frame();
      const [, , third] = parts();
      expect(skipped(second)).to.equal(true);
      expect(height(first)).to.equal(firstHeight + margin);
      expect(height(second)).to.equal(secondHeight);
      expect(gap(first, second)).to.equal(firstGap);
      expect(gap(second, third)).to.equal(firstGap);
    } finally {
      div.remove();
      style.remove();
    }
  });

  it('a 100 KB line without a newline, streamed: cut into paragraphs, no part holding much more than 8 KB', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    const md = new MarkdownStream(div, { clock });
    const text = `${'word '.repeat(20_000)}END`;
    for (let i = 0; i < text.length; i += 500) {
      md.append(text.slice(i, i + 500));
      clock.advance(16);
    }
    md.finish();
    const parts = [...div.querySelectorAll(':scope > .md-group > .md-part')];
    expect(parts.length).to.be.at.least(5);
    for (const part of parts.slice(0, -1)) expect(part.textContent!.length).to.be.at.most(8 * 1024 + 16 * 1024);
    expect(div.textContent!.replace(/\s+/g, '')).to.equal(text.replace(/\s+/g, ''));
  });

  it('matches the one-shot render character by character, with a frame after every character', () => {
    const text = answers[0];
    const cuts = Array.from({ length: text.length }, (_, i) => i);
    expectSame(stream(text, cuts, [true]), reference(text), text);
  });

  it('keeps the DOM nodes of finished blocks while later text streams in', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    const md = new MarkdownStream(div, { clock });
    md.append('# Title\n\nFirst paragraph with a [link](https://example.com).\n\n- one\n- two\n\nSecond');
    clock.advance(16);
    const heading = div.querySelector('h1')!;
    const paragraph = div.querySelector('p')!;
    const list = div.querySelector('ul')!;
    const textNode = paragraph.firstChild!;
    for (const piece of [' paragraph', ' grows.\n\n', '| a | b |\n', '|---|---|\n', '| 1 | 2 |\n', '\nThe end.']) {
      md.append(piece);
      clock.advance(16);
      expect(div.querySelector('h1')).to.equal(heading);
      expect(div.querySelector('p')).to.equal(paragraph);
      expect(paragraph.firstChild).to.equal(textNode);
      expect(div.querySelector('ul')).to.equal(list);
    }
    md.finish();
    expect(div.querySelector('h1')).to.equal(heading);
    expect(div.querySelector('ul')).to.equal(list);
  });

  it('grows a streaming list and table in place: earlier items and rows keep their nodes', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    const md = new MarkdownStream(div, { clock });
    md.append('- one\n- two\n- thr');
    clock.advance(16);
    const list = div.querySelector('ul')!;
    const first = list.querySelector('li')!;
    md.append('ee\n- four');
    clock.advance(16);
    expect(div.querySelector('ul')).to.equal(list);
    expect(list.querySelector('li')).to.equal(first);
    expect([...list.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal(['one', 'two', 'three', 'four']);
    md.append('\n\n| a | b |\n|---|---|\n| 1 | 2 |\n| 3 |');
    clock.advance(16);
    const table = div.querySelector('table')!;
    const row = table.querySelector('tbody tr')!;
    md.append(' 4 |\n| 5 | 6 |\n');
    clock.advance(16);
    expect(div.querySelector('table')).to.equal(table);
    expect(table.querySelector('tbody tr')).to.equal(row);
    md.finish();
    expectSame(div, reference(md.text), md.text);
  });

  it('keeps a text selection in a finished block across later appends', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    document.body.append(div);
    try {
      const md = new MarkdownStream(div, { clock });
      md.append('A sentence the reader selects.\n\nMore text');
      clock.advance(16);
      const range = document.createRange();
      range.selectNodeContents(div.querySelector('p')!);
      const selection = getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      for (let i = 0; i < 20; i++) {
        md.append(` word${i}`);
        clock.advance(16);
      }
      expect(selection.toString()).to.equal('A sentence the reader selects.');
    } finally {
      div.remove();
    }
  });

  it('renders at most once per frame, however many appends', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    const md = new MarkdownStream(div, { clock });
    for (const ch of 'Hello **world**') md.append(ch);
    expect(div.innerHTML).to.equal('');
    expect(clock.pending).to.equal(1);
    clock.advance(16);
    expect(div.querySelector('strong')?.textContent).to.equal('world');
  });

  it('highlights a code block once its fence closes, and not before', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    const md = new MarkdownStream(div, { clock });
    md.append('```js\nconst answer = 42;\n');
    clock.advance(16);
    const code = () => div.querySelector('pre code')!;
    expect(code().textContent).to.equal('const answer = 42;\n');
    expect(code().querySelector('.hljs-keyword')).to.equal(null);
    md.append('```\n');
    clock.advance(16);
    expect(code().classList.contains('hljs')).to.equal(true);
    expect(code().querySelector('.hljs-keyword')?.textContent).to.equal('const');
    expect(code().querySelector('.hljs-number')?.textContent).to.equal('42');
  });

  it('highlights a fence left open when the stream finishes', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    const md = new MarkdownStream(div, { clock });
    md.append('```python\ndef f(x):\n    return x\n');
    clock.advance(16);
    expect(div.querySelector('.hljs-keyword')).to.equal(null);
    md.finish();
    expect(div.querySelector('.hljs-keyword')?.textContent).to.equal('def');
  });

  it('resolves a reference link whose definition arrives after its use', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    const md = new MarkdownStream(div, { clock });
    md.append('See [the docs][docs].\n\n# Next\n\nMore text.\n\n');
    clock.advance(16);
    expect(div.querySelector('a')).to.equal(null);
    md.append('[docs]: https://example.com/docs\n');
    clock.advance(16);
    expect(div.querySelector('a')?.getAttribute('href')).to.equal('https://example.com/docs');
    md.finish();
    expectSame(div, reference(md.text), md.text);
  });

  it('given the owner\'s text, keeps no copy of finished blocks\' source and reads it back when a late definition needs it', () => {
    const clock = fakeClock();
    const div = document.createElement('div');
    let owner = '';
    const md = new MarkdownStream(div, { clock, textSoFar: () => owner });
    const section = (i: number) => `## Part ${i}\n\nSee [the docs][docs], part ${i}.\n\n- one\n- two\n\n`;
    const body = Array.from({ length: 2_000 }, (_, i) => section(i)).join('');
    const text = `${body}[docs]: https://example.com/docs\n\nEND`;
    for (let i = 0; i < text.length; i += 2_000) {
      owner += text.slice(i, i + 2_000);
      md.append(text.slice(i, i + 2_000));
      clock.advance(16);
    }
    md.finish();
    // The late definition turned every earlier reference into a link: their source came back from the owner.
    expect(div.querySelectorAll('a[href="https://example.com/docs"]').length).to.equal(2_000);
    expectSame(div, reference(text), text);
    // What the stream reports as its text is the owner's: a change there shows, so no copy is kept.
    owner = 'X'.repeat(body.length) + owner.slice(body.length);
    expect(md.text.startsWith('XXXX')).to.equal(true);
    expect(md.text.length).to.equal(text.length);
  });

  it('setText() replaces everything and renders it complete', () => {
    const div = document.createElement('div');
    const md = new MarkdownStream(div, { clock: fakeClock() });
    md.append('# Old');
    md.setText('```js\nlet x;\n```\n\nNew text');
    expect(md.text).to.equal('```js\nlet x;\n```\n\nNew text');
    expectSame(div, reference(md.text), md.text);
    expect(div.querySelector('h1')).to.equal(null);
  });

  it('treats \\r\\n split across chunks like one line break', () => {
    const text = '# Title\r\n\r\n- a\r\n- b\r\n\r\nText';
    const div = stream(text, [8, 9, 10, 11, 18, 19], [true]);
    expectSame(div, reference(text), text);
  });
});
