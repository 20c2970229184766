/** axe-core in the test page: loaded once from node_modules, run over an element and its shadow roots. */

export interface AxeViolation {
  id: string;
  help: string;
  nodes: { html: string; failureSummary?: string }[];
}

interface Axe {
  run(context: Element, options?: object): Promise<{ violations: AxeViolation[] }>;
}

let axeLoaded: Promise<void> | undefined;

/** Runs axe-core over `el` (shadow roots included); returns the violations. */
export async function axeViolations(el: Element): Promise<AxeViolation[]> {
  axeLoaded ??= new Promise<void>((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    script.onload = () => resolve();
    script.onerror = () => reject(new Error('axe-core did not load'));
    document.head.append(script);
  });
  await axeLoaded;
  const { axe } = window as unknown as { axe: Axe };
  return (await axe.run(el, { resultTypes: ['violations'] })).violations;
}

/** A readable failure message: each rule, and the markup that broke it. */
export function describeViolations(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id}: ${v.help}\n  ${v.nodes.map((n) => `${n.html} — ${n.failureSummary ?? ''}`).join('\n  ')}`)
    .join('\n');
}
