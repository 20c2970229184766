/**
 * A download name that says what is inside: `http-caching-explained-2026-12-02.md` from the
 * conversation's title and the day, or `conversations-2026-12-02.json` for the whole history. Apart from
 * export.ts, which is a part loaded on first use.
 */
export function exportFileName(title: string | undefined, when: Date, format: 'json' | 'markdown', all = false): string {
  const day = `${when.getFullYear()}-${String(when.getMonth() + 1).padStart(2, '0')}-${String(when.getDate()).padStart(2, '0')}`;
  const slug = (title ?? '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const base = all ? 'conversations' : slug || 'conversation';
  return `${base}-${day}.${format === 'json' ? 'json' : 'md'}`;
}
