/** Options shared by renderMarkdown() and MarkdownStream. */
import type { FrameClock } from './frame-clock.js';
import type { FenceRenderers } from './fence-renderers.js';

/** UI text inside rendered markdown, for i18n. `{host}` and `{alt}` are replaced. */
export interface MarkdownStrings {
  /** Visible text of a code block's copy button. */
  copy: string;
  /** Accessible name of a code block's copy button. */
  copyLabel: string;
  /** Shown on the button for a moment after a successful copy. */
  copied: string;
  /** Tooltip of a remote image's click-to-load placeholder (when the image has no title of its own). */
  loadImageLabel: string;
  /** Visible text of the placeholder, which is also its accessible name. */
  loadImage: string;
  /** Accessible name of a checked task-list box. */
  taskDone: string;
  /** Accessible name of an unchecked task-list box. */
  taskOpen: string;
  /** A note after an answer whose quotes or lists nest deeper than the display allows (shown flattened). */
  nestingLimited: string;
  /** Under a code block whose fence renderer failed; `{language}` and `{reason}` are replaced. */
  rendererFailed: string;
}

export const defaultMarkdownStrings: MarkdownStrings = {
  copy: 'Copy',
  copyLabel: 'Copy code',
  copied: 'Copied',
  loadImageLabel: 'Load image “{alt}” from {host}',
  loadImage: 'Image: {alt} ({host}) — click to load',
  taskDone: 'Done',
  taskOpen: 'Not done',
  nestingLimited: 'Quotes or lists nested deeper than 32 levels are shown flattened.',
  rendererFailed: 'The {language} renderer failed ({reason}); the code is shown instead.',
};

export interface MarkdownOptions {
  /**
   * Origins (`https://images.example.com`) whose images load at once. Any other remote image becomes a
   * button showing its alt text and host, loaded only when the reader clicks it: an image URL is a
   * zero-click way to send a conversation to a third party.
   */
  allowedImageOrigins?: readonly string[];
  /** UI text for copy buttons and image placeholders. */
  strings?: Partial<MarkdownStrings>;
  /** Adds a copy button to each code block (default true). Turn off to add your own from the `.md-code` blocks. */
  copyButtons?: boolean;
  /** MarkdownStream only: paces renders (default requestAnimationFrame). */
  clock?: FrameClock;
  /**
   * MarkdownStream only: the text appended so far as its owner keeps it (all of it, or more: text not
   * appended yet may follow). Given it, the stream keeps no copy of the source of finished blocks, which
   * are then DOM only, and reads it back from here the rare times it needs it (a link definition that
   * arrives after the links that use it). Without it, the stream keeps the source itself.
   */
  textSoFar?: () => string;
  /** Functions that show a closed fence of their language instead of its code (fence-renderers.ts). */
  renderers?: FenceRenderers;
}

/** The options with every default filled in. */
export interface ResolvedMarkdownOptions {
  allowedImageOrigins: ReadonlySet<string>;
  /** Images the reader chose to load (by clicking their placeholder); they stay loaded on re-render. */
  loadedImages: Set<string>;
  /** Whether an image URL may load: an allowed origin, or chosen by the reader. */
  imageAllowed: (url: URL) => boolean;
  strings: MarkdownStrings;
  copyButtons: boolean;
  renderers?: FenceRenderers;
}

export function resolveMarkdownOptions(options: MarkdownOptions = {}): ResolvedMarkdownOptions {
  const origins = new Set<string>();
  for (const origin of options.allowedImageOrigins ?? []) {
    try {
      origins.add(new URL(origin).origin);
    } catch {
      // Not a URL: ignored rather than thrown, a bad entry must not break rendering.
    }
  }
  const loadedImages = new Set<string>();
  return {
    allowedImageOrigins: origins,
    loadedImages,
    imageAllowed: (url) => origins.has(url.origin) || loadedImages.has(url.href),
    // A string left undefined (the element passes its optional ones as they are) keeps its default.
    strings: { ...defaultMarkdownStrings, ...Object.fromEntries(Object.entries(options.strings ?? {}).filter(([, text]) => text !== undefined)) },
    copyButtons: options.copyButtons ?? true,
    renderers: options.renderers,
  };
}

/** Fills `{name}` placeholders. */
export function format(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => values[name] ?? whole);
}
