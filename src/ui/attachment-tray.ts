/**
 * The files waiting in the composer: added by the paperclip, a paste or a drop, checked against the
 * limits at once (a refused file is named in a message and nothing is sent), prepared (shrunk, read)
 * while the user types, and handed to the turn with the text.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { Attachment } from '../core/index.js';
import { formatSize, prepareFile, refusal, type PreparedFile } from './attachment-files.js';
import { closeIcon } from './icons.js';
import type { Strings } from './strings.js';

export class AttachmentTray {
  files: PreparedFile[] = [];
  /** Why the last files were refused (shown under the composer), or empty. */
  error = '';
  #preparing = 0;
  #ready: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {}

  get busy(): boolean {
    return this.#preparing > 0;
  }

  /** Adds files if all pass the limits; else says why and adds none. */
  add(files: File[], accept: string): boolean {
    if (!files.length) return false;
    const refused = refusal(files, this.files.length + this.#preparing, accept);
    this.error = refused ?? '';
    if (refused) {
      this.host.requestUpdate();
      this.host.dispatchEvent(new CustomEvent('stream-chat-attachment-refused', { detail: { message: refused, files }, bubbles: true, composed: true }));
      return false;
    }
    this.#preparing += files.length;
    const step = Promise.all(
      files.map(async (file) => {
        try {
          const prepared = await prepareFile(file);
          // Read the list after the await: other files may have been added or removed meanwhile.
          this.files = [...this.files, prepared];
        } catch {
          this.error = `“${file.name}” could not be read.`;
        } finally {
          this.#preparing--;
          this.host.requestUpdate();
        }
      }),
    );
    this.#ready = this.#ready.then(() => step);
    this.host.requestUpdate();
    return true;
  }

  /** Resolves once every added file is prepared. */
  ready(): Promise<unknown> {
    return this.#ready;
  }

  remove(id: string): void {
    this.files = this.files.filter((f) => f.attachment.id !== id);
    this.error = '';
    this.host.requestUpdate();
  }

  /** Hands the files to a message and empties the tray. */
  take(): PreparedFile[] {
    const files = this.files;
    this.files = [];
    this.error = '';
    this.host.requestUpdate();
    return files;
  }
}

/** One attachment as a preview: a thumbnail for an image, a name and size chip for anything else. */
export function renderAttachment(a: Attachment, strings: Strings, remove?: () => void): TemplateResult {
  const image = a.type.startsWith('image/') && a.data;
  return html`<li class="attachment ${image ? 'image' : 'file'}" part="attachment" title=${a.name}>
    ${image
      ? html`<img src=${a.data!} alt=${a.name} part="attachment-thumbnail" />`
      : html`<span class="attachment-name" part="attachment-name">${a.name}</span>
          <span class="attachment-size">${formatSize(a.size)}</span>`}
    ${remove
      ? html`<button type="button" class="icon-button remove" part="attachment-remove" aria-label=${`${strings.removeAttachment} ${a.name}`}
          title=${strings.removeAttachment} @click=${remove}>${closeIcon()}</button>`
      : nothing}
  </li>`;
}

export function renderAttachments(list: Attachment[], strings: Strings, remove?: (id: string) => void): TemplateResult | typeof nothing {
  if (!list.length) return nothing;
  return html`<ul class="attachments" part="attachments" aria-label=${strings.attachments}>
    ${list.map((a) => renderAttachment(a, strings, remove && (() => remove(a.id))))}
  </ul>`;
}
