/**
 * The sanitizer every rendered answer goes through: a private DOMPurify instance (hooks on the global one
 * would leak our policy into the host page's own uses, and theirs into ours) with a closed allow-list.
 *
 * Policy: only the elements marked produces; links only to absolute http(s) and mailto URLs, opened in a new
 * tab with rel="noopener noreferrer"; images only from allowed origins (others never reach the DOM with a
 * src: the renderer turns them into click-to-load placeholders); no style, no forms, no frames, no SVG or
 * MathML, no event handlers, no data: or javascript: URLs anywhere.
 */
import DOMPurify, { type Config, type DOMPurify as Purifier } from 'dompurify';

const ALLOWED_TAGS = [
  'section', // only as sanitizeBlocks()' wrapper, removed from every result
  'a', 'p', 'br', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'pre', 'code',
  'span', 'em', 'strong', 'del', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'img', 'input', 'button', 'div',
];
const ALLOWED_ATTR = [
  'href', 'title', 'class', 'alt', 'src', 'align', 'start', 'type', 'checked', 'disabled', 'data-src', 'data-alt', 'aria-label',
  'target', 'rel', 'loading', 'referrerpolicy',
];
const CONFIG: Config & { RETURN_DOM_FRAGMENT: true } = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_NAMESPACES: ['http://www.w3.org/1999/xhtml'],
  // Plain text that DOMPurify would otherwise read as a URL with an unknown scheme ("from localhost:8000").
  ADD_URI_SAFE_ATTR: ['aria-label', 'data-alt'],
  RETURN_DOM_FRAGMENT: true,
};

/** An absolute http(s) or mailto URL, normalised; null for anything else (relative, javascript:, data:…). */
export function safeLinkUrl(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'mailto:' ? url.href : null;
  } catch {
    return null;
  }
}

/** An absolute http(s) URL, normalised; null otherwise. */
export function remoteImageUrl(src: string | null | undefined): URL | null {
  if (!src) return null;
  try {
    const url = new URL(src);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

let purifier: Purifier | undefined;
/** Which images may load, for the call in progress (hooks are per instance, calls are synchronous). */
export type ImagePolicy = (url: URL) => boolean;
const noImages: ImagePolicy = () => false;
let imageAllowed: ImagePolicy = noImages;

function instance(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  purifier.setConfig(CONFIG);
  purifier.addHook('afterSanitizeAttributes', (node) => {
    const element = node as Element;
    switch (element.localName) {
      case 'a': {
        const href = safeLinkUrl(element.getAttribute('href'));
        if (href) {
          element.setAttribute('href', href);
          element.setAttribute('target', '_blank');
          element.setAttribute('rel', 'noopener noreferrer');
        } else {
          for (const name of ['href', 'target', 'rel']) element.removeAttribute(name);
        }
        break;
      }
      case 'img': {
        const url = remoteImageUrl(element.getAttribute('src'));
        if (url && imageAllowed(url)) {
          element.setAttribute('src', url.href);
          element.setAttribute('referrerpolicy', 'no-referrer');
        } else element.removeAttribute('src'); // made inert here, replaced by its alt text in sanitizeToFragment()
        break;
      }
      case 'input':
        // Task-list boxes show state; they are not a form.
        element.setAttribute('type', 'checkbox');
        element.setAttribute('disabled', '');
        break;
      case 'button': {
        element.setAttribute('type', 'button');
        const src = element.getAttribute('data-src');
        if (src !== null && !remoteImageUrl(src)) element.removeAttribute('data-src');
        break;
      }
      default:
        for (const name of ['href', 'src', 'target', 'rel', 'data-src']) element.removeAttribute(name);
    }
  });
  return purifier;
}

/** Wraps each block while sanitizing blocks together; marked never emits <section> and raw HTML is escaped. */
const BLOCK_WRAPPER = 'section';

/** One DOMPurify pass with the configuration set once (parsing it on every call costs more than small blocks). */
function purify(html: string, imagePolicy: ImagePolicy): DocumentFragment {
  const instanceWithConfig = instance();
  imageAllowed = imagePolicy;
  let fragment: DocumentFragment;
  try {
    fragment = instanceWithConfig.sanitize(html) as unknown as DocumentFragment;
  } finally {
    imageAllowed = noImages;
  }
  for (const img of fragment.querySelectorAll('img:not([src])')) img.replaceWith(img.getAttribute('alt') ?? '');
  // DOMPurify returns nodes of its own inert document: adopt (move) them rather than import (deep copy).
  return fragment.ownerDocument === document ? fragment : document.adoptNode(fragment);
}

/** Sanitizes rendered HTML into a fragment owned by the current document. */
export function sanitizeToFragment(html: string, imagePolicy: ImagePolicy): DocumentFragment {
  const fragment = purify(html, imagePolicy);
  // The block wrapper is allowed for sanitizeBlocks(); from anywhere else it is unwrapped.
  for (const wrapper of fragment.querySelectorAll(BLOCK_WRAPPER)) wrapper.replaceWith(...wrapper.childNodes);
  return fragment;
}

/**
 * Sanitizes several blocks' HTML in one pass (a DOMPurify call has a fixed cost: parsing a document) and
 * returns each block's top-level nodes, in order.
 */
export function sanitizeBlocks(htmls: readonly string[], imagePolicy: ImagePolicy): Node[][] {
  if (htmls.length === 0) return [];
  const wrapped = htmls.map((html) => `<${BLOCK_WRAPPER}>${html}</${BLOCK_WRAPPER}>`).join('');
  const wrappers = Array.from(purify(wrapped, imagePolicy).childNodes);
  if (wrappers.length !== htmls.length || wrappers.some((node) => node.nodeName.toLowerCase() !== BLOCK_WRAPPER)) {
    // Never expected (every block is balanced HTML); if the parser moved things around, go one by one.
    return htmls.map((html) => Array.from(sanitizeToFragment(html, imagePolicy).childNodes));
  }
  return wrappers.map((wrapper) => Array.from(wrapper.childNodes));
}
