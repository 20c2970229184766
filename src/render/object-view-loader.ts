/**
 * The structured-value view (ObjectView and the schema walking it needs) as a lazily loaded part: only an
 * element with a `schema`, or a tool call's live arguments, shows it. Until it arrives, or if it cannot be
 * downloaded, callers show the value as JSON text.
 */
import { lazyPart } from '../core/index.js';

export type ObjectViewPart = typeof import('./object-view.js');

export const objectViewPart = lazyPart<ObjectViewPart>('object view', () => import('./object-view.js'));
