/**
 * Options for one request, carried in the model name: `dev` alone, or `dev;key=value;key=value`.
 * The same string is accepted from an `x-dev-model` header and from `?model=` on the WebSocket URL,
 * so a client that cannot change its model name (or a WebSocket) can still choose a scenario.
 */

export const SCENARIOS = [
  'normal',
  'cut',
  'http-400',
  'http-401',
  'http-429',
  'http-500',
  'http-503',
  'http-404',
  'stall',
  'malformed',
  'error-mid-stream',
  'no-done',
  'tools-no-index',
  /** A model without vision: a request holding an image is refused with a 400, as OpenAI words it. */
  'no-vision',
  'invalid-json',
  'length',
  'content-filter',
  'echo-auth',
] as const;

export type Scenario = (typeof SCENARIOS)[number];

export interface DevOptions {
  /** The model name as sent, echoed back in every chunk (what a real server does). */
  model: string;
  /** Characters per second; 0 = as fast as possible (still one write per chunk). */
  rate: number;
  /** 0..1: how much the pace varies, from an even trickle to clumps and pauses. */
  burst: number;
  /** Mean characters per delta. */
  chunk: number;
  /** Exact length of the answer in words; undefined lets the prompt decide. */
  words?: number;
  scenario: Scenario;
  /** How long `stall` stops for. */
  stallMs: number;
  /** With `key`: only the first `failures` requests carrying that key get the scenario. */
  failures?: number;
  key?: string;
  /** `invalid-json` flavour: `syntax` (not JSON at all) or `schema` (valid JSON that breaks the schema). */
  invalid: 'syntax' | 'schema';
  /** Generic SSE backend: end with `data: [DONE]` (default) or an `event: done` message. */
  done: 'data' | 'event';
}

/** Pace of a fast hosted model: a few hundred characters a second, in token-sized pieces. */
export const DEFAULT_RATE = 450;
export const DEFAULT_BURST = 0.35;
export const DEFAULT_CHUNK = 4;
export const DEFAULT_STALL_MS = 60_000;

function num(value: string | undefined, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}

/** Splits `dev;rate=0;scenario=cut` into key/value pairs; a bare word that names a scenario counts as one. */
function pairs(spec: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of spec.split(/[;&]/).slice(1)) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? '' : decodeURIComponent(part.slice(eq + 1).trim());
    if (!key) continue;
    if (eq < 0 && (SCENARIOS as readonly string[]).includes(key)) map.set('scenario', key);
    else map.set(key, value);
  }
  return map;
}

/**
 * Parses the options. `header` (from `x-dev-model`) wins over the model name key by key, so a test can
 * keep a plain model name and steer the scenario from a header.
 */
export function parseOptions(model: string | undefined | null, header?: string | null): DevOptions {
  const name = model?.trim() || 'dev';
  const map = pairs(name);
  if (header) for (const [k, v] of pairs(header.includes(';') ? header : `dev;${header}`)) map.set(k, v);
  const scenario = (map.get('scenario') ?? 'normal') as Scenario;
  const words = map.has('words') ? Math.round(num(map.get('words'), 0, 1, 50_000)) : undefined;
  return {
    model: name,
    rate: num(map.get('rate'), DEFAULT_RATE),
    burst: num(map.get('burst'), DEFAULT_BURST, 0, 1),
    chunk: num(map.get('chunk'), DEFAULT_CHUNK, 1, 10_000),
    words,
    scenario: (SCENARIOS as readonly string[]).includes(scenario) ? scenario : 'normal',
    stallMs: num(map.get('stallms') ?? map.get('stall'), DEFAULT_STALL_MS),
    failures: map.has('failures') ? Math.round(num(map.get('failures'), 0)) : undefined,
    key: map.get('key') || undefined,
    invalid: map.get('invalid') === 'schema' ? 'schema' : 'syntax',
    done: map.get('done') === 'event' ? 'event' : 'data',
  };
}
