/**
 * Bounds how deep markdown can nest before it reaches the parser. marked recurses once per blockquote
 * or list level, so an answer of 10,000 `>` (or a list indented 500 levels deep) overflowed the stack
 * and cost the square of its depth on the way. Only the start of a line can open a level (its run of
 * `>`, list markers and indentation), so each line's prefix is capped:
 *
 * - after MAX_MARKERS quote or bullet markers, the next marker is escaped: the rest of the line is text
 *   (a bullet right after another, as in `---` or `**`, is a rule or emphasis and ends the prefix);
 * - indentation beyond MAX_INDENT columns in a prefix is dropped: deeper items become siblings at that depth.
 *
 * A streaming transducer: each output character depends only on the text before it, so any split of
 * the input gives the same output (the stream and the one-shot render agree). Lines that need none of
 * this pass unchanged. `limited` says whether any line was cut, for a notice.
 */
export const MAX_MARKERS = 32;
/**
 * 32 columns: 16 levels of a list indented by two, 8 by four (or by a tab), more than any answer nests.
 * Lexing a list costs more than linearly in its depth: 500 items indented by two, capped at 64 columns
 * (32 levels), took 62 ms to lex; at 32 columns, 12 ms. The open tail is lexed again each frame.
 */
export const MAX_INDENT = 32;

export class NestingGuard {
  /** Inside a line's leading run of markers and spaces. */
  private inPrefix = true;
  private markers = 0;
  private width = 0;
  /** The prefix character before this one: a second `-` or `*` in a row is a rule or emphasis, not a list. */
  private previous = 0;
  limited = false;

  push(text: string): string {
    let out = '';
    let from = 0;
    let changed = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) {
        this.inPrefix = true;
        this.previous = 0;
        this.markers = 0;
        this.width = 0;
        continue;
      }
      if (!this.inPrefix) continue;
      const previous = this.previous;
      this.previous = c;
      if (c === 32 || c === 9) {
        const w = c === 9 ? 4 : 1;
        if (this.width + w > MAX_INDENT) {
          // Too deep: drop this space.
          out += text.slice(from, i);
          from = i + 1;
          changed = this.limited = true;
          continue;
        }
        this.width += w;
      } else if (c === 62 /* > */ || (isBullet(c) && !isBullet(previous))) {
        if (this.markers >= MAX_MARKERS) {
          out += text.slice(from, i) + '\\';
          from = i;
          changed = this.limited = true;
          this.inPrefix = false;
          continue;
        }
        this.markers++;
        this.width++;
      } else {
        this.inPrefix = false;
      }
    }
    return changed ? out + text.slice(from) : text;
  }
}

const isBullet = (c: number) => c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */;

/** The whole text through a fresh guard. */
export function limitNesting(text: string): { text: string; limited: boolean } {
  const guard = new NestingGuard();
  const out = guard.push(text);
  return { text: out, limited: guard.limited };
}

/** The note shown after a text whose nesting was cut (the stream and the one-shot render add the same). */
export function nestingNotice(text: string): HTMLParagraphElement {
  const note = document.createElement('p');
  note.className = NOTICE_CLASS;
  note.setAttribute('role', 'note');
  note.textContent = text;
  return note;
}

export const NOTICE_CLASS = 'md-notice';
