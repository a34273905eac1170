import { shopEnv } from "@/lib/config/shop-env";
import { forwardEvents } from "@/lib/tracking/first-party/forward-events";

// The tracker's first-party path (lib/tracking/first-party/events-path.ts).
export async function POST(request: Request): Promise<Response> {
  return forwardEvents(request, shopEnv().INGEST_URL);
}
