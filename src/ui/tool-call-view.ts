/**
 * One tool call inside an answer: its name, its arguments as they stream, a running state with the
 * time elapsed, then its result or error. When the run asks for approval, Allow / Deny buttons.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Schema } from '../core/index.js';
import type { ObjectViewStrings } from '../render/index.js';
import { toolIcon } from './icons.js';
import { toolArgsElement } from './tool-args-view.js';
import { format, type Strings } from './strings.js';
import type { ToolCallState } from './view-model.js';

function pretty(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '';
  try {
    return JSON.stringify(value, null, 2);
  } catch {
    return String(value);
  }
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(1);
}

function statusText(call: ToolCallState, strings: Strings, now: number): string {
  switch (call.status) {
    case 'streaming':
      return strings.toolPreparing;
    case 'approval':
      return strings.toolWaitingApproval;
    case 'running':
      return format(strings.toolRunning, { seconds: seconds(now - (call.startedAt ?? now)) });
    case 'done':
      return call.durationMs === undefined
        ? ''
        : format(strings.toolDone, { seconds: seconds(call.durationMs) });
    case 'error':
      return strings.toolFailed;
    case 'denied':
      return strings.toolDenied;
  }
}

/** How a call's arguments are shown: what the view needs besides the call itself. */
export interface ToolArgsOptions {
  /** The offered tool's parameters schema, by tool name: its fields show as pending until written. */
  schemaOf(name: string): Schema | undefined;
  strings(): Partial<ObjectViewStrings>;
}

/** The arguments: live fields once they parse as an object, else the raw text as it arrived. */
function renderArguments(call: ToolCallState, options: ToolArgsOptions): unknown {
  const view = toolArgsElement(call, options.schemaOf(call.name), options.strings());
  if (view) return view;
  const text = call.status === 'streaming' || call.args === undefined ? call.argsText : pretty(call.args);
  return text ? html`<pre class="tool-args" part="tool-arguments">${text}</pre>` : nothing;
}

/** `mcp:docs` reads "MCP · docs": the user sees whose code runs. */
const sourceLabel = (source: string) => source.replace(/^mcp:/, 'MCP · ');

export function renderToolCall(
  call: ToolCallState,
  strings: Strings,
  now: number,
  decide: (call: ToolCallState, approved: boolean) => void,
  argsOptions: ToolArgsOptions,
): TemplateResult {
  const args = renderArguments(call, argsOptions);
  return html`<div class="tool-call" part="tool-call" data-status=${call.status} data-tool=${call.name}
      data-remote=${call.remote ? 'true' : nothing}>
    <div class="tool-head">
      ${toolIcon()}
      <span class="visually-hidden">${strings.toolCall}</span>
      <code class="tool-name" part="tool-name">${call.name}</code>
      ${call.source ? html`<span class="tool-source" part="tool-source">${sourceLabel(call.source)}</span>` : nothing}
      ${call.remote ? html`<span class="tool-remote" part="tool-remote">${strings.toolRemote}</span>` : nothing}
      <span class="tool-status" part="tool-status" role=${call.status === 'approval' ? 'status' : nothing}
        >${statusText(call, strings, now)}</span
      >
    </div>
    ${args !== nothing
      ? html`<div class="tool-section">
          <span class="tool-label">${strings.toolArguments}</span>
          ${args}
        </div>`
      : nothing}
    ${call.status === 'approval'
      ? html`<div class="tool-approval">
          <button type="button" class="button primary" part="approve-button" @click=${() => decide(call, true)}>
            ${strings.approve}
          </button>
          <button type="button" class="button" part="deny-button" @click=${() => decide(call, false)}>
            ${strings.deny}
          </button>
        </div>`
      : nothing}
    ${call.status === 'error' && call.error
      ? html`<p class="tool-error" part="tool-error">${call.error.message}</p>`
      : nothing}
    ${call.status === 'done' && call.result !== undefined
      ? html`<div class="tool-section">
          <span class="tool-label">${strings.toolResult}</span>
          <pre class="tool-result" part="tool-result">${pretty(call.result)}</pre>
        </div>`
      : nothing}
  </div>`;
}
