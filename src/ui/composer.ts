/**
 * The message box and its Send / Stop button. Enter sends, Shift+Enter adds a line, and a key press
 * that belongs to an input method's composition (Japanese, Chinese, Korean…) never sends. Escape
 * stops an answer that is streaming.
 */
import { html, type TemplateResult } from 'lit';
import type { AttachmentTray } from './attachment-tray.js';
import { renderAttachments } from './attachment-tray.js';
import type { Dictation } from './dictation.js';
import { micIcon, paperclipIcon, sendIcon, stopIcon } from './icons.js';
import type { Strings } from './strings.js';

/** True when this keydown should send the message. */
export function isSendKey(event: KeyboardEvent): boolean {
  if (event.key !== 'Enter' || event.shiftKey) return false;
  // keyCode 229 is what browsers report for keys an IME takes; Safari ends a composition with an
  // Enter whose isComposing is already false but whose keyCode is still 229.
  if (event.isComposing || event.keyCode === 229) return false;
  return true;
}

export interface ComposerContext {
  strings: Strings;
  placeholder: string;
  busy: boolean;
  canSend: boolean;
  submit(): void;
  stop(): void;
  input(event: InputEvent): void;
  /** Files a user may attach (`accept`); undefined: no attaching at all. */
  accept?: string;
  tray: AttachmentTray;
  /** Dictation, when `voice` is set and the browser can transcribe; undefined: no microphone button. */
  voice?: Dictation;
  /** Why dictation or reading aloud stopped, or empty. */
  voiceNotice?: string;
}

function micButton(voice: Dictation, strings: Strings): TemplateResult {
  const label = voice.listening ? strings.stopDictation : strings.dictate;
  return html`<button type="button" class="icon-button round mic" part="voice-button" aria-label=${label} title=${label}
    aria-pressed=${voice.listening ? 'true' : 'false'} @pointerenter=${() => voice.prefetch()} @focus=${() => voice.prefetch()}
    @click=${() => void voice.toggle()}>${micIcon()}</button>`;
}

/** Files of a paste or a drop (a pasted screenshot arrives as a file too). */
function filesOf(data: DataTransfer | null): File[] {
  return data ? Array.from(data.files) : [];
}

export function renderComposer(ctx: ComposerContext): TemplateResult {
  const { strings, tray, accept } = ctx;
  const add = (files: File[]) => accept !== undefined && tray.add(files, accept);
  return html`${accept !== undefined
      ? html`${renderAttachments(tray.files.map((f) => f.attachment), strings, (id) => tray.remove(id))}
          ${tray.error ? html`<p class="attach-error" part="attachment-error" role="alert">${tray.error}</p>` : ''}`
      : ''}${ctx.voiceNotice ? html`<p class="attach-error" part="voice-notice" role="alert">${ctx.voiceNotice}</p>` : ''}<form class="composer" part="composer"
    @submit=${(event: SubmitEvent) => {
      event.preventDefault();
      ctx.submit();
    }}
    @paste=${(event: ClipboardEvent) => {
      const files = filesOf(event.clipboardData);
      if (files.length && accept !== undefined) {
        event.preventDefault(); // the file, not its name as text
        add(files);
      }
    }}
    @dragover=${(event: DragEvent) => {
      if (accept !== undefined && event.dataTransfer?.types.includes('Files')) event.preventDefault();
    }}
    @drop=${(event: DragEvent) => {
      if (accept === undefined) return;
      event.preventDefault();
      add(filesOf(event.dataTransfer));
    }}>
    ${accept !== undefined
      ? html`<input type="file" class="file-input" part="file-input" hidden multiple accept=${accept}
            @change=${(event: Event) => {
              const input = event.target as HTMLInputElement;
              add(Array.from(input.files ?? []));
              input.value = ''; // the same file may be picked again after it was removed
            }} />
          <button type="button" class="icon-button round" part="attach-button" aria-label=${strings.attach}
            title=${strings.attach}
            @click=${(event: Event) => ((event.currentTarget as HTMLElement).previousElementSibling as HTMLInputElement).click()}>
            ${paperclipIcon()}</button>`
      : ''}
    <textarea class="input" part="input" rows="1" aria-label=${strings.inputLabel} placeholder=${ctx.placeholder}
      enterkeyhint="send"
      @input=${ctx.input}
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape' && ctx.busy) {
          // Escape first stops a streaming answer (in popup mode a second Escape closes the panel).
          event.preventDefault();
          event.stopPropagation();
          ctx.stop();
          return;
        }
        if (!isSendKey(event)) return;
        event.preventDefault();
        ctx.submit();
      }}></textarea>
    ${ctx.voice ? micButton(ctx.voice, strings) : ''}
    ${ctx.busy
      ? html`<button type="button" class="icon-button round stop" part="stop-button" aria-label=${strings.stop}
          title=${strings.stop} @click=${ctx.stop}>${stopIcon()}</button>`
      : html`<button type="submit" class="icon-button round primary" part="send-button" aria-label=${strings.send}
          title=${strings.send} ?disabled=${!ctx.canSend}>${sendIcon()}</button>`}
  </form>`;
}
