/** An absolute http(s) URL, parsed; null for anything else (relative, `javascript:`, `data:`…): the link rule of sanitize.ts. */
export function httpUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || !/^https?:/i.test(value.trim())) return null;
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}
