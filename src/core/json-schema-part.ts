/**
 * zod's JSON Schema export (with json-schema.ts around it) as a lazily loaded part: only a turn with a
 * schema or tools needs it, so a chat without them never downloads it.
 */
import { lazyPart } from './lazy-part.js';

export type JsonSchemaModule = typeof import('./json-schema.js');

export const jsonSchemaPart = lazyPart<JsonSchemaModule>('json-schema', () => import('./json-schema.js'));
