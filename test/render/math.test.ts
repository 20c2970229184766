import { expect } from 'chai';
import fc from 'fast-check';
import { attachMarkdownBehavior, MarkdownStream, renderMarkdown } from '../../src/render/index.js';
import { mathPart, typesetPendingMath } from '../../src/render/math-typeset.js';
import { fakeClock } from './fake-clock.js';

/** One-shot render into a container on the page, its formulas typeset. */
async function shown(text: string): Promise<HTMLElement> {
  const div = document.createElement('div');
  div.className = 'md';
  document.body.append(div);
  div.append(renderMarkdown(text));
  attachMarkdownBehavior(div);
  await mathPart.load();
  typesetPendingMath(div);
  return div;
}

function streamed(text: string, cuts: number[]): HTMLElement {
  const clock = fakeClock();
  const div = document.createElement('div');
  const md = new MarkdownStream(div, { clock });
  let from = 0;
  for (const to of [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b)) {
    md.append(text.slice(from, to));
    from = to;
    clock.advance(16);
  }
  md.append(text.slice(from));
  md.finish();
  return div;
}

afterEach(() => document.querySelectorAll('body > .md').forEach((node) => node.remove()));

describe('math', () => {
  it('typesets each delimiter: $…$ and \\(…\\) inline, $$…$$ and \\[…\\] displayed', async () => {
    const div = await shown('Inline $x^2$ and \\(y_1\\).\n\n$$\n\\int_0^1 f\n$$\n\n\\[a+b\\]\n\nIn a line $$c$$ too.');
    const formulas = [...div.querySelectorAll('.md-math')];
    expect(formulas.map((f) => f.querySelector('annotation')?.textContent?.trim())).to.deep.equal(['x^2', 'y_1', '\\int_0^1 f', 'a+b', 'c']);
    expect(formulas.map((f) => !!f.querySelector('.katex-display'))).to.deep.equal([false, false, true, true, true]);
    expect(div.querySelectorAll('.md-math-pending')).to.have.length(0);
    expect(div.querySelectorAll('.md-math-block')).to.have.length(2);
  });

  it('leaves dollar amounts, escaped dollars and code alone', async () => {
    const text = 'It costs $5 and $10, or US$5-$10. A \\$x\\$ is not math, `$y$` is code, and $ z $ has spaces.';
    const div = await shown(text);
    expect(div.querySelectorAll('.md-math')).to.have.length(0);
    expect(div.textContent?.trim()).to.equal('It costs $5 and $10, or US$5-$10. A $x$ is not math, $y$ is code, and $ z $ has spaces.');
  });

  it('shows an open formula as its source while it streams, and typesets it once it closes', async () => {
    await mathPart.load();
    const clock = fakeClock();
    const div = document.createElement('div');
    document.body.append(div);
    const md = new MarkdownStream(div, { clock });
    md.append('Area: $\\pi r^2');
    clock.advance(16);
    expect(div.textContent?.trim()).to.equal('Area: $\\pi r^2');
    expect(div.querySelector('.md-math')).to.equal(null);
    md.append('$ and\n\n$$\n\\sum_i');
    clock.advance(16);
    expect(div.querySelectorAll('.katex')).to.have.length(1);
    expect(div.textContent).to.contain('$$\n\\sum_i');
    md.append(' i\n$$\n');
    md.finish();
    expect(div.querySelectorAll('.katex')).to.have.length(2);
    div.remove();
  });

  it('typesets formulas shown before KaTeX arrived, in place', async () => {
    const div = document.createElement('div');
    document.body.append(div);
    const md = new MarkdownStream(div, { clock: fakeClock() });
    md.setText('A $q$ here.\n\nNext paragraph.');
    const paragraph = div.querySelector('p');
    await mathPart.load();
    await new Promise<void>((resolve) => {
      const check = () => (div.querySelector('.katex') ? resolve() : requestAnimationFrame(check));
      check();
    });
    expect(div.querySelector('p')).to.equal(paragraph); // the frozen block kept its nodes
    div.remove();
  });

  it('keeps hostile TeX inert: no links, classes, styles that load, or huge rules', async () => {
    const div = await shown(
      [
        '$\\href{javascript:alert(1)}{click}$',
        '$\\url{javascript:alert(2)}$',
        '$\\htmlClass{evil}{x}$',
        '$\\htmlStyle{background:url(https://example.com/x)}{y}$',
        '$\\includegraphics{https://example.com/a.png}$',
        '$\\rule{100000em}{100000em}$',
        '$\\def\\a{\\a\\a}\\a$',
      ].join('\n\n'),
    );
    expect(div.querySelectorAll('a, img, [href], [src], .evil, script')).to.have.length(0);
    for (const element of div.querySelectorAll('*')) {
      for (const attribute of element.attributes) {
        expect(attribute.name).not.to.match(/^on/);
        expect(attribute.value).not.to.match(/javascript:|url\(/);
      }
    }
    const width = Math.max(...[...div.querySelectorAll('.rule')].map((rule) => rule.getBoundingClientRect().width), 0);
    expect(width).to.be.below(1000);
    expect(div.querySelector('.md-math-error')?.textContent).to.equal('$\\def\\a{\\a\\a}\\a$');
  });

  it('shows the source of a formula KaTeX refuses, with the reason as its title', async () => {
    const div = await shown('Bad: $\\frac{1}$ and good: $2$');
    const error = div.querySelector<HTMLElement>('.md-math-error')!;
    expect(error.textContent).to.equal('$\\frac{1}$');
    expect(error.title).to.match(/KaTeX/);
    expect(div.querySelectorAll('.katex')).to.have.length(1);
  });

  it('typesets a page of formulas in one pass, each as it would be alone, a refused one in between kept as source', async () => {
    const text = 'A $x^2$, \\(y_1\\), bad $\\frac{1}$, $a<b$ and\n\n$$\n\\sum_{k=1}^{n} k\n$$\n\n\\[\\int f\\]\n';
    const { typeset } = await mathPart.load();
    const together = document.createElement('div');
    together.append(renderMarkdown(text));
    const alone = together.cloneNode(true) as HTMLElement;
    typeset(together.querySelectorAll<HTMLElement>('.md-math-pending'));
    for (const element of alone.querySelectorAll<HTMLElement>('.md-math-pending')) typeset([element]);
    expect(together.querySelectorAll('.katex')).to.have.length(5);
    expect(together.querySelector('.md-math-error')?.textContent).to.equal('$\\frac{1}$');
    expect(together.querySelectorAll('.md-math annotation')[2].textContent).to.equal('a<b');
    expect(together.innerHTML).to.equal(alone.innerHTML);
  });

  it('typesets each closed formula in the frame that renders it: in a growing list or table, and in a block rendered again', async () => {
    await mathPart.load();
    const text =
      '- a $x_1$\n- b $x_2$\n- c \\(x_3\\)\n\n| k | v |\n|---|---|\n| 1 | $y_1$ |\n| 2 | $y_2$ |\n\n' +
      'See [ref] and $z$.\n\nMore $w$ text.\n\n[ref]: https://example.com\n';
    const clock = fakeClock();
    const div = document.createElement('div');
    div.className = 'md';
    document.body.append(div);
    const md = new MarkdownStream(div, { clock });
    for (let i = 0; i < text.length; i += 3) {
      md.append(text.slice(i, i + 3));
      clock.advance(16);
      expect(div.querySelectorAll('.md-math-pending'), `after ${JSON.stringify(text.slice(0, i + 3))}`).to.have.length(0);
    }
    expect(div.querySelector('a[href="https://example.com/"]')).to.not.equal(null);
    md.finish();
    expect(div.querySelectorAll('.md-math .katex')).to.have.length(7);
  });

  it('typesets the formulas a frame had no time for in the next frames, showing their source meanwhile', async () => {
    await mathPart.load();
    const text = Array.from({ length: 10 }, (_, i) => `Term $x_{${i}}$ here.\n\n$$\ny^{${i}}\n$$`).join('\n\n') + '\n\nEnd.\n';
    const reference = document.createElement('div');
    reference.append(renderMarkdown(text));
    typesetPendingMath(reference);
    const waiting = (div: HTMLElement) => div.querySelectorAll('.md-math-pending');
    const realNow = performance.now;
    let fakeNow = 0;
    // Every render has used its time at once: each frame typesets one batch (math-queue.ts), no more.
    performance.now = () => (fakeNow += 1000);
    try {
      const clock = fakeClock();
      const div = document.createElement('div');
      const md = new MarkdownStream(div, { clock });
      md.append(text);
      md.flush();
      const counts = [waiting(div).length];
      expect(counts[0]).to.be.within(1, 19);
      for (const formula of waiting(div)) expect(formula.textContent).to.match(/^\$[^]*\$$/); // its source, delimiters included
      for (let frames = 0; frames < 50; frames++) {
        await Promise.resolve(); // the next frame is asked for after this one's callbacks
        if (!clock.pending) break;
        clock.frame();
        counts.push(waiting(div).length);
      }
      expect(counts.at(-1)).to.equal(0);
      expect(counts.every((count, i) => i === 0 || count < counts[i - 1]), `waiting per frame: ${counts}`).to.equal(true);
      md.finish();
      expect(div.innerHTML).to.equal(reference.innerHTML);

      // The end of the text typesets whatever is still waiting, in that render.
      const cut = document.createElement('div');
      const cutStream = new MarkdownStream(cut, { clock: fakeClock() });
      cutStream.append(text);
      cutStream.flush();
      expect(waiting(cut).length).to.be.above(0);
      cutStream.finish();
      expect(waiting(cut)).to.have.length(0);
      expect(cut.isEqualNode(reference)).to.equal(true);
    } finally {
      performance.now = realNow;
    }
  });

  it('ends with the same DOM as a one-shot render when every frame typesets one batch only, cut anywhere', async function () {
    this.timeout(60_000);
    await mathPart.load();
    const text =
      'Euler: $e^{i\\pi}+1=0$, costs $5 and $10.\n\n$$\n\\int_0^1 x\\,dx = \\tfrac12\n$$\n\n- item \\(a_i\\) $b$ $c$ $d$ $e$\n- item \\[b\\]\n\n' +
      '| k | v |\n|---|---|\n| $y_1$ | $y_2$ $y_3$ $y_4$ $y_5$ |\n\nSee [ref] and $z$.\n\n[ref]: https://example.com\n';
    const reference = document.createElement('div');
    reference.append(renderMarkdown(text));
    typesetPendingMath(reference);
    const realNow = performance.now;
    let fakeNow = 0;
    performance.now = () => (fakeNow += 1000);
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(fc.nat(text.length), { maxLength: 30 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }), async (cuts, frameAfter) => {
          const clock = fakeClock();
          const div = document.createElement('div');
          const md = new MarkdownStream(div, { clock });
          let from = 0;
          const points = [...new Set(cuts.map((c) => Math.min(c, text.length)))].sort((a, b) => a - b);
          for (const [i, to] of points.entries()) {
            md.append(text.slice(from, to));
            from = to;
            if (frameAfter[i % frameAfter.length]) md.flush();
            await Promise.resolve();
            if (frameAfter[(i + 1) % frameAfter.length]) clock.advance(16);
          }
          md.append(text.slice(from));
          md.finish();
          expect(div.innerHTML).to.equal(reference.innerHTML);
          expect(div.isEqualNode(reference)).to.equal(true);
        }),
        { numRuns: 60 },
      );
    } finally {
      performance.now = realNow;
    }
  });

  it('ends with the same DOM as a one-shot render, cut anywhere', async function () {
    this.timeout(60_000);
    await mathPart.load();
    const texts = [
      'Euler: $e^{i\\pi}+1=0$, costs $5 and $10.\n\n$$\n\\int_0^1 x\\,dx = \\tfrac12\n$$\n\n- item \\(a_i\\)\n- item \\[b\\]\n',
      'Sum $\\sum_{k=1}^n k$ then\n$$x$$\nand `$code$` and $$ y $$.',
    ];
    for (const text of texts) {
      const reference = document.createElement('div');
      reference.append(renderMarkdown(text));
      typesetPendingMath(reference);
      fc.assert(
        fc.property(fc.array(fc.nat(text.length), { maxLength: 30 }), (cuts) => {
          const actual = streamed(text, cuts);
          expect(actual.innerHTML).to.equal(reference.innerHTML);
          expect(actual.isEqualNode(reference)).to.equal(true);
        }),
        { numRuns: 40 },
      );
    }
  });
});
