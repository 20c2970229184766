/**
 * Formulas marked by math-syntax.ts are typeset by KaTeX, a lazily loaded part (math-part.ts) fetched
 * the first time a formula is on screen. Until it arrives a formula shows its source; then every
 * container that shows formulas (markdown-behavior.ts listens) typesets them in place, inside the same
 * elements, so the blocks a stream has frozen keep their nodes. Typesetting in place after the fact gives
 * the same DOM as typesetting a formula that arrives once the part is there.
 */
import { lazyPart } from '../core/index.js';
import { MATH_PENDING_CLASS } from './math-syntax.js';

export type MathPart = typeof import('./math-part.js');

export const mathPart = lazyPart<MathPart>('math', () => import('./math-part.js'));
const listeners = new Set<() => void>();
const SELECTOR = `.${MATH_PENDING_CLASS}`;

/** The formulas waiting among `nodes` and inside them. */
export function pendingMathAmong(nodes: readonly Node[]): HTMLElement[] {
  const pending: HTMLElement[] = [];
  for (const node of nodes) {
    if (!(node instanceof HTMLElement)) continue;
    if (node.matches(SELECTOR)) pending.push(node);
    pending.push(...node.querySelectorAll<HTMLElement>(SELECTOR));
  }
  return pending;
}

/**
 * Typesets the formulas waiting in `root` (or in and among `nodes`); starts the download of KaTeX when it
 * is not there yet.
 */
export function typesetPendingMath(where: ParentNode | readonly Node[]): void {
  const pending = Array.isArray(where) ? pendingMathAmong(where) : Array.from((where as ParentNode).querySelectorAll<HTMLElement>(SELECTOR));
  if (!pending.length) return;
  const part = mathPart.loaded;
  if (part) part.typeset(pending);
  // A failed download leaves the source on screen; the next formula shown tries again.
  else mathPart.load().then(() => listeners.forEach((listener) => listener()), () => {});
}

/** Calls `listener` when KaTeX arrives; returns the unsubscribe. */
export function onMathReady(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
