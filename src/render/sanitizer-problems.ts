/**
 * What the sanitizer tells the chats on the page when the page's Trusted Types policy refuses its
 * "dompurify" policy. Apart from sanitize.ts so that the element can listen from its first load without
 * downloading the sanitizer (which comes with the markdown part).
 */
export const TRUSTED_TYPES_REFUSED =
  'Answers are shown as plain text: this page requires Trusted Types (Content-Security-Policy ' +
  `require-trusted-types-for 'script') and does not allow the policy "dompurify". Allow it beside ` +
  '"lit-html": trusted-types lit-html dompurify';

/** Tells listeners (each chat on the page) that answers fell back to plain text; see TRUSTED_TYPES_REFUSED. */
export const sanitizerProblems = new EventTarget();
