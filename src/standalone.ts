/**
 * Entry of the self-contained builds (one script, no imports): the same as the package entry. The
 * IIFE build exposes this module's exports as `window.StreamChat`.
 */
export * from './index.js';
