/**
 * Tool-call arguments as they stream: the raw JSON text so far and the value it holds so far.
 * Best effort until the stream closes the value: the text is completed with the closers it lacks.
 */
export class ArgsParser {
  text = '';
  value: unknown = undefined;

  push(chunk: string): unknown {
    if (!chunk) return this.value;
    this.text += chunk;
    const parsed = parseLoose(this.text);
    if (parsed !== undefined) this.value = parsed;
    return this.value;
  }
}

/** Parses a JSON prefix by closing its open string, arrays and objects; undefined when it cannot. */
export function parseLoose(text: string): unknown {
  const t = text.trim();
  if (!t) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    // fall through to completion
  }
  const closers: string[] = [];
  let inString = false;
  let escaped = false;
  for (const ch of t) {
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{') closers.push('}');
    else if (ch === '[') closers.push(']');
    else if (ch === '}' || ch === ']') closers.pop();
  }
  let body = t;
  if (inString) body += escaped ? '\\"' : '"';
  // Drop a dangling key, colon or comma the closers cannot complete.
  const candidates = [body, body.replace(/,\s*$/, ''), body.replace(/,?\s*"[^"]*"\s*:?\s*$/, ''), body.replace(/[,:]\s*[^,:{}\[\]"]*$/, '')];
  for (const c of candidates) {
    try {
      return JSON.parse(c + closers.slice().reverse().join(''));
    } catch {
      // next candidate
    }
  }
  return undefined;
}
