/**
 * Where the element gets the markdown pipeline: a lazily loaded part (see core/lazy-part.ts). Code that
 * must show the first page without it imports this file, never the pipeline's modules: a static import of
 * markdown-stream.ts (or of render/index.ts, which re-exports it) puts marked and DOMPurify back into the
 * first load, which the size budget (scripts/size.mjs) would then refuse.
 *
 * The pattern for another part (a math typesetter, say): a `*-part.ts` file re-exporting what it offers, a
 * loader like this one, callers that check `part.loaded` to render at once and otherwise show something
 * readable while `part.load()` runs (and after it fails), and `scripts/size.mjs` reports the new file.
 */
import { lazyPart } from '../core/index.js';

export type MarkdownPart = typeof import('./markdown-part.js');

export const markdownPart = lazyPart<MarkdownPart>('markdown', () => import('./markdown-part.js'));

/** An answer's text without markdown syntax ("copy as text"), loaded on the first such copy. */
export const plainTextPart = lazyPart('plain text', () => import('./plain-text.js'));
