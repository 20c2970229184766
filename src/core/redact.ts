/**
 * Keeps credentials out of error messages. Some servers and proxies repeat the request's headers in
 * an error body ("Invalid header: Authorization: Bearer sk-…"); that text is shown in the widget's
 * banner, put in `error.message` and handed to every `error` listener, so it must not carry the
 * user's key. The key itself, anything after `Bearer`, and the values of the host's credential
 * headers are replaced with `[redacted]` wherever server-supplied text ends up.
 */
import type { ChatError } from './events.js';

export const REDACTED = '[redacted]';

/**
 * `Bearer <token>` in any casing, however the token is spelled (base64, JWT, `sk-…`). Eight characters
 * at least, so prose ("the bearer of") is left alone; no real token is shorter.
 */
const BEARER = /\b(bearer)(\s+|%20|\+)(?!\[redacted\])[^\s"',;}\]]{8,}/gi;
/** Headers whose values are credentials when a host passes them in `headers`. */
const SECRET_HEADER = /^(authorization|proxy-authorization|x-api-key|api-key|x-goog-api-key|cookie)$/i;
/** Shorter values would match ordinary words; no real key is this short. */
const MIN_SECRET_LENGTH = 6;
/** How deep a JSON error body is walked: bodies are shallow, and a hostile one must not recurse without end. */
const MAX_DEPTH = 8;

/** The secrets of one run: the API key and the credential values among the host's headers. */
export function secretsOf(options: { apiKey?: string; headers?: Record<string, string> } | undefined): string[] {
  const secrets = new Set<string>();
  const add = (value: unknown) => {
    if (typeof value !== 'string') return;
    const v = value.trim();
    if (v.length >= MIN_SECRET_LENGTH) secrets.add(v);
    // `Bearer abc` in a header: the token alone may be echoed too.
    const token = /^\w+\s+(\S+)$/.exec(v)?.[1];
    if (token && token.length >= MIN_SECRET_LENGTH) secrets.add(token);
  };
  add(options?.apiKey);
  for (const [name, value] of Object.entries(options?.headers ?? {})) if (SECRET_HEADER.test(name)) add(value);
  // Longest first, so a token inside a longer secret does not leave the rest of it behind.
  return [...secrets].sort((a, b) => b.length - a.length);
}

/** The text with every secret, its URL-encoded form and every `Bearer …` value replaced. */
export function redactText(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    out = out.split(secret).join(REDACTED);
    const encoded = encodeURIComponent(secret);
    if (encoded !== secret) out = out.split(encoded).join(REDACTED);
  }
  return out.replace(BEARER, (_match, word: string, space: string) => `${word}${space}${REDACTED}`);
}

/** A copy of plain data (an error body) with every string redacted; other objects are left out. */
function redactValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactText(value, secrets);
  if (value === null || typeof value !== 'object') return value;
  if (depth >= MAX_DEPTH) return undefined;
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message, secrets));
    copy.name = value.name;
    return copy;
  }
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return value; // Headers, Response…: not server text we show
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = redactValue(v, secrets, depth + 1);
  return out;
}

/** The error with its message, raw text and cause free of the run's secrets. */
export function redactError(error: ChatError, secrets: readonly string[]): ChatError {
  const out: ChatError = { ...error, message: redactText(error.message, secrets) };
  if (error.raw !== undefined) out.raw = redactText(error.raw, secrets);
  if (error.cause !== undefined) out.cause = redactValue(error.cause, secrets, 0);
  return out;
}
