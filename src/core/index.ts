export { runChat } from './run-chat.js';
export { streamText, collect } from './stream-helpers.js';
export type * from './events.js';
export type * from './messages.js';
export type * from './options.js';
export { PartialJsonParser, PartialJsonError, jsonPointer, type JsonPath, type PartialJsonOptions } from './partial-json.js';
export { createObjectAccumulator, type ObjectAccumulator, type ObjectResult, type ObjectSnapshot } from './partial-validate.js';
export { responseFormatFor, responsesTextFormatFor, schemaInstructions, jsonSchemaOf } from './json-schema.js';
