/** Milliseconds on a monotonic clock where there is one (pages, Workers, Node), else the wall clock. */
export const now = (): number => (typeof performance !== 'undefined' ? performance.now() : Date.now());
