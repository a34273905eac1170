import "server-only";
import { db } from "@/lib/db/client.ts";
import type { ProductRef } from "@/lib/tracking/schema.ts";
import { toProductRef, toProductSummary } from "./mappers.ts";
import { summarySelect } from "./queries.ts";

/** A product as events describe it, read now (for events the server records after responding). */
export async function productRefById(productId: number): Promise<ProductRef | null> {
  const row = await db().product.findUnique({ where: { id: productId }, select: summarySelect });
  return row ? toProductRef(toProductSummary(row)) : null;
}
