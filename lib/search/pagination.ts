/** Page arithmetic of search results. */

export const SEARCH_PAGE_SIZE = 24;
/** Nobody reads 2,400 results; a page beyond this in a URL is read as this one. */
export const MAX_SEARCH_PAGE = 100;

export function totalPagesFor(totalCount: number, pageSize: number): number {
  return Math.max(1, Math.ceil(Math.max(0, totalCount) / pageSize));
}

/** A page number that exists: 1 to `totalPages`. */
export function clampPage(page: number, totalPages: number): number {
  const whole = Number.isFinite(page) ? Math.floor(page) : 1;
  return Math.min(Math.max(1, whole), Math.max(1, Math.floor(totalPages)));
}

/** How many results come before `page`. */
export function pageOffset(page: number, pageSize: number): number {
  return (Math.max(1, Math.floor(page)) - 1) * pageSize;
}
