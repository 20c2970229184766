/** The optional usage line under an answer (`show-usage`): tokens, and the cost when a price is known. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Usage } from '../core/index.js';
import { format, type Strings } from './strings.js';

export function formatCost(cost: number, currency: string, locale?: string): string {
  try {
    return new Intl.NumberFormat(locale || undefined, {
      style: 'currency',
      currency,
      maximumSignificantDigits: 3,
    }).format(cost);
  } catch {
    return cost.toPrecision(3);
  }
}

export function renderUsage(usage: Usage, strings: Strings, currency: string, locale?: string): TemplateResult {
  // A stopped answer: the provider counts at the end of the stream, so part of this is estimated.
  const tokens = format(usage.estimated ? strings.usageEstimated : strings.usageTokens, {
    total: usage.totalTokens,
    prompt: usage.promptTokens,
    completion: usage.completionTokens,
  });
  return html`<p class="usage" part="usage">
    ${tokens}${usage.cost === undefined
      ? nothing
      : html` · ${format(strings.usageCost, { cost: formatCost(usage.cost, currency, locale) })}`}
  </p>`;
}
