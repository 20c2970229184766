export { runChat } from './run-chat.js';
// How a background response (`background`, `resume`) stands on the server, asked without reading it.
export { backgroundStatus, backgroundPart } from './background-part.js';
export { streamText, collect } from './stream-helpers.js';
export type * from './events.js';
export type * from './messages.js';
export type * from './options.js';
export { PartialJsonParser, PartialJsonError, jsonPointer, type JsonPath, type PartialJsonOptions } from './partial-json.js';
// Schema walking for views of partial values (the render layer's object view).
export { AMBIGUOUS, childSchema, defOf, unwrap, type AnySchema } from './partial-schema.js';
export { createObjectAccumulator, type ObjectAccumulator, type ObjectResult, type ObjectSnapshot } from './partial-validate.js';
export { responseFormatFor, responsesTextFormatFor, schemaInstructions, jsonSchemaOf } from './json-schema.js';
// Lazily loaded parts: what the element and the drop-in load on first use (the engine, providers, zod's
// JSON Schema export); runChatLazy is runChat with the engine's code downloaded at the first call.
export { lazyPart, PartLoadError, type LazyPart } from './lazy-part.js';
export { runChatLazy, enginePart } from './lazy-engine.js';
export { jsonSchemaPart, type JsonSchemaModule } from './json-schema-part.js';
export { providerPart } from './providers/registry.js';
/** Takes a framework's reactive proxy (Vue's `ref`/`reactive`) off a value, as the engine does with tools and schemas. */
export { toRaw } from './unwrap.js';
