/**
 * What the live region reads when an answer is complete: the answer's text as shown (code bars and
 * buttons left out), up to SPOKEN_LIMIT characters. Walked node by node and stopped there, so a 5 MB
 * answer costs no copy of its DOM, and the live region never holds (and a reader never queues) the whole of it.
 */

/** About a minute of speech; the rest is on screen. */
export const SPOKEN_LIMIT = 2_000;

const SKIPPED = '.md-code-bar, button';

export function spokenText(bodies: Iterable<Element>, limit = SPOKEN_LIMIT): string {
  let out = '';
  for (const body of bodies) {
    const walker = body.ownerDocument.createTreeWalker(body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) => (node.parentElement?.closest(SKIPPED) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    out += ' ';
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      out += (node as Text).data.slice(0, limit + 1 - out.length);
      if (out.length > limit) return `${out.replace(/\s+/g, ' ').trim().slice(0, limit)}…`;
    }
  }
  return out.replace(/\s+/g, ' ').trim();
}
