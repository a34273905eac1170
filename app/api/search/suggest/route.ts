import { connection, NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { searchTextSchema } from "@/lib/search/search-query.ts";
import { suggestProducts } from "@/lib/search/shop-search.ts";
import { suggestResponseSchema, type SuggestResponse } from "@/lib/search/suggestions.ts";

/** GET /api/search/suggest?q=… → up to 8 products for the search box (see lib/search/suggestions.ts). */

const paramsSchema = z.object({ q: searchTextSchema });

export async function GET(request: NextRequest): Promise<NextResponse<SuggestResponse | { error: string }>> {
  await connection();
  const params = paramsSchema.safeParse({ q: request.nextUrl.searchParams.getAll("q") });
  if (!params.success) return NextResponse.json({ error: "q must be text" }, { status: 400 });
  const query = params.data.q;
  try {
    const body = suggestResponseSchema.parse({ query, suggestions: await suggestProducts(query) });
    // Briefly cached by the browser alone: typing back over a query asks again for nothing.
    return NextResponse.json(body, { headers: { "Cache-Control": "private, max-age=30" } });
  } catch (error) {
    console.error("search: suggestions failed", error);
    return NextResponse.json({ error: "Suggestions are unavailable" }, { status: 503, headers: { "Cache-Control": "no-store" } });
  }
}
