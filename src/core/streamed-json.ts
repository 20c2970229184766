/**
 * The incremental JSON machinery a turn needs only when JSON streams: tool-call arguments (ArgsParser)
 * and structured output (ObjectStream, with the partial parser and validator under them). One part,
 * loaded through streamed-json-part.ts, so a plain text answer never downloads it.
 */
export { ArgsParser } from './args-parser.js';
export { correctionMessages, ObjectStream, planOutput } from './object-stream.js';
