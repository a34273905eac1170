/** Stock levels at or below this count are shown as "Only N left". */
export const LOW_STOCK_THRESHOLD = 5;

export type StockLevel = "in-stock" | "low-stock" | "out-of-stock";

export interface StockStatus {
  level: StockLevel;
  label: string;
}

export function stockStatus(stock: number): StockStatus {
  if (!Number.isFinite(stock) || stock <= 0) return { level: "out-of-stock", label: "Out of stock" };
  const count = Math.floor(stock);
  if (count <= LOW_STOCK_THRESHOLD) return { level: "low-stock", label: `Only ${count} left` };
  return { level: "in-stock", label: "In stock" };
}

/** "In stock", "Only 3 left" or "Out of stock". */
export function stockLabel(stock: number): string {
  return stockStatus(stock).label;
}
