/**
 * The header's model picker (`models`): the user chooses which model answers. The choice is the
 * element's `model`, so it is sent with the next request and recorded with the conversation.
 */
import { html, nothing, type TemplateResult } from 'lit';

export interface ModelChoice {
  /** The model name the server knows. */
  id: string;
  /** What the user reads (default: the id). */
  label?: string;
}

/** A label for `id`: its entry in `models`, else the id itself. */
export function modelLabel(models: readonly ModelChoice[] | undefined, id: string | undefined): string {
  if (!id) return '';
  return models?.find((m) => m.id === id)?.label || id;
}

export function renderModelPicker(
  models: readonly ModelChoice[] | undefined,
  current: string | undefined,
  label: string,
  choose: (id: string) => void,
): TemplateResult | typeof nothing {
  const usable = (models ?? []).filter((m) => m && typeof m.id === 'string' && m.id);
  if (usable.length < 2) return nothing; // nothing to choose between
  return html`<select class="model-picker" part="model-picker" aria-label=${label} title=${label}
    @change=${(event: Event) => choose((event.currentTarget as HTMLSelectElement).value)}>
    ${usable.map((m) => html`<option value=${m.id} ?selected=${m.id === current}>${m.label || m.id}</option>`)}
  </select>`;
}
