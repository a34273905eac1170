// Runs once when the Next.js server starts, before it serves a request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { loadBoundSecrets } = await import("./lib/secrets/bound-secrets.ts");
  // SERVER_EVENTS_SECRET signs the shop's server events (orders, catalog); without it they wait
  // in the outbox for the relay, which has its own.
  const missing = await loadBoundSecrets(["DATABASE_URL", "SERVER_EVENTS_SECRET"]);
  if (missing.length > 0) console.error(`[shop] not configured: ${missing.join(", ")} (set it in the environment or bind it with SST)`);
}
