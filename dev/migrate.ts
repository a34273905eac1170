import { migrateShop } from "../lib/db/migrations.ts";
import { readLocalRuntime } from "../etl/local-runtime.ts";
import { migrateWarehouse } from "../etl/migrations.ts";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL (shop) and WAREHOUSE_URL
// (warehouse), or to the running local system's databases when those are unset.
const env = { ...(await readLocalRuntime()), ...process.env };
if (!env.DATABASE_URL && !env.WAREHOUSE_URL) {
  console.error("Set DATABASE_URL and/or WAREHOUSE_URL, or start the local system with `npm start`.");
  process.exit(1);
}
if (env.DATABASE_URL) console.log("shop:", (await migrateShop(env.DATABASE_URL)).join(", ") || "up to date");
if (env.WAREHOUSE_URL) console.log("warehouse:", (await migrateWarehouse(env.WAREHOUSE_URL)).join(", ") || "up to date");
