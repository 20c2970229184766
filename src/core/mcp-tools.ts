/**
 * Tools of MCP servers (Streamable HTTP), offered to the model beside the page's own tools.
 *
 * The official MCP TypeScript SDK speaks the protocol (initialization, version negotiation, sessions,
 * SSE or JSON answers); this file only turns its tools into engine tools. It is loaded with a dynamic
 * `import()` the first time a turn has `mcpServers`, so pages without MCP never download the SDK.
 *
 * A connection is kept per server (URL and headers) for the life of the page and reused by every turn;
 * one that failed is forgotten, so the next turn tries again. A server that is down is a problem to
 * report, never a reason to fail the turn: the model answers with the tools that are there.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import * as z from 'zod';
import type { McpServerOptions, Tool } from './options.js';

export interface McpToolSet {
  tools: Tool[];
  /** One line per server that could not be reached or listed, for a notice. */
  problems: { server: string; message: string }[];
}

interface Connection {
  client: Client;
  tools: Awaited<ReturnType<Client['listTools']>>['tools'];
}

const connections = new Map<string, Promise<Connection>>();

/** OpenAI-compatible servers accept function names of at most 64 of these characters. */
const NAME_RULE = /[^a-zA-Z0-9_-]/g;
const safeName = (name: string) => name.replace(NAME_RULE, '_').slice(0, 64) || 'tool';

/** The servers' tools, named so they collide neither with each other nor with `taken` (the page's tools). */
export async function mcpTools(
  servers: McpServerOptions[],
  options: { fetch?: typeof fetch; taken?: string[] } = {},
): Promise<McpToolSet> {
  const names = new Set(options.taken ?? []);
  const tools: Tool[] = [];
  const problems: McpToolSet['problems'] = [];
  const connected = await Promise.all(
    servers.map((server) =>
      connect(server, options.fetch).then(
        (connection) => ({ server, connection }),
        (error: unknown) => ({ server, error }),
      ),
    ),
  );
  for (const entry of connected) {
    const label = serverLabel(entry.server);
    if ('error' in entry) {
      problems.push({ server: label, message: describe(entry.error) });
      continue;
    }
    for (const listed of entry.connection.tools) {
      let name = safeName(listed.name);
      if (names.has(name)) name = safeName(`${label}_${listed.name}`);
      if (names.has(name)) continue; // the same tool listed twice under one name: the first one stays
      names.add(name);
      tools.push(toEngineTool(entry.server, entry.connection.client, listed, name));
    }
  }
  return { tools, problems };
}

/** The server's name as shown to the user: its `name`, or the URL's host and path. */
export function serverLabel(server: McpServerOptions): string {
  if (server.name) return server.name;
  try {
    const url = new URL(server.url, globalThis.document?.baseURI);
    return `${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  } catch {
    return server.url;
  }
}

function connect(server: McpServerOptions, fetchImpl: typeof fetch | undefined): Promise<Connection> {
  const key = JSON.stringify([server.url, server.headers ?? {}]);
  let pending = connections.get(key);
  if (!pending) {
    pending = open(server, fetchImpl);
    connections.set(key, pending);
    pending.catch(() => connections.delete(key));
  }
  return pending;
}

async function open(server: McpServerOptions, fetchImpl: typeof fetch | undefined): Promise<Connection> {
  // Relative URLs are the page's own (a same-origin proxy); outside a page they cannot be resolved.
  const url = new URL(server.url, globalThis.document?.baseURI);
  const transport = new StreamableHTTPClientTransport(url, {
    requestInit: server.headers ? { headers: server.headers } : undefined,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
  });
  const client = new Client({ name: 'stream-chat-element', version: '1' });
  await client.connect(transport);
  const { tools } = await client.listTools();
  return { client, tools };
}

type ListedTool = Connection['tools'][number];

function toEngineTool(server: McpServerOptions, client: Client, listed: ListedTool, name: string): Tool {
  const jsonSchema = { ...(listed.inputSchema as Record<string, unknown>) };
  delete jsonSchema.$schema;
  return {
    name,
    description: [listed.description ?? listed.title, `(MCP: ${serverLabel(server)})`].filter(Boolean).join(' '),
    parameters: argumentsSchema(jsonSchema),
    jsonSchema,
    source: `mcp:${serverLabel(server)}`,
    // Another party's code runs on the user's behalf: asked first unless the host said otherwise.
    needsApproval: () => server.needsApproval ?? true,
    async execute(args, { signal }) {
      const result = await client.callTool({ name: listed.name, arguments: (args ?? {}) as Record<string, unknown> }, undefined, { signal });
      const text = textOf(result.content);
      if (result.isError) throw new Error(text || `The MCP tool "${listed.name}" failed.`);
      return result.structuredContent ?? text;
    },
  };
}

/** The arguments' JSON Schema as zod, so bad arguments are answered before the server is called. */
function argumentsSchema(jsonSchema: Record<string, unknown>): z.ZodType {
  try {
    return z.fromJSONSchema(jsonSchema as Parameters<typeof z.fromJSONSchema>[0]);
  } catch {
    // A schema zod cannot read is still the server's to check: pass any object through.
    return z.record(z.string(), z.unknown());
  }
}

/** Text parts joined; other parts (images, resources) named, since the model reads this as text. */
function textOf(content: unknown): string {
  if (!Array.isArray(content)) return '';
  return content
    .map((part: any) => (part?.type === 'text' ? String(part.text ?? '') : `[${part?.type ?? 'content'}${part?.mimeType ? ` ${part.mimeType}` : ''}]`))
    .join('\n');
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/fetch|network|Failed to/i.test(message)) return `could not be reached (${message})`;
  return message;
}
