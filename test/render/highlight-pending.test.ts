// Code rendered while its grammar downloads, highlighted in place once it arrives. Its own file: the page
// must not have the grammar yet (other files load every grammar up front).
import { expect } from 'chai';
import { MarkdownStream, renderMarkdown } from '../../src/render/index.js';
import { onHighlighterChange } from '../../src/render/highlight.js';
import { HIGHLIGHT_PENDING_CLASS } from '../../src/render/highlight.js';
import { fakeClock } from './fake-clock.js';

async function until(condition: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('code whose grammar arrives after it was rendered', () => {
  it('is all highlighted in place, over several tasks, with one telling for the grammar however many blocks asked', async () => {
    // Enough Lua that highlighting it all takes well over one slice.
    const block = (i: number) => '```lua\n' + `local function f${i}(x)\n  -- comment ${i}\n  return x * ${i} .. "s"\nend\n`.repeat(8) + '```';
    const text = Array.from({ length: 150 }, (_, i) => `Block ${i}:\n\n${block(i)}`).join('\n\n');
    const told: string[] = [];
    const stop = onHighlighterChange((language) => told.push(language));
    const div = document.createElement('div');
    document.body.append(div);
    try {
      const md = new MarkdownStream(div, { clock: fakeClock() });
      md.setText(text);
      expect(div.querySelectorAll(`code.${HIGHLIGHT_PENDING_CLASS}`).length, 'rendered plain, pending').to.equal(150);
      await until(() => div.querySelectorAll(`code.${HIGHLIGHT_PENDING_CLASS}`).length === 0, 'every block highlighted');
      expect(told).to.deep.equal(['lua']);
      expect(div.querySelectorAll('code.hljs.language-lua').length).to.equal(150);
      // As if they had been rendered with the grammar there.
      const reference = document.createElement('div');
      reference.append(renderMarkdown(text));
      expect(div.innerHTML).to.equal(reference.innerHTML);
      md.dispose();
    } finally {
      stop();
      div.remove();
    }
  });
});
