import { expect } from 'chai';
import { GRAMMARS } from '../../src/render/highlight-languages.js';
import { MarkdownStream, attachMarkdownBehavior, renderMarkdown, loadHighlighter } from '../../src/render/index.js';
import { fakeClock } from './fake-clock.js';
import { answers } from './markdown-corpus.js';
import { axeViolations } from '../helpers/axe.js';


// Grammars load on demand; these tests compare renders, so every grammar is there from the start.
before(() => loadHighlighter(Object.keys(GRAMMARS)));

describe('rendered markdown behaviour', () => {
  let host: HTMLElement;
  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
  });
  afterEach(() => host.remove());

  it('is accessible: code blocks with copy buttons, image placeholders, tables, task lists', async () => {
    const main = document.createElement('main');
    host.append(main);
    const md = new MarkdownStream(main, { clock: fakeClock() });
    md.setText(answers.join('\n\n'));
    const violations = await axeViolations(main);
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`)).to.deep.equal([]);
  });

  it('shows a remote image as a button with its alt text and host, and loads it only when clicked', () => {
    const src = `${location.origin}/no-such-image.png?from=test`;
    const md = new MarkdownStream(host, { clock: fakeClock() });
    md.setText(`Look: ![a cat on a mat](${src} "Cat")`);
    expect(host.querySelector('img')).to.equal(null);
    const button = host.querySelector('button.md-image') as HTMLButtonElement;
    expect(button.textContent).to.contain('a cat on a mat');
    expect(button.textContent).to.contain(location.host);
    expect(button.title).to.equal('Cat', 'the image title, when it has one');
    button.click();
    const img = host.querySelector('img')!;
    expect(img.getAttribute('src')).to.equal(src);
    expect(img.alt).to.equal('a cat on a mat');
    expect(img.referrerPolicy).to.equal('no-referrer');
    expect(host.querySelector('button.md-image')).to.equal(null);
  });

  it('keeps a clicked image loaded when its block renders again while streaming', () => {
    const clock = fakeClock();
    const md = new MarkdownStream(host, { clock });
    md.append('![chart](https://img.example/chart.png) is');
    clock.advance(16);
    (host.querySelector('button.md-image') as HTMLButtonElement).click();
    md.append(' still loading');
    clock.advance(16);
    expect(host.querySelector('img')?.getAttribute('src')).to.equal('https://img.example/chart.png');
    expect(host.textContent).to.contain('still loading');
  });

  it('loads images from allowed origins at once', () => {
    host.append(renderMarkdown('![logo](https://cdn.example.com/logo.png) ![other](https://other.example/x.png)', { allowedImageOrigins: ['https://cdn.example.com'] }));
    const imgs = host.querySelectorAll('img');
    expect(imgs.length).to.equal(1);
    expect(imgs[0].getAttribute('src')).to.equal('https://cdn.example.com/logo.png');
    expect(imgs[0].alt).to.equal('logo');
    expect(host.querySelectorAll('button.md-image').length).to.equal(1);
  });

  it('gives each code block a labelled copy button that copies the code', async () => {
    let copied: string | undefined;
    const original = Object.getOwnPropertyDescriptor(Navigator.prototype, 'clipboard');
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: { writeText: async (text: string) => void (copied = text) } });
    try {
      const md = new MarkdownStream(host, { clock: fakeClock(), strings: { copy: 'Copier', copyLabel: 'Copier le code', copied: 'Copié' } });
      md.setText('```js\nconst a = 1;\n```\n\n```\nplain\n```');
      const buttons = [...host.querySelectorAll('button.md-copy')] as HTMLButtonElement[];
      expect(buttons.length).to.equal(2);
      expect(buttons[0].type).to.equal('button');
      expect(buttons[0].getAttribute('aria-label')).to.equal('Copier le code');
      expect(buttons[0].textContent).to.equal('Copier');
      buttons[0].click();
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(copied).to.equal('const a = 1;\n');
      expect(buttons[0].textContent).to.equal('Copié');
      expect(buttons[0].getAttribute('aria-label')).to.equal('Copié');
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
      if (original) Object.defineProperty(Navigator.prototype, 'clipboard', original);
    }
  });

  it('wires a one-shot render too, through attachMarkdownBehavior', () => {
    host.append(renderMarkdown('![pic](https://img.example/p.png)'));
    const detach = attachMarkdownBehavior(host);
    (host.querySelector('button.md-image') as HTMLButtonElement).click();
    expect(host.querySelector('img')?.getAttribute('src')).to.equal('https://img.example/p.png');
    detach();
  });

  it('renders GFM: tables with alignment, task lists with disabled boxes, strikethrough, autolinks', () => {
    host.append(renderMarkdown('| L | C | R |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n\n- [x] done\n- [ ] todo\n\n~~gone~~ https://example.com'));
    expect([...host.querySelectorAll('th')].map((th) => th.getAttribute('align'))).to.deep.equal(['left', 'center', 'right']);
    const boxes = [...host.querySelectorAll('input')] as HTMLInputElement[];
    expect(boxes.map((b) => [b.type, b.checked, b.disabled, b.getAttribute('aria-label')])).to.deep.equal([
      ['checkbox', true, true, 'Done'],
      ['checkbox', false, true, 'Not done'],
    ]);
    expect(host.querySelector('del')?.textContent).to.equal('gone');
    expect(host.querySelector('p a')?.getAttribute('href')).to.equal('https://example.com/');
  });
});
