/**
 * MCP tools: the dev model serves a small MCP server over Streamable HTTP at /mcp (built with the
 * official MCP SDK); the chat lists its tools, offers them to the model and asks before each call.
 */
import { demoChat, type DemoSection } from '../section.js';

const section: DemoSection = {
  id: 'mcp-tools',
  title: 'MCP servers: tools from another service',
  chapter: 'MCP',
  order: 42,
  description:
    '<code>chat.mcpServers = [{ url: \'/mcp\', name: \'glossary\' }]</code>: the widget connects with the official MCP SDK, lists the server\'s tools and offers them beside the page\'s own. Each call asks first (set <code>needsApproval: false</code> to skip), and its card says which server it belongs to. A server that is down is a note under the answer, not a broken chat.',
  mount(container, settings) {
    const chat = demoChat(settings, 'Glossary over MCP');
    chat.mcpServers = [{ url: '/mcp', name: 'glossary' }];
    // Typed rather than a suggestion: the MCP handshake's expected 405 (no server-sent stream) shows in the console.
    chat.welcome = 'Try: Use lookup_word with word: "backpressure". Or: Use unit_convert with value: 5, from: "km", to: "mi".';
    container.append(chat);
  },
};

export default section;
