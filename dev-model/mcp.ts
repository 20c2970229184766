/**
 * A small MCP server over Streamable HTTP at `/mcp`, built with the official MCP TypeScript SDK, so the
 * widget's MCP client is tested and demonstrated against the protocol as the SDK speaks it. Stateless:
 * each POST gets a fresh server and transport (the SDK's recommended shape for a server without sessions).
 *
 * Its tools are deterministic: `lookup_word` (a small dictionary), `unit_convert` (length and weight),
 * and `fetch_note` (returns text with markup in it, to prove tool output is shown as text).
 * `/mcp/down` always answers 503, for the "server is down" case.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import * as z from 'zod';
import { CORS_HEADERS, preflight, readJson, sendJson } from './http.js';

export const MCP_PATH = /^\/mcp(\/down)?\/?$/;

const DICTIONARY: Record<string, string> = {
  latency: 'The time between asking for something and the first part of the answer arriving.',
  throughput: 'How much work is done per unit of time, such as tokens per second.',
  idempotent: 'An operation that has the same effect whether it is done once or several times.',
  backpressure: 'A signal from a slow consumer that tells a fast producer to wait.',
};

const TO_METRES: Record<string, number> = { mm: 0.001, cm: 0.01, m: 1, km: 1000, in: 0.0254, ft: 0.3048, mi: 1609.344 };
const TO_GRAMS: Record<string, number> = { g: 1, kg: 1000, oz: 28.349523125, lb: 453.59237 };

function createServer(): McpServer {
  const server = new McpServer({ name: 'dev-model-mcp', version: '1.0.0' });
  server.registerTool(
    'lookup_word',
    {
      description: 'Looks a technical word up in a small glossary.',
      inputSchema: { word: z.string().describe('The word to define') },
    },
    async ({ word }) => {
      const key = word.trim().toLowerCase();
      const definition = DICTIONARY[key];
      if (!definition) return { isError: true, content: [{ type: 'text', text: `No entry for "${word}".` }] };
      return { content: [{ type: 'text', text: `${key}: ${definition}` }] };
    },
  );
  server.registerTool(
    'unit_convert',
    {
      description: 'Converts a length or a weight from one unit to another (mm, cm, m, km, in, ft, mi, g, kg, oz, lb).',
      inputSchema: { value: z.number(), from: z.string(), to: z.string() },
    },
    async ({ value, from, to }) => {
      const table = from in TO_METRES && to in TO_METRES ? TO_METRES : from in TO_GRAMS && to in TO_GRAMS ? TO_GRAMS : undefined;
      if (!table) return { isError: true, content: [{ type: 'text', text: `Cannot convert ${from} to ${to}.` }] };
      const result = Math.round(((value * table[from]) / table[to]) * 1e6) / 1e6;
      return { content: [{ type: 'text', text: `${value} ${from} = ${result} ${to}` }], structuredContent: { value: result, unit: to } };
    },
  );
  server.registerTool(
    'fetch_note',
    {
      description: 'Returns a stored note (its text may contain markup).',
      inputSchema: { id: z.string().optional() },
    },
    async () => ({
      content: [{ type: 'text', text: 'Note: <img src=x onerror="alert(1)"><script>alert(2)</script> **bold** stays text.' }],
    }),
  );
  return server;
}

/** Answers `/mcp` requests; returns false for other paths. */
export async function handleMcp(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  const match = MCP_PATH.exec(pathname);
  if (!match) return false;
  if (req.method === 'OPTIONS') return preflight(req, res), true;
  if (match[1]) {
    sendJson(res, 503, { error: 'The MCP server is down for maintenance.' });
    return true;
  }
  // The SDK's transport writes its own headers; CORS ones are added first so a page on another origin
  // can read the answer and the session header.
  for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
  res.setHeader('access-control-expose-headers', `${CORS_HEADERS['access-control-expose-headers']}, mcp-session-id`);
  if (req.method !== 'POST') {
    // Stateless server: no standalone notification stream, no session to delete.
    sendJson(res, 405, { jsonrpc: '2.0', error: { code: -32000, message: 'Method not allowed.' }, id: null });
    return true;
  }
  const body = await readJson(req).catch(() => undefined);
  const server = createServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  res.on('close', () => {
    void transport.close();
    void server.close();
  });
  try {
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  } catch (error) {
    if (!res.headersSent) sendJson(res, 500, { jsonrpc: '2.0', error: { code: -32603, message: String(error) }, id: null });
  }
  return true;
}
