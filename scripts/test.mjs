// The test command: Node tests (dev model through the official SDK, pure engine logic), then
// browser tests in a system Chromium. Extra arguments go to the browser runner (e.g. --files).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { findOrInstallChrome } from './find-chrome.mjs';

function listTests(dir, suffix) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...listTests(path, suffix));
    else if (name.endsWith(suffix)) found.push(path);
  }
  return found.sort();
}

function run(command, args) {
  const { status } = spawnSync(command, args, { stdio: 'inherit' });
  return status ?? 1;
}

const extra = process.argv.slice(2);
const only = process.env.TEST_ONLY; // 'node' or 'browser'
findOrInstallChrome();

let failed = 0;
if (only !== 'browser' && extra.length === 0) {
  const nodeTests = listTests('test', '.node.test.ts');
  if (nodeTests.length) failed |= run(process.execPath, ['--import', 'tsx', '--test', ...nodeTests]);
}
if (only !== 'node') {
  // The script-tag tests load the self-contained builds; make them fresh for a whole run.
  if (extra.length === 0 || extra.some((arg) => arg.includes('test/build'))) {
    for (const mode of ['bundle', 'iife']) failed |= run('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn']);
  }
  failed |= run(process.execPath, [
    '--import',
    'tsx',
    'node_modules/@web/test-runner/dist/bin.js',
    '--config',
    'web-test-runner.config.mjs',
    ...extra,
  ]);
}
process.exit(failed ? 1 : 0);
