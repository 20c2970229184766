/** Character classes and tables of the JSON grammar (RFC 8259), for the partial JSON parser. */

export const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
export const LITERALS: Record<string, [string, unknown]> = { t: ['true', true], f: ['false', false], n: ['null', null] };

export function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
/** Index of the first non-whitespace character at or after `i` (indented JSON is much whitespace). */
export function skipWs(chunk: string, i: number): number {
  const n = chunk.length;
  while (i < n && isWs(chunk.charCodeAt(i))) i++;
  return i;
}
export function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}
export function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  return l >= 0x61 && l <= 0x66 ? l - 0x57 : -1;
}
