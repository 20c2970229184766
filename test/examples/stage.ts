/**
 * The examples are built as a user builds them: against the package as `npm pack` makes it (dist and its
 * typings, not src), installed in a node_modules beside copies of the example folders. Their frameworks
 * resolve from the repository's own node_modules, one level further up.
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const STAGE = join(ROOT, '.examples');

/** Packs the package and installs it at .examples/node_modules/stream-chat-element. */
export function stagePackage(): void {
  if (!existsSync(join(ROOT, 'dist/types/jsx.d.ts'))) {
    throw new Error('dist/ is missing or without the framework typings: run `npm run build` first');
  }
  rmSync(STAGE, { recursive: true, force: true });
  const installed = join(STAGE, 'node_modules/stream-chat-element');
  mkdirSync(installed, { recursive: true });
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', STAGE], { cwd: ROOT, encoding: 'utf8' });
  const [{ filename }] = JSON.parse(output) as { filename: string }[];
  execFileSync('tar', ['-xzf', join(STAGE, filename), '-C', installed, '--strip-components=1']);
}

/** Copies examples/<name> to .examples/<name>, with extra files (a deliberate mistake) laid over it. */
export function stageExample(name: string, extra: Record<string, string> = {}): string {
  const dir = join(STAGE, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(join(ROOT, 'examples', name), dir, { recursive: true });
  for (const [to, from] of Object.entries(extra)) cpSync(join(ROOT, from), join(dir, to));
  return dir;
}

export function removeFromStage(dir: string, files: string[]): void {
  for (const file of files) rmSync(join(dir, file), { force: true });
}

export interface Run {
  code: number;
  output: string;
}

/** Runs a command in `cwd`, collecting its output (never throws: the caller judges the code). */
export function run(command: string, args: string[], cwd: string, env: Record<string, string> = {}): Promise<Run> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => done({ code: code ?? 1, output }));
  });
}

/** A tool of the repository's node_modules/.bin. */
export const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);

/** Files under `dir` (relative), for a build's output. */
export function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1));
}
