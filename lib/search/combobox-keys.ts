/**
 * Which suggestion a key makes active in the search combobox (WAI-ARIA APG, "editable combobox
 * with list autocomplete"): -1 is none, focus staying in the text. ArrowDown and ArrowUp move
 * through the suggestions and wrap around; other keys leave the active one as it is.
 */
export function nextActiveIndex(key: string, active: number, count: number): number {
  if (count <= 0) return -1;
  if (key === "ArrowDown") return active < 0 || active >= count - 1 ? 0 : active + 1;
  if (key === "ArrowUp") return active <= 0 ? count - 1 : active - 1;
  return active < count ? active : -1;
}
