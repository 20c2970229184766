/**
 * Styles for rendered markdown, as plain CSS text (the render layer knows no Lit): the element adopts it
 * with `unsafeCSS(markdownStyles)`; a page can put it in a <style>. Scoped under `.md`, the class to give a
 * MarkdownStream's container. Colours come from custom properties with readable defaults.
 */
export const markdownStyles = `
.md { line-height: 1.55; overflow-wrap: anywhere; }
.md .md-part > :first-child { margin-top: 0; }
.md > .md-group:not(.md-group-done) > .md-part:last-child > :last-child { margin-bottom: 0; }
/* Finished groups of parts (another follows: GROUP_DONE_CLASS in block-parts.ts; no rule here asks which
   group is last, which made Chromium restyle the whole previous group when a new one started) are laid out,
   styled and painted on their own and skipped while off screen, so a frame of a long answer touches the
   growing group only; so are the parts before the last in the growing group, which the browser otherwise
   walks again on every frame to paint (in time that grows with the answer: with formulas, 6 ms of a frame
   at 200 KB). Finished parts of finished groups lose it: the style update costs time per element that has
   content-visibility (block-parts.ts). A part or group so contained keeps its blocks' margins inside, so a
   part's first block has no top margin: the space between parts is the bottom margin of the block before,
   contained or not, and nothing moves when a part or group becomes final. Only the answer's last block
   (the growing group's) has no bottom margin. */
.md > .md-group-done, .md > .md-group:not(.md-group-done) > .md-part:not(:last-child) { content-visibility: auto; }
/* The sizes a skipped group or part keeps: those it had when last shown. Set before it is skipped, while
   it grows: the browser remembers the size only of an element that has this when it is laid out, and an
   element that becomes skipped without one would shrink to the estimate, moving what follows. */
.md > .md-group { contain-intrinsic-size: auto 1280em; }
.md .md-part { contain-intrinsic-size: auto 40em; }
.md pre { margin: 0; padding: 0.75em 1em; overflow-x: auto; font-size: 0.875em; line-height: 1.45; }
.md code { font-family: var(--stream-chat-code-font, ui-monospace, SFMono-Regular, Menlo, Consolas, monospace); }
.md :not(pre) > code { padding: 0.1em 0.35em; border-radius: 4px; background: var(--stream-chat-inline-code-bg, rgba(127, 127, 127, 0.15)); font-size: 0.9em; }
.md .md-code { margin: 0.75em 0; border-radius: 8px; overflow: hidden; background: var(--stream-chat-code-bg, #f6f8fa); color: var(--stream-chat-code-fg, #1f2328); }
.md .md-code-bar { display: flex; justify-content: space-between; align-items: center; padding: 0.25em 0.5em 0.25em 1em; font-size: 0.75em; opacity: 0.8; border-bottom: 1px solid rgba(127, 127, 127, 0.2); }
.md .md-copy { font: inherit; cursor: pointer; border: 1px solid rgba(127, 127, 127, 0.35); border-radius: 4px; background: transparent; color: inherit; padding: 0.15em 0.6em; }
.md .md-copy:focus-visible, .md .md-image:focus-visible { outline: 2px solid var(--stream-chat-accent, #2563eb); outline-offset: 2px; }
.md table { border-collapse: collapse; display: block; overflow-x: auto; max-width: 100%; }
.md th, .md td { border: 1px solid rgba(127, 127, 127, 0.35); padding: 0.3em 0.7em; }
.md th[align="center"], .md td[align="center"] { text-align: center; }
.md th[align="right"], .md td[align="right"] { text-align: right; }
.md blockquote { margin: 0.75em 0; padding: 0 1em; border-left: 3px solid rgba(127, 127, 127, 0.4); opacity: 0.9; }
.md img { max-width: 100%; }
.md > .md-notice { margin: 0.5em 0 0; font-size: 0.85em; font-style: italic; opacity: 0.8; }
.md .md-image { font: inherit; font-size: 0.875em; cursor: pointer; border: 1px dashed rgba(127, 127, 127, 0.6); border-radius: 6px; background: transparent; color: inherit; padding: 0.5em 0.8em; }
.md li.md-task { list-style: none; }
.md li.md-task > input[type="checkbox"], .md li.md-task > p > input[type="checkbox"] { margin: 0 0.4em 0 -1.3em; }
.md .hljs-keyword, .md .hljs-selector-tag, .md .hljs-built_in, .md .hljs-meta .hljs-keyword { color: var(--stream-chat-hl-keyword, #cf222e); }
.md .hljs-string, .md .hljs-attr, .md .hljs-template-string, .md .hljs-regexp { color: var(--stream-chat-hl-string, #0a3069); }
.md .hljs-number, .md .hljs-literal, .md .hljs-symbol { color: var(--stream-chat-hl-number, #0550ae); }
.md .hljs-comment, .md .hljs-quote { color: var(--stream-chat-hl-comment, #6e7781); font-style: italic; }
.md .hljs-title, .md .hljs-title.function_, .md .hljs-section { color: var(--stream-chat-hl-title, #8250df); }
.md .hljs-type, .md .hljs-class .hljs-title, .md .hljs-tag, .md .hljs-name { color: var(--stream-chat-hl-type, #953800); }
.md .hljs-variable, .md .hljs-params, .md .hljs-property { color: var(--stream-chat-hl-variable, #24292f); }
`;
