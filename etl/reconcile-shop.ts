import type pg from "pg";
import { z } from "zod";
import * as q from "./warehouse-queries.ts";

const totalsRow = z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), orders: z.number().int(), revenue_cents: z.coerce.number().int() });

/** The days from the first to the last of `days` (YYYY-MM-DD), and today and yesterday (UTC). */
export function reconciliationRange(days: readonly string[], now: Date): { first: string; last: string } {
  const today = now.toISOString().slice(0, 10);
  const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
  const all = [...days, today, yesterday].sort();
  return { first: all[0]!, last: all.at(-1)! };
}

/**
 * Reads the shop's own order totals for the days a run touched (and the last two, where orders
 * are still arriving) through the shop's read-only warehouse_order_totals, and keeps them in
 * shop_daily_totals, a day with no order as zero: reconciliation_daily then compares them with
 * the warehouse's. Returns how many days it refreshed.
 */
export async function refreshShopTotals(shop: pg.Pool, warehouse: pg.ClientBase, days: readonly string[], now = new Date()): Promise<number> {
  const { first, last } = reconciliationRange(days, now);
  const result = await shop.query(q.SHOP_ORDER_TOTALS, [first, last]);
  const totals = z.array(totalsRow).parse(result.rows);
  await warehouse.query(q.UPSERT_SHOP_TOTALS, [first, last, JSON.stringify(totals)]);
  return Math.round((Date.parse(last) - Date.parse(first)) / 86_400_000) + 1;
}
