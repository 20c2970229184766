// The drop-in's CSS compaction (scripts/compact-css.ts) drops comments and layout whitespace only: each
// CSS literal of the sources, compacted, is the same style sheet as written, as lightningcss (Vite's own
// CSS parser) reads and prints both. Custom properties keep their value's tokens as written, so the one
// difference allowed is the space after a comma inside them (`var(--x, a, b)`), which CSS ignores there.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { transform } from 'lightningcss';
import { compactCssLiterals } from '../../scripts/compact-css.js';

const FILES = [
  'src/ui/styles.ts',
  'src/ui/message-styles.ts',
  'src/ui/conversation-list.ts',
  'src/render/markdown-styles.ts',
  'src/render/object-view-styles.ts',
];

/** The CSS literals of a source, in order: css`...`, or in a styles file every `= \`...\``. */
function literals(code: string, file: string): string[] {
  const pattern = file.endsWith('styles.ts') ? /=\s*(?:css)?`([^`]*)`/g : /css`([^`]*)`/g;
  return [...code.matchAll(pattern)].map((match) => match[1]);
}

/** A literal as a style sheet lightningcss prints minified (`${x}` parts as a declaration). */
function sheet(literal: string): string {
  const css = literal.replace(/\$\{(\w+)\}/g, '--part-$1: 0;');
  const wrapped = css.trim().startsWith('--') ? `:host { ${css} }` : css;
  const printed = transform({ filename: 'x.css', code: Buffer.from(wrapped), minify: true }).code.toString();
  return printed.replace(/,\s+/g, ',');
}

for (const file of FILES) {
  test(`compacting ${file} keeps its style sheets`, () => {
    const code = readFileSync(file, 'utf8');
    const compacted = compactCssLiterals(code, resolve(file));
    const before = literals(code, file);
    const after = literals(compacted, file);
    assert.ok(before.length > 0, 'the file has CSS');
    assert.equal(after.length, before.length);
    assert.ok(compacted.length < code.length, 'something was dropped');
    before.forEach((literal, i) => assert.equal(sheet(after[i]), sheet(literal), `literal ${i + 1}`));
  });
}
