/**
 * What the drop-in tests need from the server side, as a @web/test-runner plugin:
 *
 * - a second origin (a plain HTTP server on a free port) serving `dist/` under a CDN-like path, with CORS
 *   headers as public CDNs send them: `http://127.0.0.1:<port>/npm/stream-chat-element@0.1.0/dist/…`;
 * - the same files on the runner's own origin under a subfolder: `/drop-in/sub/folder/dist/…`;
 * - a page holding only the element and a script tag, optionally under a strict CSP with Trusted Types
 *   (`/drop-in/page?script=…&type=classic|module&csp=1`), its history in memory or, with
 *   `&storage=indexeddb&key=…`, in IndexedDB under that storage key;
 * - controls: `/drop-in/origin` (the second origin's dist URL), `/drop-in/parts?fail=…&delay=…` (files
 *   whose name contains `fail` answer 503, every file under `parts/` waits `delay` ms).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const DIST = resolve('dist');
const CDN_PATH = '/npm/stream-chat-element@0.1.0/dist/';
const SUBFOLDER_PATH = '/drop-in/sub/folder/dist/';
const NONCE = 'drop-in-test-nonce';
const TYPES: Record<string, string> = { '.js': 'text/javascript', '.map': 'application/json', '.json': 'application/json' };

const control = { fail: '', delayMs: 0 };

/** Serves a file of dist/ (or a 503 when told to fail it); false when `path` is not under `prefix`. */
async function serveDist(path: string, prefix: string, res: ServerResponse): Promise<boolean> {
  if (!path.startsWith(prefix)) return false;
  const name = path.slice(prefix.length);
  const file = resolve(DIST, name);
  if (!file.startsWith(DIST + sep)) {
    res.writeHead(404).end();
    return true;
  }
  if (name.startsWith('parts/') && control.delayMs) await new Promise((r) => setTimeout(r, control.delayMs));
  if (control.fail && name.includes(control.fail)) {
    res.writeHead(503, { 'access-control-allow-origin': '*', 'cache-control': 'no-store' }).end('unavailable');
    return true;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'access-control-allow-origin': '*',
      'cache-control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404, { 'access-control-allow-origin': '*' }).end();
  }
  return true;
}

function page(url: URL, origin: string): { html: string; csp?: string } {
  const script = url.searchParams.get('script') ?? '/dist/stream-chat.iife.js';
  const module = url.searchParams.get('type') === 'module';
  const csp = url.searchParams.get('csp') === '1';
  const nonce = csp ? ` nonce="${NONCE}"` : '';
  // History kept in memory unless a test asks for IndexedDB (under its own key, to read it after a reload).
  const storage = url.searchParams.get('storage') === 'indexeddb' ? 'indexeddb' : 'memory';
  const storageKey = (url.searchParams.get('key') ?? '').replace(/[^\w-]/g, '');
  const html = `<!doctype html><html><head><meta charset="utf-8">
<script${nonce}>window.violations = []; document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective + ' ' + e.blockedURI));</script>
<script${nonce}${module ? ' type="module"' : ''} src="${script}"></script>
</head><body>
<stream-chat base-url="${origin}/v1" model="dev;rate=0" storage="${storage}"${storageKey ? ` storage-key="${storageKey}"` : ''}></stream-chat>
</body></html>`;
  if (!csp) return { html };
  // A strict CSP as recommended: nonce + 'strict-dynamic' (what a trusted script loads is trusted), no
  // eval, and Trusted Types for every DOM sink, allowing only the two policies the widget creates.
  return {
    html,
    csp: [
      `script-src 'nonce-${NONCE}' 'strict-dynamic'`,
      "object-src 'none'",
      "base-uri 'none'",
      "require-trusted-types-for 'script'",
      'trusted-types lit-html dompurify',
    ].join('; '),
  };
}

let cdnOrigin = '';
const cdn = createServer((req: IncomingMessage, res: ServerResponse) => {
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  void serveDist(path, CDN_PATH, res).then((served) => {
    if (!served) res.writeHead(404).end();
  });
});

/** Plugin: starts and stops the second origin with the runner's server. */
export function dropInServerPlugin() {
  return {
    name: 'stream-chat-drop-in-server',
    async serverStart() {
      await new Promise<void>((done) => cdn.listen(0, '127.0.0.1', () => done()));
      const address = cdn.address();
      cdnOrigin = typeof address === 'object' && address ? `http://127.0.0.1:${address.port}` : '';
    },
    async serverStop() {
      await new Promise((done) => cdn.close(done));
    },
  };
}

/** Koa middleware for the runner's `middleware` option: the pages, controls and subfolder copy. */
export function dropInMiddleware() {
  return async (ctx: any, next: () => Promise<void>) => {
    const url = new URL(ctx.url, `http://${ctx.host}`);
    if (url.pathname === '/drop-in/origin') {
      ctx.body = { cdn: `${cdnOrigin}${CDN_PATH}` };
      return;
    }
    if (url.pathname === '/drop-in/parts') {
      control.fail = url.searchParams.get('fail') ?? '';
      control.delayMs = Number(url.searchParams.get('delay') ?? 0);
      ctx.body = { ...control };
      return;
    }
    if (url.pathname === '/drop-in/page') {
      const { html, csp } = page(url, `${ctx.protocol}://${ctx.host}`);
      if (csp) ctx.set('content-security-policy', csp);
      ctx.type = 'html';
      ctx.body = html;
      return;
    }
    if (url.pathname.startsWith(SUBFOLDER_PATH)) {
      ctx.respond = false;
      await serveDist(url.pathname, SUBFOLDER_PATH, ctx.res);
      return;
    }
    await next();
  };
}
