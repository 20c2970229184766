/**
 * An attachment's bytes in and out of an export file: a Blob kept in IndexedDB becomes a base64 `data:`
 * URL inside the JSON, and back. Plain byte work (no FileReader, no fetch of a `data:` URL, which a
 * page's CSP `connect-src` may forbid), so it runs wherever the store runs.
 */

/** Bytes per `String.fromCharCode` call: well under the engines' argument limits. */
const CHUNK = 0x8000;

export async function blobToDataUrl(blob: Blob, type = blob.type): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return `data:${type || 'application/octet-stream'};base64,${btoa(binary)}`;
}

const DATA_URL = /^data:([^;,]*)((?:;[^;,]*)*),(.*)$/s;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** True when `value` is a `data:` URL whose body decodes (base64, or percent-encoded text). */
export function isDataUrl(value: string): boolean {
  const match = DATA_URL.exec(value);
  if (!match) return false;
  if (!isBase64(match[2])) return true;
  const body = match[3].replace(/\s+/g, '');
  return body.length % 4 !== 1 && BASE64.test(body);
}

const isBase64 = (params: string) => /;base64$/i.test(params);

/** The bytes of a `data:` URL as a Blob of `type` (the URL's own media type when not given); undefined when it does not decode. */
export function dataUrlToBlob(value: string, type?: string): Blob | undefined {
  const match = DATA_URL.exec(value);
  if (!match) return undefined;
  const blobType = type || match[1] || 'application/octet-stream';
  try {
    if (!isBase64(match[2])) return new Blob([decodeURIComponent(match[3])], { type: blobType });
    const binary = atob(match[3].replace(/\s+/g, ''));
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return new Blob([bytes], { type: blobType });
  } catch {
    return undefined; // malformed base64 or percent-encoding
  }
}
