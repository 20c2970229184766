import { assert } from 'chai';
import * as z from 'zod';
import { DEEP_TEXT_LIMIT, MAX_VIEW_DEPTH, ObjectView, objectViewStyles } from '../../src/render/object-view.js';
import { createObjectAccumulator, type ObjectSnapshot } from '../../src/core/partial-validate.js';
import { axeViolations } from '../helpers/axe.js';

const Movie = z.object({
  title: z.string(),
  year: z.number().int(),
  genre: z.enum(['drama', 'comedy', 'thriller']),
  cast: z.array(z.object({ name: z.string(), role: z.string() })),
  tags: z.array(z.string()),
  rating: z.number().optional(),
});

function setup() {
  const container = document.createElement('div');
  const style = document.createElement('style');
  style.textContent = objectViewStyles;
  container.append(style);
  document.body.append(container);
  const view = new ObjectView(container);
  const acc = createObjectAccumulator(Movie);
  let last: ObjectSnapshot = acc.snapshot();
  const feed = (text: string) => {
    const snap = acc.push(text);
    if (snap) last = snap;
    view.update(last.value, { ...last, schema: Movie });
    return last;
  };
  return { container, view, acc, feed };
}

/** The row whose label reads `label`. */
function row(container: HTMLElement, label: string): HTMLElement {
  const dt = [...container.querySelectorAll('dt')].find((d) => d.textContent === label);
  assert.ok(dt, `a row labelled ${label}`);
  return dt!.parentElement as HTMLElement;
}

const valueText = (r: HTMLElement) => r.querySelector('dd')!.textContent;


describe('ObjectView', () => {
  afterEach(() => document.body.replaceChildren());

  it('is accessible while streaming and once complete, problems included', async () => {
    const { container, feed } = setup();
    feed('{"title": "Heat", "year": "1995", "cast": [{"name": "Al", "role": "Vincent"}, {"name": "Ro');
    let violations = await axeViolations(container);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`), []);
    feed('bert", "role": "Neil"}], "tags": ["heist"], "genre": "thriller"}');
    violations = await axeViolations(container);
    assert.deepEqual(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' ')}`), []);
  });

  it('shows fields as labelled rows, those not arrived yet as pending', () => {
    const { container, feed } = setup();
    feed('{"title": "He');
    assert.equal(valueText(row(container, 'Title')), 'He');
    for (const label of ['Year', 'Genre', 'Cast', 'Tags', 'Rating']) {
      const r = row(container, label);
      assert.ok(r.classList.contains('ov-pending'), `${label} pending`);
      assert.equal(valueText(r), '…');
    }
    const labels = [...container.querySelectorAll('dt')].map((d) => d.textContent);
    assert.deepEqual(labels, ['Title', 'Year', 'Genre', 'Cast', 'Tags', 'Rating'], 'in the order of the schema');
    assert.equal(container.querySelector('.ov')!.getAttribute('aria-busy'), 'true');
  });

  it('grows a string in place: same text node, only characters appended', () => {
    const { container, feed } = setup();
    feed('{"title": "He');
    const titleRow = row(container, 'Title');
    const textNode = titleRow.querySelector('dd .ov-value')!.firstChild as Text;
    assert.equal(textNode.nodeType, Node.TEXT_NODE);

    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(container, { subtree: true, childList: true, characterData: true });
    feed('at');
    mutations.push(...observer.takeRecords());
    observer.disconnect();

    assert.equal(titleRow.querySelector('dd .ov-value')!.firstChild, textNode, 'the same node');
    assert.equal(textNode.data, 'Heat');
    assert.ok(mutations.length > 0);
    assert.ok(mutations.every((m) => m.type === 'characterData' && m.target === textNode), 'nothing else touched: ' + mutations.map((m) => m.type + ' ' + (m.target as Element).className + ' ' + [...m.addedNodes].map((n) => n.textContent)).join('; '));
  });

  it('leaves complete parts alone while later parts stream', () => {
    const { container, feed } = setup();
    feed('{"title": "Heat", "year": 1995, "cast": [{"name": "Al", "role": "Vincent"}, {"name": "Ro');
    const first = container.querySelector('.ov-card')!;
    const mutations: MutationRecord[] = [];
    const observer = new MutationObserver((records) => mutations.push(...records));
    observer.observe(container, { subtree: true, childList: true, characterData: true, attributes: true });
    feed('bert');
    mutations.push(...observer.takeRecords());
    observer.disconnect();
    assert.ok(mutations.length > 0);
    assert.ok(mutations.every((m) => !first.contains(m.target) && !row(container, 'Title').contains(m.target)), 'closed rows untouched');
  });

  it('shows arrays of objects as cards and lists of strings as lists', () => {
    const { container, feed } = setup();
    feed('{"title": "Heat", "year": 1995, "genre": "thriller", "cast": [{"name": "Al Pacino", "role": "Vincent"}, ');
    feed('{"name": "Robert De Niro", "role": "Neil"}], "tags": ["heist", "LA"]}');
    const cards = row(container, 'Cast').querySelectorAll('li.ov-card');
    assert.equal(cards.length, 2);
    assert.equal(valueText(row(cards[1] as HTMLElement, 'Name')), 'Robert De Niro');
    const tags = [...row(container, 'Tags').querySelectorAll('li')].map((li) => li.textContent);
    assert.deepEqual(tags, ['heist', 'LA']);
    assert.equal(valueText(row(container, 'Year')), '1995');
  });

  it('once complete, an optional field that never came is gone from pending', () => {
    const { container, feed } = setup();
    feed('{"title": "Heat", "year": 1995, "genre": "thriller", "cast": [], "tags": []}');
    const rating = row(container, 'Rating');
    assert.ok(!rating.classList.contains('ov-pending'));
    assert.equal(valueText(rating), 'missing');
    assert.equal(container.querySelector('.ov')!.getAttribute('aria-busy'), 'false');
  });

  it('when the answer ends unfinished, fields that never came show as missing', () => {
    const { container, view, acc, feed } = setup();
    const snap = feed('{"title": "Heat", "year": 1995');
    const result = acc.finish('length');
    assert.equal(result.ok, false);
    view.update(snap.value, { ...snap, issues: result.ok ? [] : result.issues, schema: Movie, ended: true });
    assert.equal(valueText(row(container, 'Genre')), 'missing');
    assert.ok(!row(container, 'Genre').classList.contains('ov-pending'));
    assert.match(container.querySelector('.ov-issues')!.textContent!, /cut off/);
  });

  it('shows problems in a list and marks the row', () => {
    const { container, feed } = setup();
    feed('{"title": "Heat", "year": "1995", "genre": "thriller"');
    const issues = container.querySelector('.ov-issues') as HTMLElement;
    assert.equal(issues.hidden, false);
    assert.match(issues.textContent!, /Year: .*expected number/);
    assert.equal(row(container, 'Year').getAttribute('aria-invalid'), 'true');
    assert.isNull(row(container, 'Title').getAttribute('aria-invalid'));
  });

  it('never turns model text into HTML', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const view = new ObjectView(container);
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';
    view.update({ [evil]: evil, list: [evil, { [evil]: evil }] }, {
      complete: false, openPath: [], issues: [{ path: [evil], message: evil, code: 'custom' }],
    });
    assert.isNull(container.querySelector('img'));
    assert.isNull(container.querySelector('script'));
    assert.include(container.textContent!, evil);
    assert.isUndefined((window as unknown as { __pwned?: number }).__pwned);
  });

  it('renders a value without a schema too (tool-call arguments)', () => {
    const container = document.createElement('div');
    document.body.append(container);
    const view = new ObjectView(container);
    view.update({ city: 'Paris', days: 3, metric: true, extra: null }, { complete: true, issues: [] });
    assert.equal(valueText(row(container, 'City')), 'Paris');
    assert.equal(valueText(row(container, 'Metric')), 'yes');
    assert.equal(valueText(row(container, 'Extra')), '—');
  });

  it('shows a value nested 10,000 deep as fields down to a depth, then as bounded JSON text with a note', () => {
    const { container } = setup();
    const view = new ObjectView(container);
    let value: unknown = 'THE-LEAF';
    for (let i = 0; i < 10_000; i++) value = { a: value };
    view.update(value, { complete: false, issues: [], openPath: Array(20).fill('a') });
    const deep = container.querySelector<HTMLElement>('.ov-deep')!;
    assert.exists(deep.querySelector('.ov-deep-note'));
    assert.equal(container.querySelectorAll('dl').length, MAX_VIEW_DEPTH, 'levels shown as fields');
    assert.isAtMost(deep.textContent!.length, DEEP_TEXT_LIMIT + 100, 'while open, only the start is built');
    view.update(value, { complete: true, issues: [] });
    assert.include(deep.textContent, 'THE-LEAF', 'once complete, its end is shown, closing brackets counted');
    assert.include(deep.textContent, 'characters not shown');
    assert.exists(deep.querySelector('.ov-deep-note'), 'the note stays when the text is updated');
    assert.isAtMost(deep.textContent!.length, DEEP_TEXT_LIMIT + 200);
    assert.isAbove(deep.getBoundingClientRect().width, 100, 'the text has room to be read');
  });
});
