/**
 * Entry of the drop-in builds (`dist/stream-chat.js`, loaded by `dist/stream-chat.iife.js`, and the
 * single-file `dist/stream-chat.bundle.js`): defines `<stream-chat>` and sets `window.StreamChat` to this
 * module's exports: the element, `runChat` (its engine loaded with the first run), the strings and the
 * history tools. The engine's building blocks (partial JSON parser, object accumulator, the zod-based
 * JSON Schema helpers) are left to the package entry: here they would be in every visitor's first load.
 */
import * as api from './drop-in-api.js';

export * from './drop-in-api.js';

declare global {
  interface Window {
    StreamChat?: typeof api;
  }
}

// The first copy wins, like the element's definition (the script may be loaded twice).
if (typeof window !== 'undefined') window.StreamChat ??= api;
