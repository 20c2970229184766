/**
 * Tool calls of protocols that run some tools on the backend (AG-UI, the AI SDK): a call for a tool
 * the page has is the page's to run (a `tool-call` part in its slot); any other call is remote.
 */
import type { ProviderPart, ToolSpec } from './provider.js';

export class ToolSlots {
  private slots = new Map<string, number>();
  private remote = new Set<string>();
  private names: Set<string>;

  constructor(tools: ToolSpec[]) {
    this.names = new Set(tools.map((t) => t.name));
  }

  /** Registers a call on first sight; `serverSide` marks a call the backend says it runs itself. */
  open(id: string, name: string, serverSide = false): void {
    if (this.slots.has(id) || this.remote.has(id)) return;
    if (!serverSide && this.names.has(name)) this.slots.set(id, this.slots.size);
    else this.remote.add(id);
  }

  isRemote(id: string): boolean {
    return this.remote.has(id);
  }

  known(id: string): boolean {
    return this.slots.has(id) || this.remote.has(id);
  }

  /** A fragment of a call's arguments (and its name on first sight). */
  args(id: string, name: string | undefined, argsDelta: string): ProviderPart {
    if (this.remote.has(id)) return { type: 'remote-tool', phase: 'call', id, ...(name ? { name } : {}), argsDelta };
    return { type: 'tool-call', slot: this.slots.get(id) ?? 0, id, ...(name ? { name } : {}), argsDelta };
  }
}

/** A tool's result as the backend sent it: JSON text parsed when it is JSON. */
export function parseResult(content: unknown): unknown {
  if (typeof content !== 'string') return content;
  try {
    return JSON.parse(content);
  } catch {
    return content;
  }
}
