/**
 * The sanitizer for rich output that is not markdown: KaTeX's formulas (HTML with inline styles, MathML,
 * a little SVG) and what a fence renderer returns (a diagram's SVG, usually). A DOMPurify instance of its
 * own, separate from the markdown one (sanitize.ts), whose allow-list stays closed to styles and SVG.
 *
 * Policy: HTML, SVG and MathML elements, but nothing that runs, loads or submits: no script, style
 * element, form controls, frames, embeds, images, media, `<use>`, `<foreignObject>` or animation; no
 * link targets or sources of any kind (`href`, `xlink:href`, `src`…), no event handlers, no `data-*`; an
 * inline style only if it fetches nothing (no `url(`, `image-set`, `@import`, escapes).
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';
import { sharedTrustedTypesConfig } from './sanitize.js';

const FORBID_TAGS = [
  'script', 'style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'iframe', 'frame', 'object', 'embed',
  'link', 'meta', 'base', 'img', 'image', 'picture', 'video', 'audio', 'source', 'track', 'canvas', 'foreignObject',
  'use', 'a', 'animate', 'animateMotion', 'animateTransform', 'set', 'feImage', 'annotation-xml', 'template', 'slot',
];
const FORBID_ATTR = ['href', 'xlink:href', 'src', 'srcset', 'action', 'formaction', 'background', 'poster', 'ping', 'id', 'name'];
const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  USE_PROFILES: { html: true, svg: true, mathMl: true },
  // KaTeX's MathML keeps the TeX source in <semantics><annotation> (screen readers, copy as text).
  ADD_TAGS: ['semantics', 'annotation'],
  ADD_ATTR: ['encoding'],
  FORBID_TAGS,
  FORBID_ATTR,
  ALLOW_DATA_ATTR: false,
  RETURN_DOM_FRAGMENT: true,
};
/** A style that could fetch something or hide an escape: dropped whole. */
const UNSAFE_STYLE = /url\s*\(|image|expression|@import|\\|behavior|binding/i;

let purifier: Purifier | undefined;

function instance(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.setConfig({ ...CONFIG, ...sharedTrustedTypesConfig() });
  purifier.addHook('uponSanitizeAttribute', (_node, data) => {
    if (data.attrName === 'style' && UNSAFE_STYLE.test(data.attrValue)) data.keepAttr = false;
  });
  return purifier;
}

/** Sanitizes rich HTML (or a node, serialized first) into a fragment owned by the current document. */
export function sanitizeRich(input: string | Node): DocumentFragment {
  const fragment = instance().sanitize(input) as unknown as DocumentFragment;
  return fragment.ownerDocument === document ? fragment : document.adoptNode(fragment);
}

/** What wraps each piece of a batch; KaTeX's output holds only phrasing content (spans, MathML). */
const BATCH_WRAPPER = 'div';

/**
 * Sanitizes several pieces of rich HTML in one pass, one fragment each. A DOMPurify call has a fixed cost
 * (a new document to parse into, the allow-lists copied for the hook) that is larger than a formula's own
 * work, so typesetting a page of formulas one call each cost several times more than one call for all.
 */
export function sanitizeRichEach(htmls: readonly string[]): DocumentFragment[] {
  if (htmls.length < 2) return htmls.map((html) => sanitizeRich(html));
  const batch = sanitizeRich(htmls.map((html) => `<${BATCH_WRAPPER}>${html}</${BATCH_WRAPPER}>`).join(''));
  const wrappers = Array.from(batch.childNodes);
  if (wrappers.length !== htmls.length || wrappers.some((node) => node.nodeName.toLowerCase() !== BATCH_WRAPPER)) {
    return htmls.map((html) => sanitizeRich(html)); // a piece the parser moved out of its wrapper: one by one
  }
  return wrappers.map((wrapper) => {
    const fragment = document.createDocumentFragment();
    fragment.append(...wrapper.childNodes);
    return fragment;
  });
}
