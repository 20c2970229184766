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
let trustedTypes: Pick<Config, 'TRUSTED_TYPES_POLICY'> = {};

/** The "dompurify" policy, for another DOMPurify instance (rich-sanitize.ts): a page allows a name once. */
export function sharedTrustedTypesConfig(): Pick<Config, 'TRUSTED_TYPES_POLICY'> {
  instance();
  return trustedTypes;
}
/** Which images may load, for the call in progress (hooks are per instance, calls are synchronous). */
export type ImagePolicy = (url: URL) => boolean;
const noImages: ImagePolicy = () => false;
let imageAllowed: ImagePolicy = noImages;

function instance(): Purifier {
  if (purifier) return purifier;
  purifier = DOMPurify(window);
  trustedTypes = trustedTypesConfig();
  purifier.setConfig({ ...CONFIG, ...trustedTypes });
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

/**
 * Said once a page's Trusted Types policy keeps DOMPurify from parsing HTML: under
 * `require-trusted-types-for 'script'` it parses through a policy of its own, named "dompurify".
 */
export { sanitizerProblems, TRUSTED_TYPES_REFUSED } from './sanitizer-problems.js';
import { sanitizerProblems, TRUSTED_TYPES_REFUSED } from './sanitizer-problems.js';
let toldConsole = false;

/** The page refused the "dompurify" policy; once a pass then fails, every later one goes straight to text. */
let policyRefused = false;
let plainTextOnly = false;

interface HtmlPolicy {
  createHTML(input: string): unknown;
  createScriptURL(input: string): unknown;
}

/**
 * The "dompurify" policy, created here rather than by DOMPurify so that a refusal is known (DOMPurify only
 * warns). When refused, DOMPurify gets a pass-through in its place, so it does not try again on every call.
 */
function trustedTypesConfig(): Pick<Config, 'TRUSTED_TYPES_POLICY'> {
  const factory = (globalThis as { trustedTypes?: { createPolicy(name: string, rules: HtmlPolicy): HtmlPolicy } }).trustedTypes;
  if (!factory) return {};
  const rules: HtmlPolicy = { createHTML: (input) => input, createScriptURL: (input) => input };
  // DOMPurify's type wants a browser TrustedTypePolicy; it calls createHTML / createScriptURL only.
  const asPolicy = (policy: HtmlPolicy) => policy as unknown as Config['TRUSTED_TYPES_POLICY'];
  try {
    return { TRUSTED_TYPES_POLICY: asPolicy(factory.createPolicy('dompurify', rules)) };
  } catch {
    policyRefused = true;
    return { TRUSTED_TYPES_POLICY: asPolicy(rules) };
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/**
 * The text of rendered HTML, without parsing it (no HTML parser may run without a policy): block ends
 * become paragraphs, tags go, entities are decoded. It is only ever set as text.
 */
function plainTextNodes(html: string): Node[] {
  const text = html
    .replace(/<button\b[^>]*>[\s\S]*?<\/button>/gi, '') // toolbars ("Copy")
    .replace(/<\/(p|h[1-6]|li|pre|blockquote|tr|table|ul|ol|div|section)>|<(br|hr)\b[^>]*>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, name: string) => {
      if (name[0] !== '#') return ENTITIES[name.toLowerCase()] ?? entity;
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : entity;
    });
  return text
    .split(/\n+/)
    .filter((line) => line.trim())
    .map((line) => {
      const paragraph = document.createElement('p');
      paragraph.textContent = line;
      return paragraph;
    });
}

/** Runs a sanitizing pass; where Trusted Types refuse the parser, gives `fallback()` and says why, once per page. */
function orPlainText<T>(pass: () => T, fallback: () => T): T {
  if (!plainTextOnly) {
    try {
      return pass();
    } catch (error) {
      // Without its policy, a page that requires Trusted Types blocks every HTML parser DOMPurify has.
      if (!policyRefused) throw error;
      plainTextOnly = true;
    }
  }
  if (!toldConsole) console.error(`<stream-chat>: ${TRUSTED_TYPES_REFUSED}`);
  toldConsole = true;
  sanitizerProblems.dispatchEvent(new CustomEvent('trusted-types-refused', { detail: TRUSTED_TYPES_REFUSED }));
  return fallback();
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
    if (!fragment) throw new TypeError('The sanitizer could not parse the HTML.');
  } finally {
    imageAllowed = noImages;
  }
  for (const img of fragment.querySelectorAll('img:not([src])')) img.replaceWith(img.getAttribute('alt') ?? '');
  // DOMPurify returns nodes of its own inert document: adopt (move) them rather than import (deep copy).
  return fragment.ownerDocument === document ? fragment : document.adoptNode(fragment);
}

/** Sanitizes rendered HTML into a fragment owned by the current document. */
export function sanitizeToFragment(html: string, imagePolicy: ImagePolicy): DocumentFragment {
  const fragment = orPlainText(
    () => purify(html, imagePolicy),
    () => {
      const plain = document.createDocumentFragment();
      plain.append(...plainTextNodes(html));
      return plain;
    },
  );
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
  const purified = orPlainText(
    () => purify(wrapped, imagePolicy),
    () => undefined,
  );
  if (!purified) return htmls.map(plainTextNodes);
  const wrappers = Array.from(purified.childNodes);
  if (wrappers.length !== htmls.length || wrappers.some((node) => node.nodeName.toLowerCase() !== BLOCK_WRAPPER)) {
    // Never expected (every block is balanced HTML); if the parser moved things around, go one by one.
    return htmls.map((html) => Array.from(sanitizeToFragment(html, imagePolicy).childNodes));
  }
  return wrappers.map((wrapper) => Array.from(wrapper.childNodes));
}
