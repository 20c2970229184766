/**
 * Files a user picks, pastes or drops, checked against the limits and made ready to send: images
 * shrunk in the browser (a provider has no use for more than ~2048 px a side, and a phone photo is
 * often 10 MB), text files read as text, PDFs and images kept as `data:` URLs.
 */
import { lazyPart, type Attachment } from '../core/index.js';

export const MAX_FILES = 10;
/** Largest file accepted, before shrinking (a PDF or text file is sent as it is). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Text files larger than this are refused: inlined, they would fill the model's context. */
export const MAX_TEXT_BYTES = 512 * 1024;

const TEXT_TYPES = /^(text\/|application\/(json|xml|x-yaml|yaml|javascript|x-sh|csv)$)/;
const TEXT_EXTENSIONS = /\.(txt|md|markdown|csv|tsv|json|xml|ya?ml|html?|css|js|mjs|ts|tsx|jsx|py|rb|go|rs|java|c|h|cpp|sh|log|ini|toml)$/i;

/** True when `file` matches an `accept` list (`image/*,.pdf,text/plain`), as `<input accept>` reads it. */
export function accepts(accept: string, file: File): boolean {
  const rules = accept.split(',').map((r) => r.trim().toLowerCase()).filter(Boolean);
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  return rules.some((rule) =>
    rule === '*' || rule === '*/*' ? true : rule.startsWith('.') ? name.endsWith(rule) : rule.endsWith('/*') ? type.startsWith(rule.slice(0, -1)) : type === rule,
  );
}

export const isTextFile = (file: File) => TEXT_TYPES.test(file.type) || (!file.type && TEXT_EXTENSIONS.test(file.name));

/** Human size: 532 B, 14 KB, 3.2 MB. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Why these files cannot be added to the `already` ones, or undefined when they can. */
export function refusal(files: File[], already: number, accept: string): string | undefined {
  if (already + files.length > MAX_FILES) return `At most ${MAX_FILES} files can be sent with one message.`;
  for (const file of files) {
    if (!accepts(accept, file)) return `“${file.name}” cannot be attached: only ${accept} files are accepted.`;
    if (file.size > MAX_FILE_BYTES) return `“${file.name}” is too large (${formatSize(file.size)}; the limit is ${formatSize(MAX_FILE_BYTES)}).`;
    if (isTextFile(file) && file.size > MAX_TEXT_BYTES) {
      return `“${file.name}” is too long to send as text (${formatSize(file.size)}; the limit is ${formatSize(MAX_TEXT_BYTES)}).`;
    }
  }
  return undefined;
}

/** A file ready to send: its description and the Blob kept in storage (the shrunk image, not the original). */
export interface PreparedFile {
  attachment: Attachment;
  blob: Blob;
}

/** Reading, shrinking and encoding files: a part loaded with the first file (attachment-prepare.ts). */
export const preparePart = lazyPart('attachments', () => import('./attachment-prepare.js'));

/** Reads, shrinks and encodes one file. */
export const prepareFile = async (file: File): Promise<PreparedFile> => (await preparePart.load()).prepareFile(file, isTextFile(file));

/** A Blob as a `data:` URL. */
export const dataUrlOf = async (blob: Blob): Promise<string> => (await preparePart.load()).dataUrlOf(blob);
