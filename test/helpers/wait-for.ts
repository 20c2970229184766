/**
 * Waits until `check` returns something truthy (it may be async) and returns it; fails after
 * `timeoutMs` saying what it waited for. Polls on a timer, not on frames: a page the runner keeps in
 * the background gets no animation frames.
 */
export async function waitFor<T>(check: () => T | Promise<T>, what = 'condition', timeoutMs = 15000): Promise<NonNullable<T>> {
  const start = performance.now();
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (performance.now() - start > timeoutMs) {
      throw new Error(`Timed out waiting for ${what} (page ${document.visibilityState})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
