// src/render/katex-styles.ts is generated from the installed KaTeX's CSS: after a KaTeX update it must be
// generated again (node scripts/katex-styles.mjs), or formulas would be laid out with the old rules.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('katex-styles.ts matches the installed KaTeX', () => {
  const run = spawnSync(process.execPath, ['scripts/katex-styles.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});
