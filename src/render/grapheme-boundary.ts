/**
 * Where text may be cut without breaking what a reader sees as one character: an emoji ZWJ family, a flag
 * (two regional indicators), a letter and its combining accents, a surrogate pair.
 */

/** Made on first use, not at import: making the first one loads the browser's break rules, a cost of tens of ms
 * that a page load should not pay when nothing streams yet. null: the browser has no Intl.Segmenter. */
let made: Intl.Segmenter | null | undefined;

function graphemes(): Intl.Segmenter | null {
  if (made === undefined) {
    made = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  return made;
}

/** Makes the segmenter ahead of the first streamed answer (on intent), so its first text does not pay for it. */
export function prepareGraphemeBoundaries(): void {
  graphemes();
}

let asked = false;

/**
 * Makes the segmenter soon, in a task of its own, if `text` will need it (it is not all ASCII, see
 * asciiBoundary) and it is not made yet: for a stream with no intent before it (a page calling send()), so
 * that its first frames, the costliest already (cold code), are less likely to pay for it too.
 */
export function prepareGraphemeBoundariesFor(text: string): void {
  if (made !== undefined || asked || !NOT_ASCII.test(text)) return;
  asked = true;
  setTimeout(graphemes, 0);
}

const NOT_ASCII = /[^\0-\x7f]/;

/** Longest grapheme we expect to meet; a window this wide around a cut always holds the whole cluster. */
const WINDOW = 64;

/**
 * Whether `index` falls between two ASCII characters other than "\r\n": always a grapheme boundary (no ASCII
 * character extends, joins or prepends), so most cuts in most text need no segmenter (whose first use costs
 * tens of ms, and each use segments a window of text).
 */
function asciiBoundary(text: string, index: number): boolean {
  const before = text.charCodeAt(index - 1);
  const after = text.charCodeAt(index);
  return before < 0x80 && after < 0x80 && !(before === 13 && after === 10);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/**
 * The first grapheme boundary at or after `index` in `text`, where `text` itself starts on a boundary.
 * Returns text.length when the cluster at `index` runs to the end.
 */
export function boundaryAtOrAfter(text: string, index: number): number {
  if (index <= 0) return 0;
  if (index >= text.length) return text.length;
  if (asciiBoundary(text, index)) return index;
  const segmenter = graphemes();
  if (!segmenter) {
    // Without Intl.Segmenter, at least never split a surrogate pair.
    return isHighSurrogate(text.charCodeAt(index - 1)) ? index + 1 : index;
  }
  // Segmenting from the start of `text` is exact but O(n); a window that starts well before the cut is exact
  // too as long as its own start is a boundary, which holds for any window starting at 0, so grow from there.
  let end = Math.min(text.length, index + WINDOW);
  for (;;) {
    const segment = segmenter.segment(text.slice(0, end)).containing(index);
    if (!segment) return text.length;
    const after = segment.index === index ? index : segment.index + segment.segment.length;
    if (after < end || end === text.length) return after;
    end = Math.min(text.length, end * 2);
  }
}

/** Start of the last grapheme of `text` (text.length when empty). */
export function lastGraphemeStart(text: string): number {
  if (!text) return 0;
  if (text.length > 1 && asciiBoundary(text, text.length - 1)) return text.length - 1;
  const segmenter = graphemes();
  if (!segmenter) {
    const last = text.length - 1;
    return last > 0 && isHighSurrogate(text.charCodeAt(last - 1)) ? last - 1 : last;
  }
  const segment = segmenter.segment(text).containing(text.length - 1);
  return segment ? segment.index : text.length - 1;
}

/** True when the text ends in the first half of a surrogate pair (its partner has not arrived). */
export function endsInHalfPair(text: string): boolean {
  return text.length > 0 && isHighSurrogate(text.charCodeAt(text.length - 1));
}
