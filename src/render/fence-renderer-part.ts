/** Runs fence renderers on the blocks marked for them (see fence-renderers.ts). */
import { RENDER_PENDING_CLASS, type FenceRenderers, type RendererErrorDetail } from './fence-renderers.js';
import { sanitizeRich } from './rich-sanitize.js';

/** A renderer still running after this long is abandoned (its signal aborted) and the code stays. */
export const RENDERER_TIMEOUT_MS = 10_000;

export function runRenderers(container: HTMLElement, renderers: FenceRenderers, failed: string, detached?: AbortSignal): void {
  for (const block of container.querySelectorAll<HTMLElement>(`.${RENDER_PENDING_CLASS}`)) {
    block.classList.remove(RENDER_PENDING_CLASS);
    const code = block.querySelector('pre code');
    const language = [...(code?.classList ?? [])].find((name) => name.startsWith('language-'))?.slice('language-'.length) ?? '';
    const renderer = Object.hasOwn(renderers, language) ? renderers[language] : undefined;
    if (code && typeof renderer === 'function') void run(block, language, code.textContent ?? '', renderer, failed, detached);
  }
}

async function run(
  block: HTMLElement,
  language: string,
  code: string,
  renderer: FenceRenderers[string],
  failed: string,
  detached?: AbortSignal,
): Promise<void> {
  const timeout = new AbortController();
  const signal = detached ? AbortSignal.any([detached, timeout.signal]) : timeout.signal;
  let timer: ReturnType<typeof setTimeout> | undefined;
  block.setAttribute('aria-busy', 'true');
  try {
    const output = await Promise.race([
      Promise.resolve().then(() => renderer(code, { signal })),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          const error = new Error(`it took longer than ${RENDERER_TIMEOUT_MS / 1000} s`);
          timeout.abort(error);
          reject(error);
        }, RENDERER_TIMEOUT_MS);
      }),
    ]);
    if (signal.aborted) return;
    if (!(output instanceof Node)) throw new TypeError('it returned no DOM node');
    const rendered = document.createElement('div');
    rendered.className = 'md-rendered';
    rendered.append(sanitizeRich(output));
    // The block element itself stays (the stream holds it); only what is inside changes.
    block.replaceChildren(rendered);
    block.className = 'md-rendered-block';
  } catch (cause) {
    if (detached?.aborted) return;
    const message = cause instanceof Error ? cause.message : String(cause);
    const notice = document.createElement('p');
    notice.className = 'md-render-error';
    notice.setAttribute('role', 'status');
    notice.textContent = failed.replace('{language}', language).replace('{reason}', message);
    block.append(notice);
    const detail: RendererErrorDetail = { language, message };
    block.dispatchEvent(new CustomEvent('stream-chat-renderer-error', { detail, bubbles: true, composed: true }));
  } finally {
    clearTimeout(timer);
    block.removeAttribute('aria-busy');
  }
}
