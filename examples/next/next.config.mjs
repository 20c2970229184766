/** A static export: the pages are rendered on the server at build time; the chat runs in the browser. */
export default { output: 'export' };
