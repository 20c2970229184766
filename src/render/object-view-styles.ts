/**
 * Styles for the object view (object-view.ts), as plain CSS text (the render layer knows no Lit): the
 * element adopts it with `unsafeCSS(objectViewStyles)`; a page can put it in a <style>. Classes start with
 * `ov-`; colours come from the element's custom properties with readable defaults.
 */
export const objectViewStyles = `
.ov { line-height: 1.5; overflow-wrap: anywhere; }
.ov-fields { display: grid; grid-template-columns: minmax(6em, max-content) 1fr; gap: 0.3em 1em; margin: 0; }
.ov-field { display: contents; }
.ov-label { font-weight: 600; opacity: 0.8; }
.ov-data { margin: 0; min-width: 0; }
.ov-string { white-space: pre-wrap; }
.ov-link { color: var(--_link); }
.ov-deep { white-space: pre-wrap; overflow-wrap: anywhere; font-family: ui-monospace, monospace; font-size: 0.85em; min-inline-size: 12em; }
/* From the fourth level of fields on, the label goes above its value: side by side, each level took a
   label column's width, and a few levels down the values had none left. */
.ov-fields .ov-fields .ov-fields .ov-fields { grid-template-columns: minmax(0, 1fr); gap: 0; }
.ov-fields .ov-fields .ov-fields .ov-fields > .ov-field > .ov-data {
  padding-inline-start: 0.5em; border-inline-start: 1px solid var(--stream-chat-border, rgba(127, 127, 127, 0.3));
}
.ov-deep-note { font-family: inherit; font-style: italic; opacity: 0.8; }
.ov-number { font-variant-numeric: tabular-nums; }
.ov-null, .ov-placeholder { opacity: 0.55; }
.ov-pending .ov-placeholder { animation: ov-pulse 1.2s ease-in-out infinite; }
.ov-missing .ov-placeholder { font-style: italic; }
.ov-open.ov-string::after { content: '▍'; opacity: 0.5; }
.ov-list { margin: 0; padding-left: 1.4em; }
.ov-list.ov-cards { list-style: none; padding: 0; display: grid; gap: 0.6em; }
.ov-card { border: 1px solid var(--stream-chat-border, rgba(127, 127, 127, 0.3)); border-radius: 8px; padding: 0.6em 0.8em; }
.ov-empty::after { content: attr(data-empty); opacity: 0.55; }
.ov-invalid > .ov-label, .ov-invalid > .ov-data, li.ov-invalid { color: var(--stream-chat-error, #b42318); }
.ov-issues { margin-top: 0.75em; padding: 0.5em 0.8em; border-radius: 8px; background: var(--stream-chat-error-bg, rgba(180, 35, 24, 0.08)); }
.ov-issues-heading { margin: 0 0 0.25em; font-weight: 600; }
.ov-issue-list { margin: 0; padding-left: 1.2em; }
@keyframes ov-pulse { 50% { opacity: 0.2; } }
@media (prefers-reduced-motion: reduce) { .ov-pending .ov-placeholder { animation: none; } }
`;
