/**
 * Realistic markdown for the stream's equivalence tests: fixed answers of the kind models write, and a
 * fast-check generator that assembles documents from blocks, including the constructs whose meaning depends
 * on text that comes later (reference definitions below their use, loose lists, setext headings, tables
 * that keep growing, unclosed fences).
 */
import fc from 'fast-check';

export const answers: string[] = [
  `# Setting up the project

Here's how to get started with **TypeScript** and _Vite_. You'll need Node 20+.

1. Install the dependencies:

   \`\`\`bash
   npm install --save-dev vite typescript
   \`\`\`

2. Create \`tsconfig.json\`:

   \`\`\`json
   { "compilerOptions": { "strict": true, "target": "ES2022" } }
   \`\`\`

3. Run \`npx vite\` and open http://localhost:5173.

> **Note:** on Windows, use \`npm.cmd\` in scripts.
> See the [Vite guide][vite] for more.

| Command | What it does | Speed |
|:--------|:------------:|------:|
| \`vite\` | dev server | fast |
| \`vite build\` | production build | ~2s |

- [x] install
- [ ] configure
- [ ] deploy

[vite]: https://vitejs.dev/guide/ "Vite guide"
`,
  `Sure! Here is a Python function:

\`\`\`python
def fib(n: int) -> int:
    """Return the n-th Fibonacci number."""
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a
\`\`\`

And the same in Rust:

\`\`\`rust
fn fib(n: u64) -> u64 {
    let (mut a, mut b) = (0, 1);
    for _ in 0..n { (a, b) = (b, a + b); }
    a
}
\`\`\`

Complexity
----------

Both run in *O(n)* time and ~~O(n)~~ O(1) space. Visit www.example.com or mail help@example.com.

* Nested lists:
  * level two
    * level three with \`code\`

  * loose item after a blank line

* back to level one
`,
  `Here is some HTML you asked about: <script>alert("x")</script> and <img src=x onerror=alert(1)>.

<div class="note">
This looks like HTML but must be shown as text.
</div>

A markdown image: ![diagram](https://example.com/diagram.png "Architecture") and a link with a
[relative path](/docs/intro) and [a bad one](javascript:alert(1)).

    indented code block
    second line

Final words with a trailing fence:

\`\`\`sql
SELECT id, name FROM users WHERE active = 1;
`,
  `Intro with [a reference][a] and [another][b].

[a]: https://example.com/a
'a title
over two lines'
[b]: https://example.com/b
Paragraph right after a definition.
Heading with a setext underline
===============================
Term
: not a definition list, just text
`,
  `Long lists and tables grow in place:

${Array.from({ length: 12 }, (_, i) => `${i + 1}. Step ${i} with **bold**${i % 4 === 3 ? `\n   - sub ${i}\n   - [ ] task ${i}` : ''}`).join('\n')}

| # | Name | Link |
|--:|:-----|:----:|
${Array.from({ length: 12 }, (_, i) => `| ${i} | item _${i}_ | [x](https://example.com/${i}) |`).join('\n')}

- a
- b

- loose now
- [x] done
`,
];

const word = fc.constantFrom('the', 'data', 'stream', 'render', 'fast', 'value', 'API', 'model', 'token', 'list', 'é', '日本', '👍');
const inline = fc.oneof(
  { weight: 6, arbitrary: word },
  { weight: 1, arbitrary: word.map((w) => `**${w}**`) },
  { weight: 1, arbitrary: word.map((w) => `*${w}*`) },
  { weight: 1, arbitrary: word.map((w) => `_${w}_`) },
  { weight: 1, arbitrary: word.map((w) => `~~${w}~~`) },
  { weight: 1, arbitrary: word.map((w) => `\`${w}()\``) },
  { weight: 1, arbitrary: word.map((w) => `[${w}](https://example.com/${w})`) },
  { weight: 1, arbitrary: fc.constantFrom('[ref one][one]', '[two]', '[missing][nope]', '![pic][img]') },
  { weight: 1, arbitrary: fc.constantFrom('https://example.org/x', 'www.example.net', 'a@b.io') },
  { weight: 1, arbitrary: fc.constantFrom('<b>bold?</b>', '<img src=x onerror="window.__xss=1">', 'a < b && c > d', '&amp; &copy;', '\\*not em\\*') },
  { weight: 1, arbitrary: fc.constantFrom('*', '_', '`', '[', ']', '|', '#', '>', '**') },
);
const sentence = fc.array(inline, { minLength: 1, maxLength: 10 }).map((ws) => ws.join(' '));
const lines = (min: number, max: number) => fc.array(sentence, { minLength: min, maxLength: max });

const code = fc
  .tuple(fc.constantFrom('js', 'ts', 'python', 'bash', 'json', 'css', 'html', 'go', 'rust', 'sql', '', 'unknownlang'), fc.array(fc.constantFrom('const x = 1;', 'if (a < b) { return "s"; }', '', '  indented()', 'def f(x):', '# comment', '```not a fence end', '<div>'), { maxLength: 6 }), fc.constantFrom('```', '~~~', '````'))
  .map(([lang, body, fence]) => `${fence}${lang}\n${body.join('\n')}${body.length ? '\n' : ''}${fence}`);

const listItem = fc.tuple(sentence, fc.option(lines(1, 2), { nil: undefined }), fc.boolean());
const list = fc
  .tuple(fc.constantFrom('- ', '* ', '1. ', '3) ', '- [ ] ', '- [x] '), fc.array(listItem, { minLength: 1, maxLength: 4 }), fc.boolean())
  .map(([marker, items, loose]) =>
    items
      .map(([first, more, nested], i) => {
        const bullet = /^\d/.test(marker) ? marker.replace(/^\d+/, String(i + 1)) : marker;
        const pad = ' '.repeat(bullet.replace(/\[.\] $/, '').length);
        let item = `${bullet}${first}`;
        if (more) item += `\n\n${more.map((l) => pad + l).join('\n')}`;
        if (nested) item += `\n${pad}- nested ${first}\n${pad}  - deeper`;
        return item;
      })
      .join(loose ? '\n\n' : '\n'),
  );

const table = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom(':--', '--:', ':-:', '---'))
  .chain(([cols, rows, align]) =>
    fc.array(fc.array(word, { minLength: cols, maxLength: cols }), { minLength: rows, maxLength: rows }).map((body) =>
      [`| ${Array.from({ length: cols }, (_, i) => `H${i}`).join(' | ')} |`, `|${Array(cols).fill(align).join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n'),
    ),
  );

const block = fc.oneof(
  { weight: 5, arbitrary: lines(1, 3).map((ls) => ls.join('\n')) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), sentence).map(([n, s]) => `${'#'.repeat(n)} ${s}`) },
  { weight: 1, arbitrary: fc.tuple(sentence, fc.constantFrom('===', '---')).map(([s, u]) => `${s}\n${u}`) },
  { weight: 3, arbitrary: list },
  { weight: 2, arbitrary: code },
  { weight: 2, arbitrary: table },
  { weight: 1, arbitrary: lines(1, 3).map((ls) => ls.map((l) => `> ${l}`).join('\n')) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '> - quoted list\n> - second\n>\n> > nested quote\nlazy line',
      '<pre>\n\n  keep *this*\n\n</pre>',
      '<!-- a comment\n\nover blank lines -->',
      '1. item\n\n   ```js\n   let a = 1;\n\n   let b = 2;\n   ```\n\n2. next',
      '- a\n\n   three-space continuation\n\n- b',
      '7. seven\n8. eight',
      '## Heading with closing hashes ##',
      'hard  \nbreak and back\\\nslash',
      '*emphasis\nacross lines*',
      '\tTab-indented code',
      '- [ ] task\n\t- nested with tab',
      '| a \\| b | c |\n|---|---|\n| 1 | 2 |',
      'Setext after text\nmore text\n---',
      '* * *',
      '```\nunclosed until the end?',
      '~~~md\n```\nnot the end\n~~~',
    ),
  },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '    indented code\n    more', '<div>\n*not* html\n</div>', '<!-- comment -->', '<script>window.__xss = 1</script>') },
  { weight: 1, arbitrary: fc.constantFrom('[one]: https://example.com/one "One"', '[two]: <https://example.com/two>', '[img]: https://img.example.com/p.png', "[one]: https://example.com/other\n'title on next line'", '> [two]: https://example.com/quoted', '- [one]: https://example.com/in-list\n- item') },
);

const separator = fc.constantFrom('\n\n', '\n\n', '\n\n', '\n', '\n\n\n');
const documentOf = (minLength: number, maxLength: number) =>
  fc
    .array(fc.tuple(block, separator), { minLength, maxLength })
    .chain((parts) => fc.boolean().map((trailingNewline) => parts.map(([b, s]) => b + s).join('').replace(/\n+$/, trailingNewline ? '\n' : '')));

/** Documents of 1..12 blocks, with the separators models use (mostly blank lines, sometimes none). */
export const markdownDocument = documentOf(1, 12);
/** Long documents: more blocks than fit in one part of the rendered DOM (see block-parts.ts). */
export const longMarkdownDocument = documentOf(30, 150);
