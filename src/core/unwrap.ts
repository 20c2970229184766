/**
 * Framework reactive proxies, taken off. Vue's `ref([...tools])` / `reactive()` wrap every nested
 * object, zod schemas included, in a Proxy; zod's frozen internals then refuse to be read through
 * it ("'get' on proxy: property '_zod' is a read-only and non-configurable data property"). Vue
 * exposes the object under the proxy as `__v_raw` (what its own `toRaw` reads), so the engine reads
 * the tools and schemas the host meant, without importing any framework.
 */
const RAW = '__v_raw';

export function toRaw<T>(value: T): T {
  let current: unknown = value;
  // Bounded: a proxy of a proxy is possible (readonly(reactive(x))), an endless chain is not.
  for (let depth = 0; depth < 8 && current !== null && typeof current === 'object'; depth++) {
    let raw: unknown;
    try {
      raw = (current as Record<string, unknown>)[RAW];
    } catch {
      break;
    }
    if (raw === undefined || raw === current) break;
    current = raw;
  }
  return current as T;
}
