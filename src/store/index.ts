export * from './records.js';
export * from './history-store.js';
export * from './history-session.js';
export { reconcile } from './reconcile.js';
export * from './draft-writer.js';
// Export and import load on first use (export-part.ts): the element's first load does not carry them.
export { exportJSON, exportMarkdown, importJSON, exportPart } from './export-part.js';
export { exportFileName } from './export-name.js';
export type { ExportedConversation, ExportedMessage, HistoryExport, ImportResult } from './export.js';
export * from './key-store.js';
export * from './migrate.js';
export * from './storage-problem.js';
export * from './tool-pairs.js';
export { resumePointOf, type ResumePoint } from './resume-point.js';
export type { HistoryChange, ChangeListener, Release } from './tab-sync.js';
export { checkChatMessage, checkConversationRecord, checkMessageRecord, type Problem } from './validate.js';
export type { StoreFactory } from './idb-backend.js';
export type { WriteStats } from './backend.js';
