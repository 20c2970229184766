// The test command: Node tests (dev model through the official SDK, pure engine logic), then
// browser tests in a system Chromium. Extra arguments go to the browser runner (e.g. --files).
import { spawn } from 'node:child_process';
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

const totals = { passed: 0, failed: 0 };

/** Runs a test command, echoing its output and counting what its closing lines report. */
function run(command, args) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let last = { passed: 0, failed: 0 };
    let tail = '';
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      const text = tail + chunk.toString();
      tail = text.slice(-200);
      // node:test prints "# pass N" / "# fail N"; the browser runner "N passed, M failed" (repeatedly: keep the last).
      for (const m of text.matchAll(/^# pass (\d+)/gm)) last.passed = Number(m[1]);
      for (const m of text.matchAll(/^# fail (\d+)/gm)) last.failed = Number(m[1]);
      for (const m of text.matchAll(/(\d+) passed, (\d+) failed/g)) last = { passed: Number(m[1]), failed: Number(m[2]) };
    });
    child.on('close', (status) => {
      totals.passed += last.passed;
      totals.failed += last.failed;
      resolve(status ?? 1);
    });
  });
}

const extra = process.argv.slice(2);
const only = process.env.TEST_ONLY; // 'node' or 'browser'
findOrInstallChrome();

let failed = 0;
if (only !== 'browser' && extra.length === 0) {
  const nodeTests = listTests('test', '.node.test.ts');
  if (nodeTests.length) failed |= await run(process.execPath, ['--import', 'tsx', '--test', ...nodeTests]);
}
if (only !== 'node') {
  // The script-tag tests load the self-contained builds; make them fresh for a whole run.
  if (extra.length === 0 || extra.some((arg) => arg.includes('test/build'))) {
    for (const mode of ['dropin', 'bundle', 'iife']) failed |= await run('npx', ['vite', 'build', '--mode', mode, '--logLevel', 'warn']);
  }
  failed |= await run(process.execPath, [
    '--import',
    'tsx',
    'node_modules/@web/test-runner/dist/bin.js',
    '--config',
    'web-test-runner.config.mjs',
    ...extra,
  ]);
}
console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed`);
process.exit(failed || totals.failed ? 1 : 0);
