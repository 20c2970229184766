// `node scripts/size.mjs [--check]` after `npm run build`: what each build costs a visitor, gzip -9.
//   first load        the drop-in's files at page load: stream-chat.iife.js + stream-chat.js and the files
//                     it imports statically (the ES drop-in alone is the same minus the 0.2 KB loader)
//   first answer      everything loaded through a first streamed answer with a code block: the first
//                     load plus the messages' templates, the markdown part, the engine, the default provider with the SDK,
//                     highlight.js core and one grammar (JavaScript), each with its static imports
//   each lazy part    what it adds to the first load
//   single file       dist/stream-chat.bundle.js (reported, no budget)
// The chunk graph comes from the build's own manifest (dist/parts/manifest.json), so the sums follow
// what the browser fetches. --check exits 1 when a budget is exceeded (CI runs it; sizes are deterministic).
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const BUDGET_FIRST_LOAD_KB = 45;
const BUDGET_FIRST_ANSWER_KB = 130;

const ENTRY = 'src/standalone.ts';
const LOADER = 'stream-chat.iife.js';
const FIRST_ANSWER = [
  'src/ui/conversation-view-part.ts',
  'src/render/markdown-part.ts',
  'src/core/run-chat.ts',
  'src/core/providers/openai.ts',
  'node_modules/highlight.js/es/core.js',
  'node_modules/highlight.js/es/languages/javascript.js',
];

const manifest = JSON.parse(readFileSync('dist/parts/manifest.json', 'utf8'));
const gzipKB = (file) => gzipSync(readFileSync(`dist/${file}`), { level: 9 }).length / 1024;
const rawKB = (file) => readFileSync(`dist/${file}`).length / 1024;

/** The files a chunk brings with it: itself and its static imports, transitively. */
function closure(keys, into = new Set()) {
  for (const key of keys) {
    const chunk = manifest[key];
    if (!chunk) throw new Error(`${key} is not in the build's manifest: was it renamed or no longer lazy?`);
    if (into.has(chunk.file)) continue;
    into.add(chunk.file);
    closure(chunk.imports ?? [], into);
  }
  return into;
}
const total = (files) => [...files].reduce((sum, file) => sum + gzipKB(file), 0);
const kb = (n) => n.toFixed(1);

const firstLoad = new Set([LOADER, ...closure([ENTRY])]);
const firstAnswer = closure([ENTRY, ...FIRST_ANSWER], new Set(firstLoad));
const firstLoadKB = total(firstLoad);
const firstAnswerKB = total(firstAnswer);

const rows = [
  ['first load: stream-chat.iife.js + stream-chat.js and its static imports', firstLoadKB, BUDGET_FIRST_LOAD_KB, firstLoad.size],
  ['through a first streamed answer with a code block', firstAnswerKB, BUDGET_FIRST_ANSWER_KB, firstAnswer.size],
  ['single file: stream-chat.bundle.js', gzipKB('stream-chat.bundle.js'), undefined, 1],
];
const lines = [
  '| what a visitor downloads | files | gzip KB | budget KB |',
  '|---|---:|---:|---:|',
  ...rows.map(([what, size, budget, files]) => `| ${what} | ${files} | ${kb(size)} | ${budget ?? '—'} |`),
  '',
  '| lazy part (source) | loaded when | file | min KB | gzip KB | adds to first load, gzip KB |',
  '|---|---|---|---:|---:|---:|',
];
/** When each lazy part loads, by its source; the patterns below cover whole families. */
const LOADED_WHEN = {
  'src/render/markdown-part.ts': 'the first message is shown',
  'src/ui/conversation-view-part.ts': 'the first message is shown',
  'src/core/run-chat.ts': 'the first request',
  'src/core/json-schema.ts': 'a request with a schema or tools',
  'src/core/streamed-json.ts': 'a request with a schema or tools, or a backend\'s tool call',
  'src/render/object-view.ts': 'a structured value or tool arguments are shown',
  'src/store/export.ts': 'the history is exported or imported',
  'src/ui/versions.ts': 'the first edit or regenerate, or a conversation with versions',
  'src/ui/answer-extras.ts': 'an answer with reasoning or sources is shown',
  'src/core/resume.ts': 'the first background turn (resumable)',
  'src/ui/resume-answer.ts': 'a stored answer to resume is found',
  'src/render/math-part.ts': 'the first formula is shown (KaTeX; its fonts are files beside it)',
  'src/render/fence-renderer-part.ts': 'the first fence with a renderer closes',
  'src/ui/feedback-part.ts': 'the first rating',
  'src/render/plain-text.ts': 'the first copy as text',
  'src/ui/dictation-session.ts': 'the microphone button is used',
  'src/ui/speech-output.ts': 'the first read aloud',
  'src/ui/attachment-prepare.ts': 'the first file attached or sent',
  'src/core/mcp-tools.ts': 'a turn with MCP servers',
};
const when = (key) =>
  LOADED_WHEN[key] ??
  (key.startsWith('src/core/providers/') ? 'the first request with this provider'
  : key.endsWith('highlight.js/es/core.js') ? 'the first closed code fence'
  : key.includes('/languages/') ? 'a closed fence in this language'
  : 'on demand');
const grammars = [];
for (const [key, chunk] of Object.entries(manifest)) {
  if (!chunk.isDynamicEntry) continue;
  const added = total([...closure([key])].filter((file) => !firstLoad.has(file)));
  if (key.includes('/languages/')) {
    grammars.push([key.replace(/.*\//, '').replace('.js', ''), gzipKB(chunk.file)]);
    continue;
  }
  lines.push(`| ${key.replace(/^node_modules\//, '')} | ${when(key)} | ${chunk.file} | ${kb(rawKB(chunk.file))} | ${kb(gzipKB(chunk.file))} | ${kb(added)} |`);
}
grammars.sort((a, b) => a[1] - b[1]);
lines.push(
  '',
  `highlight.js grammars (${grammars.length}, one file each, loaded when a closed fence names them), gzip KB: ` +
    grammars.map(([name, size]) => `${name} ${kb(size)}`).join(', ') + '.',
);
console.log(lines.join('\n'));

if (process.argv.includes('--check')) {
  const over = rows.filter(([, size, budget]) => budget !== undefined && size > budget);
  for (const [what, size, budget] of over) console.error(`size budget exceeded: ${what}: ${kb(size)} KB gzip > ${budget} KB`);
  if (over.length) process.exit(1);
  console.error('size budgets hold');
}
