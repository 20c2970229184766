/**
 * Files made ready to send, a part loaded with the first file attached or sent (attachment-files.ts
 * loads it): images shrunk in the browser, text files read as text, the rest as `data:` URLs.
 */
// Types only: this part shares no code with the first load, so it stays one file of its own.
import type { PreparedFile } from './attachment-files.js';

/** Longest side an image is sent at. */
export const MAX_IMAGE_SIDE = 2048;

let counter = 0;
const newId = () => `att-${Date.now().toString(36)}-${(counter++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;

/** Reads, shrinks and encodes one file (`asText`: a text file, sent as its text). */
export async function prepareFile(file: File, asText: boolean): Promise<PreparedFile> {
  const id = newId();
  if (asText) {
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
