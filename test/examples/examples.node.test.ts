// Every example under examples/ as a developer would meet it: built against the packed package, type-checked
// by its framework's own checker (a file of deliberate mistakes laid beside it must fail there, and only
// there), then driven in one Chromium: framework state reaches the element, send() goes through a ref, the
// framework's own event handlers run, and the answer is on screen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import puppeteer, { type Browser } from 'puppeteer-core';
import { CHROME_ARGS, findOrInstallChrome } from '../../scripts/find-chrome.mjs';
import { driveExample } from './drive.js';
import { serveExample } from './serve.js';
import { ROOT, bin, removeFromStage, run, stageExample, stagePackage } from './stage.js';

interface Example {
  name: string;
  /** Where the mistakes file goes in the example, and where it comes from. */
  mistakes: { to: string; from: string; lines: string[] };
  check: [string, ...string[]];
  build: [string, ...string[]];
  /** The built site, relative to the example. */
  out: string;
}

const examples: Example[] = [
  {
    name: 'react',
    mistakes: {
      to: 'src/Mistakes.tsx',
      from: 'test/examples/mistakes/Mistakes.tsx',
      lines: ['tools={123}', 'systemPrompt={42}', 'onstream-chat-end={(event) => event.detail.nope}', 'modle="dev"', "addEventListener('stream-chat-end'"],
    },
    check: ['tsc', '-p', '.'],
    build: ['vite', 'build', '--logLevel', 'error'],
    out: 'dist',
  },
  {
    name: 'vue',
    mistakes: {
      to: 'src/Mistakes.vue',
      from: 'test/examples/mistakes/Mistakes.vue',
      lines: [':tools="123"', ':systemPrompt="42"', '@stream-chat-end="onEnd"'],
    },
    check: ['vue-tsc', '-p', '.'],
    build: ['vite', 'build', '--logLevel', 'error'],
    out: 'dist',
  },
  {
    name: 'svelte',
    mistakes: {
      to: 'src/Mistakes.svelte',
      from: 'test/examples/mistakes/Mistakes.svelte',
      lines: ['tools={123}', 'systemPrompt={42}', 'onstream-chat-end={onEnd}'],
    },
    check: ['svelte-check', '--output', 'machine', '--tsconfig', './tsconfig.json'],
    build: ['vite', 'build', '--logLevel', 'error'],
    out: 'dist',
  },
  {
    name: 'angular',
    mistakes: {
      to: 'src/mistakes.component.ts',
      from: 'test/examples/mistakes/mistakes.component.ts',
      lines: ['[tools]="123"', `[modle]="'dev'"`, '$event.detail.nope'],
    },
    check: ['ngc', '-p', 'tsconfig.json'],
    // `ng build` runs this same target of angular.json.
    build: ['architect', 'example:build'],
    out: 'dist/browser',
  },
  {
    name: 'next',
    mistakes: {
      to: 'app/mistakes.tsx',
      from: 'test/examples/mistakes/next-mistakes.tsx',
      lines: ['tools={123}', 'systemPrompt={42}', 'event.detail.nope'],
    },
    check: ['tsc', '-p', '.'],
    build: ['next', 'build'],
    out: 'out',
  },
];

const ENV = { NEXT_TELEMETRY_DISABLED: '1', NG_CLI_ANALYTICS: 'false', FORCE_COLOR: '0', NO_COLOR: '1' };
const ANSI = /\x1b\[[0-9;]*[A-Za-z]/g;

let browser: Browser;

before(async () => {
  stagePackage();
  browser = await puppeteer.launch({ executablePath: findOrInstallChrome(), headless: true, args: CHROME_ARGS });
});

after(async () => {
  await browser?.close();
});

/** Line numbers (1-based) the checker reported errors at in `file`, whatever its output format. */
function errorLines(output: string, file: string): Set<number> {
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // tsc and vue-tsc: file(12,5); ngc: file:12:5; svelte-check --output machine: "file" 12:5
  const pattern = new RegExp(`${escaped}"?(?:\\((\\d+),\\d+\\)|:(\\d+):\\d+| (\\d+):\\d+)`, 'g');
  return new Set([...output.matchAll(pattern)].map((m) => Number(m[1] ?? m[2] ?? m[3])));
}

for (const example of examples) {
  test(`examples/${example.name}: type-checked, mistakes caught, built and working in Chromium`, { timeout: 900_000 }, async () => {
    const dir = stageExample(example.name, { [example.mistakes.to]: example.mistakes.from });

    const [checker, ...checkArgs] = example.check;
    const checked = await run(bin(checker), checkArgs, dir, ENV);
    const output = checked.output.replace(ANSI, '');
    assert.notEqual(checked.code, 0, `${checker} should fail on the deliberate mistakes:\n${output}`);
    const mistakes = readFileSync(join(ROOT, example.mistakes.from), 'utf8').split('\n');
    const reported = errorLines(output, example.mistakes.to);
    for (const text of example.mistakes.lines) {
      const line = mistakes.findIndex((l) => l.includes(text)) + 1;
      assert.ok(line > 0, `the mistakes file has "${text}"`);
      assert.ok(reported.has(line), `${checker} reports the mistake "${text}" (line ${line}):\n${output}`);
    }
    // The example itself checks clean: every error is in the mistakes file.
    const elsewhere = output.match(/(?:src|app)\/[\w.-]+\.(?:tsx?|vue|svelte)\b/g)?.filter((f) => f !== example.mistakes.to) ?? [];
    assert.deepEqual([...new Set(elsewhere)], [], `only the mistakes fail:\n${output}`);

    removeFromStage(dir, [example.mistakes.to]);
    const [builder, ...buildArgs] = example.build;
    const built = await run(bin(builder), buildArgs, dir, ENV);
    assert.equal(built.code, 0, `build failed:\n${built.output}`);

    const server = await serveExample(join(dir, example.out));
    try {
      await driveExample(browser, server);
    } finally {
      await server.close();
    }
  });
}
