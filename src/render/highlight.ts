/**
 * Syntax highlighting with highlight.js core and a handful of languages (the full build is ~300 KB; these
 * cover most of what chat answers contain). No auto-detection: it runs every grammar on the text, which is
 * slow and guesses wrong on short snippets; unlabelled code stays plain.
 */
import hljs from 'highlight.js/lib/core';
import bash from 'highlight.js/lib/languages/bash';
import css from 'highlight.js/lib/languages/css';
import go from 'highlight.js/lib/languages/go';
import javascript from 'highlight.js/lib/languages/javascript';
import json from 'highlight.js/lib/languages/json';
import python from 'highlight.js/lib/languages/python';
import rust from 'highlight.js/lib/languages/rust';
import shell from 'highlight.js/lib/languages/shell';
import sql from 'highlight.js/lib/languages/sql';
import typescript from 'highlight.js/lib/languages/typescript';
import xml from 'highlight.js/lib/languages/xml';

const languages = { bash, css, go, javascript, json, python, rust, shell, sql, typescript, xml };
for (const [name, grammar] of Object.entries(languages)) hljs.registerLanguage(name, grammar);

/** Highlighted HTML for `code` (hljs output: escaped text and <span class="hljs-…">), or null if unknown. */
export function highlightCode(code: string, language: string): string | null {
  if (!language || !hljs.getLanguage(language)) return null;
  return hljs.highlight(code, { language, ignoreIllegals: true }).value;
}
