/** Limits of search shared by the server and the search box (no imports: it ships to browsers). */

export const MAX_QUERY_LENGTH = 100;
export const MAX_SUGGESTIONS = 8;
/** Fewer characters than this suggest nothing (one letter matches half the catalog). */
export const MIN_SUGGEST_LENGTH = 2;
