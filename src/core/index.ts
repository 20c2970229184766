export { runChat } from './run-chat.js';
export { streamText, collect } from './stream-helpers.js';
export type * from './events.js';
export type * from './messages.js';
export type * from './options.js';
export { PartialJsonParser, PartialJsonError, jsonPointer, type JsonPath, type PartialJsonOptions } from './partial-json.js';
// Schema walking for views of partial values (the render layer's object view).
export { AMBIGUOUS, childSchema, defOf, unwrap, type AnySchema } from './partial-schema.js';
export { createObjectAccumulator, type ObjectAccumulator, type ObjectResult, type ObjectSnapshot } from './partial-validate.js';
export { responseFormatFor, responsesTextFormatFor, schemaInstructions, jsonSchemaOf } from './json-schema.js';
