/**
 * streamed-json.ts as a lazily loaded part: a turn with a schema or tools loads it before its request,
 * and a step loads it when a backend's own tool call arrives without either.
 */
import { lazyPart } from './lazy-part.js';

export type StreamedJsonModule = typeof import('./streamed-json.js');

export const streamedJsonPart = lazyPart<StreamedJsonModule>('streamed-json', () => import('./streamed-json.js'));
