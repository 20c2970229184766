/**
 * A backend's progress under its answer (AG-UI steps, an agent's `progress` events, token counts a
 * route sends): the step now running, the iteration, tokens and cost, as far as the backend tells.
 * Shown whether or not `show-usage` is set: it is what the backend chose to say.
 */
import { html, type TemplateResult } from 'lit';
import type { ProgressEvent } from '../core/events.js';
import { format, type Strings } from './strings.js';
import { formatCost } from './usage-line.js';

export function renderProgress(progress: Omit<ProgressEvent, 'type'>, strings: Strings, locale?: string): TemplateResult {
  const parts: string[] = [];
  if (progress.step) parts.push(format(strings.progressStep, { step: progress.step }));
  if (progress.iteration !== undefined) parts.push(format(strings.progressIteration, { iteration: progress.iteration }));
  if (progress.totalTokens !== undefined) parts.push(format(strings.progressTokens, { total: progress.totalTokens }));
  if (progress.costUsd !== undefined) parts.push(format(strings.usageCost, { cost: formatCost(progress.costUsd, 'USD', locale) }));
  return html`<p class="progress" part="progress">${parts.join(' · ')}</p>`;
}
