/**
 * An answer's text as it reads on screen, for "copy as text": no markdown syntax (no `**`, `#`, `|`, fences),
 * paragraphs and list items on lines of their own, table cells apart by tabs, code as it is, a formula as
 * its TeX source (KaTeX's layout has no text worth pasting), code bars and buttons left out.
 */
const SKIPPED = new Set(['BUTTON', 'INPUT']);
const BLOCKS = new Set(['P', 'PRE', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'BLOCKQUOTE', 'TR', 'TABLE', 'UL', 'OL', 'HR', 'DIV']);

export function plainText(bodies: Iterable<Element>): string {
  const lines: string[] = [];
  let line = '';
  const end = () => {
    if (line.trim()) lines.push(line.replace(/[ \t]+$/, ''));
    line = '';
  };
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      line += (node as Text).data.replace(/\n/g, ' '); // a soft line break reads as a space
      return;
    }
    if (!(node instanceof Element) || SKIPPED.has(node.tagName) || node.classList.contains('md-code-bar')) return;
    if (node.classList.contains('md-math')) {
      line += node.querySelector('annotation')?.textContent ?? node.textContent ?? '';
      return;
    }
    if (node.tagName === 'PRE') {
      end();
      lines.push(...(node.textContent ?? '').replace(/\n$/, '').split('\n'));
      return;
    }
    if (node.tagName === 'TD' || node.tagName === 'TH') line += node.previousElementSibling ? '\t' : '';
    if (node.tagName === 'BR') return end();
    const block = BLOCKS.has(node.tagName);
    if (block) end();
    if (node.tagName === 'LI') line += node.parentElement?.tagName === 'OL' ? `${[...node.parentElement.children].indexOf(node) + ((node.parentElement as HTMLOListElement).start || 1)}. ` : '• ';
    node.childNodes.forEach(walk);
    if (block) end();
  };
  for (const body of bodies) {
    body.childNodes.forEach(walk);
    end();
  }
  return lines.join('\n');
}
