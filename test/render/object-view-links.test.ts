import { assert } from 'chai';
import * as z from 'zod';
import { ObjectView } from '../../src/render/object-view.js';
import { createObjectAccumulator, type ObjectSnapshot } from '../../src/core/partial-validate.js';

const Ref = z.object({ title: z.string(), link: z.url(), home: z.string(), note: z.string(), evil: z.url() });

function feedAll(text: string, step = 7) {
  const container = document.createElement('div');
  document.body.append(container);
  const view = new ObjectView(container);
  const acc = createObjectAccumulator(Ref);
  let last: ObjectSnapshot = acc.snapshot();
  const seen: (string | null)[] = [];
  for (let i = step; i < text.length + step; i += step) {
    const snap = acc.push(text.slice(i - step, i));
    if (snap) last = snap;
    view.update(last.value, { ...last, schema: Ref });
    seen.push(container.querySelector('a')?.getAttribute('href') ?? null);
  }
  return { container, seen };
}

describe('object view: URL fields as safe links', () => {
  const value = {
    title: 'Docs',
    link: 'https://docs.example/guide?q=1',
    home: 'http://example.org/',
    note: 'see https://example.org/ for more',
    evil: 'javascript:alert(1)',
  };

  it('a complete z.url() value and any whole http(s) string become links in a new tab; nothing else does', () => {
    const { container } = feedAll(JSON.stringify(value));
    const links = [...container.querySelectorAll('a')];
    assert.deepEqual(links.map((a) => a.getAttribute('href')), ['https://docs.example/guide?q=1', 'http://example.org/']);
    for (const a of links) {
      assert.equal(a.target, '_blank');
      assert.equal(a.rel, 'noopener noreferrer');
    }
    assert.deepEqual(links.map((a) => a.textContent), ['https://docs.example/guide?q=1', 'http://example.org/']);
    assert.include(container.textContent, 'javascript:alert(1)', 'a javascript: URL stays text');
    assert.include(container.textContent, 'see https://example.org/ for more');
    container.remove();
  });

  it('a URL still being written is not a link yet', () => {
    const { container, seen } = feedAll(JSON.stringify(value), 3);
    // While the link string is open no half-written address is ever linked.
    for (const href of seen) assert.ok(href === null || href === value.link, String(href));
    assert.ok(seen.includes(null) && seen.includes(value.link));
    assert.equal(container.querySelector('a')?.getAttribute('href'), value.link);
    container.remove();
  });
});
