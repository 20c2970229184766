/**
 * Export and import as a part loaded on first use: the element and the drop-in reach them through
 * these wrappers (same names, same signatures, already asynchronous), so the first load carries neither
 * the validation of import files nor the encoding of attachments. The package entry exports export.ts
 * itself, for bundlers.
 */
import { lazyPart } from '../core/index.js';
import type { exportJSON as ExportJSON, exportMarkdown as ExportMarkdown, importJSON as ImportJSON } from './export.js';

export const exportPart = lazyPart('export', () => import('./export.js'));

export const exportJSON: typeof ExportJSON = async (...args) => (await exportPart.load()).exportJSON(...args);

export const exportMarkdown: typeof ExportMarkdown = async (...args) => (await exportPart.load()).exportMarkdown(...args);

/** Resolves `{ ok: false }` with the reason when the part cannot be loaded, as for any file not imported. */
export const importJSON: typeof ImportJSON = async (...args) => {
  let part: typeof import('./export.js');
  try {
    part = await exportPart.load();
  } catch (error) {
    const message = (error as Error).message;
    return { ok: false, message, problems: [{ path: '', message }] };
  }
  return part.importJSON(...args);
};
