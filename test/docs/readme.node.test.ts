// The README's element reference is generated from the code's own documentation (the Custom Elements
// Manifest and the UI strings): this fails when someone changes the element without `npm run docs`.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('the README reference matches the element', () => {
  execFileSync('npx', ['cem', 'analyze', '--litelement', '--globs', 'src/ui/**/*.ts', '--outdir', '.', '--quiet'], {
    stdio: 'ignore',
  });
  const check = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/readme-reference.mjs', '--check'], {
    encoding: 'utf8',
  });
  assert.equal(check.status, 0, check.stderr || check.stdout);
});

test('the README names the two commands', async () => {
  const { readFileSync } = await import('node:fs');
  const readme = readFileSync('README.md', 'utf8');
  assert.match(readme, /npm install && npm start/);
  assert.match(readme, /npm ci && npm test/);
  const scripts = JSON.parse(readFileSync('package.json', 'utf8')).scripts;
  assert.ok(scripts.start && scripts.test, 'both scripts exist');
});
