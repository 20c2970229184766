// The drop-in's template compaction (scripts/compact-html.ts) changes whitespace only, and only runs of
// it that hold a line break: each source of the element, compacted, reads the same with every run of
// whitespace as one space; the templates lose their indentation; code outside them keeps its lines.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { compactHtmlTemplates } from '../../scripts/compact-html.js';

const FILES = readdirSync('src/ui').filter((f) => f.endsWith('.ts')).map((f) => `src/ui/${f}`);
const oneSpace = (code: string) => code.replace(/\s+/g, ' ');

test('compacting the templates changes only whitespace that holds a line break', () => {
  let changed = 0;
  for (const file of FILES) {
    const code = readFileSync(file, 'utf8');
    const out = compactHtmlTemplates(code, `/x/${file}`);
    assert.equal(oneSpace(out), oneSpace(code), file);
    assert.equal(out.split('`').length, code.split('`').length, `${file}: the same template literals`);
    if (out !== code) changed++;
  }
  assert.ok(changed >= 10, `templates compacted in ${changed} files`);
});

test('a template loses its indentation; the code around it and a plain template keep theirs', () => {
  const code = "const a = html`<p>\n    ${x ? html`<b>\n  y</b>` : ''}\n  </p>`;\nconst b = `line\n  two`;\n";
  assert.equal(
    compactHtmlTemplates(code, '/x/src/ui/view.ts'),
    "const a = html`<p> ${x ? html`<b> y</b>` : ''} </p>`;\nconst b = `line\n  two`;\n",
  );
});
