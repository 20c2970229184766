// The files a user attaches in the backend wire-format tests: an image, a PDF, and a text file whose
// name and contents are markup (they must arrive as text).
import type { Attachment } from '../../src/core/messages.js';

/** A 1×1 PNG, base64. */
export const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
/** The smallest PDF a reader takes, base64. */
export const pdf = Buffer.from('%PDF-1.4\n%%EOF\n').toString('base64');

export const sampleAttachments = (): Attachment[] => [
  { id: 'a1', name: 'dot.png', type: 'image/png', size: 70, data: `data:image/png;base64,${png}` },
  { id: 'a2', name: 'report.pdf', type: 'application/pdf', size: 15, data: `data:application/pdf;base64,${pdf}` },
  { id: 'a3', name: '<b>notes</b>.txt', type: 'text/plain', size: 5, text: '<script>x</script>' },
];
