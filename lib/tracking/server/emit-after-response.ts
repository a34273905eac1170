import "server-only";
import { after } from "next/server";
import { db } from "@/lib/db/client.ts";
import { nudgeOutbox } from "@/lib/outbox/shop-relay.ts";
import type { TrackedEvent } from "../schema.ts";

/**
 * Records events a server action observed, once its response has gone (`after()`), through the
 * outbox: signed and retried like purchases. `build` runs after the response too, so reading
 * what the event needs (a product's facts) never slows the shopper down. Never throws: an
 * analytics failure must not fail the shopper's action.
 */
export function emitAfterResponse(build: () => Promise<readonly TrackedEvent[]>): void {
  after(async () => {
    try {
      const events = await build();
      if (events.length === 0) return;
      await db().eventOutbox.createMany({
        data: events.map((event) => ({ eventId: event.event_id, eventName: event.event_name, event })),
      });
      await nudgeOutbox();
    } catch (error) {
      console.error(JSON.stringify({ level: "warn", message: "server event not recorded", error: String(error) }));
    }
  });
}
