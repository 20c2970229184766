/**
 * `dist/stream-chat.iife.js`, the classic-script drop-in: a few hundred bytes that load
 * `stream-chat.js` (the ES module drop-in, which then loads its lazy parts from `parts/`) from beside this
 * script's own URL, so the pair works from any folder, a CDN path or another origin. `import()` is no
 * Trusted Types sink and needs no `eval`, so a strict CSP that allows this script allows the rest.
 *
 * The element is defined when the module has run (custom elements upgrade then); `window.StreamChat` is
 * set at the same moment.
 */
const script = document.currentScript as HTMLScriptElement | null;
// A script without src (pasted inline) has no URL of its own: the files are then looked for beside the page.
const entry = new URL('stream-chat.js', script?.src || document.baseURI).href;
import(/* @vite-ignore */ entry).catch((error: unknown) => {
  console.error(`<stream-chat>: ${entry} could not be loaded.`, error);
});
