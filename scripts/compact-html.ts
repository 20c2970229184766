/**
 * A build plugin for the drop-in (`vite build --mode dropin` and `--mode bundle`): Lit's templates
 * (html`...` and svg`...`) without their layout indentation. The minifier leaves template literals as
 * written, and every line break of a template, with the indentation after it, reached the first load.
 *
 * Only whitespace that holds a line break changes, and it becomes one space: in HTML that is the same
 * text (runs of whitespace render as one space, or nothing between blocks and flex items); the templates
 * put no line break inside a `white-space: pre` element (it would have shown). The templates are found by
 * TypeScript's own parser, so strings, comments and `${...}` expressions are left as written.
 */
import ts from 'typescript';
import type { Plugin } from 'vite';

const SOURCE_FILE = /[\\/]src[\\/]ui[\\/].*\.ts$/;
const TAGS = new Set(['html', 'svg']);

export function compactHtml(): Plugin {
  return {
    name: 'stream-chat-compact-html',
    enforce: 'pre',
    transform(code, id) {
      const out = compactHtmlTemplates(code, id);
      return out === code ? null : { code: out, map: null };
    },
  };
}

/** The source with the static text of its Lit templates compacted (unchanged if it has none). */
export function compactHtmlTemplates(code: string, id: string): string {
  if (!SOURCE_FILE.test(id) || !/\b(?:html|svg)`/.test(code)) return code;
  const source = ts.createSourceFile(id, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const pieces: ts.Node[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && TAGS.has(node.tag.text)) {
      const template = node.template;
      if (ts.isNoSubstitutionTemplateLiteral(template)) pieces.push(template);
      else pieces.push(template.head, ...template.templateSpans.map((span) => span.literal));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = '';
  let at = 0;
  for (const piece of pieces.sort((a, b) => a.getStart(source) - b.getStart(source))) {
    const start = piece.getStart(source);
    const end = piece.getEnd();
    // The piece's text between its delimiters (` or } before, ` or ${ after).
    const text = code.slice(start, end);
    const open = 1;
    const close = text.endsWith('${') ? 2 : 1;
    const body = text.slice(open, text.length - close).replace(/[ \t]*\n\s*/g, ' ');
    out += code.slice(at, start) + text.slice(0, open) + body + text.slice(text.length - close);
    at = end;
  }
  return out + code.slice(at);
}
