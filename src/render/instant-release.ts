/**
 * When the smoother should skip its animation: the reader asked the system for reduced motion, or the tab is
 * hidden (frames do not run there, so an animated release would stall until the tab comes back).
 */
export function instantRelease(win: Window = window): () => boolean {
  const reducedMotion = win.matchMedia?.('(prefers-reduced-motion: reduce)');
  return () => reducedMotion?.matches === true || win.document.visibilityState === 'hidden';
}
