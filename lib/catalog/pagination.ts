/** One entry of a pagination bar: a page number, or a gap ("…") between distant pages. */
export type PageWindowItem = number | "gap";

/**
 * The page numbers to show: always the first and last page, the current page and `radius`
 * pages either side, with gaps where pages are skipped. A gap never hides a single page:
 * `1 2 3` rather than `1 … 3`.
 *
 * pageWindow(7, 15) → [1, "gap", 6, 7, 8, "gap", 15]
 */
export function pageWindow(current: number, total: number, radius = 1): PageWindowItem[] {
  const last = Math.max(1, Math.floor(total));
  const page = Math.min(Math.max(1, Math.floor(current)), last);
  const shown = new Set<number>([1, last]);
  for (let p = page - radius; p <= page + radius; p += 1) if (p >= 1 && p <= last) shown.add(p);
  const pages = [...shown].sort((a, b) => a - b);
  const items: PageWindowItem[] = [];
  let previous = 0;
  for (const p of pages) {
    if (p - previous === 2) items.push(p - 1);
    else if (p - previous > 2) items.push("gap");
    items.push(p);
    previous = p;
  }
  return items;
}

/** "Showing 13–24 of 170": the 1-based positions of the first and last item on a page. */
export function pageRange(page: number, pageSize: number, totalCount: number): { from: number; to: number } {
  if (totalCount <= 0) return { from: 0, to: 0 };
  const from = (page - 1) * pageSize + 1;
  return { from, to: Math.min(totalCount, page * pageSize) };
}
