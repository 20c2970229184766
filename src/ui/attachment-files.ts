/**
 * Files a user picks, pastes or drops, checked against the limits and made ready to send: images
 * shrunk in the browser (a provider has no use for more than ~2048 px a side, and a phone photo is
 * often 10 MB), text files read as text, PDFs and images kept as `data:` URLs.
 */
import type { Attachment } from '../core/index.js';

export const MAX_FILES = 10;
/** Largest file accepted, before shrinking (a PDF or text file is sent as it is). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** Longest side an image is sent at. */
export const MAX_IMAGE_SIDE = 2048;
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

let counter = 0;
const newId = () => `att-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Reads, shrinks and encodes one file. */
export async function prepareFile(file: File): Promise<PreparedFile> {
  const id = newId();
  if (isTextFile(file)) {
    const text = await file.text();
    return { attachment: { id, name: file.name, type: file.type || 'text/plain', size: file.size, text }, blob: file };
  }
  const blob = file.type.startsWith('image/') ? await shrinkImage(file) : file;
  return { attachment: { id, name: file.name, type: blob.type || file.type, size: blob.size, data: await dataUrlOf(blob) }, blob };
}

/** The image at most MAX_IMAGE_SIDE a side (JPEG, or PNG when it may be transparent); as it is when small enough or unreadable. */
export async function shrinkImage(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    return file; // a format the browser cannot decode (HEIC in Chromium): sent as it is
  }
  const scale = Math.min(1, MAX_IMAGE_SIDE / Math.max(bitmap.width, bitmap.height));
  if (scale === 1) {
    bitmap.close();
    return file;
  }
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  const type = file.type === 'image/png' || file.type === 'image/gif' || file.type === 'image/webp' ? 'image/png' : 'image/jpeg';
  const shrunk = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, type, 0.9));
  return shrunk ?? file;
}

export function dataUrlOf(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}
