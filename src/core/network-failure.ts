/**
 * Why a request never got an answer. The browser hides the reason from `fetch` on purpose (a page
 * must not learn why another origin refused it): offline, mixed content, a CORS refusal and a server
 * that is down all reject with the same bare `TypeError: Failed to fetch`. What the page can see —
 * whether the browser is online, its own scheme and origin, and the URL it asked for — is usually
 * enough to say which it probably is, and each asks the user to check something different.
 */
import type { ChatError, NetworkCause } from './events.js';

/** What a page knows about itself; absent outside a browser (Node, most Workers know part of it). */
export interface PageFacts {
  /** The page's own URL. */
  href?: string;
  /** `navigator.onLine`: false is reliable (no network at all), true only means "maybe". */
  online?: boolean;
}

/** The facts of the current page, read at the moment of the failure. */
export function currentPage(): PageFacts {
  const g = globalThis as { location?: { href?: string }; navigator?: { onLine?: boolean } };
  return { href: g.location?.href, online: typeof g.navigator?.onLine === 'boolean' ? g.navigator.onLine : undefined };
}

/**
 * The most likely cause of a request to `url` that failed before any answer. `unreachable` when
 * nothing points elsewhere: the server is down, the name does not resolve, or the URL is wrong.
 */
export function likelyCause(url: string | undefined, page: PageFacts): NetworkCause {
  if (page.online === false) return 'offline';
  const pageUrl = parse(page.href);
  const target = parse(url, page.href);
  if (!pageUrl || !target) return 'unreachable';
  const insecure = target.protocol === 'http:' || target.protocol === 'ws:';
  if (pageUrl.protocol === 'https:' && insecure && !isLoopback(target.hostname)) return 'mixed-content';
  // CORS applies to fetch across origins only; a WebSocket is not subject to it.
  const fetched = target.protocol === 'http:' || target.protocol === 'https:';
  if (fetched && /^https?:$/.test(pageUrl.protocol) && target.origin !== pageUrl.origin) return 'cors';
  return 'unreachable';
}

/** The error of a request that failed before any answer, with a message for its likely cause. */
export function explainNetworkFailure(error: ChatError, url: string | undefined, page: PageFacts = currentPage()): ChatError {
  const cause = likelyCause(url, page);
  const target = parse(url, page.href);
  const where = target ? target.origin : 'the server';
  switch (cause) {
    case 'offline':
      return { ...error, network: cause, retryable: true, message: 'The browser is offline. Check the connection, then send again.' };
    case 'mixed-content':
      return {
        ...error,
        network: cause,
        retryable: false,
        message: `The browser blocked the request as mixed content: this page is served over https and ${where} is not. Use an https URL for the server (or a proxy on this site).`,
      };
    case 'cors':
      return {
        ...error,
        network: cause,
        message: `Could not get an answer from ${where}. Probably CORS: the server (or its proxy) does not allow requests from ${parse(page.href)!.origin}, so the browser blocked them. Allow that origin on the server, or check that ${where} is running.`,
      };
    default:
      return { ...error, network: cause };
  }
}

/** Loopback hosts are "potentially trustworthy": browsers let an https page call them over http. */
function isLoopback(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function parse(url: string | undefined, base?: string): URL | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}
