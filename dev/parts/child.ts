import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

export interface ChildPart {
  readonly process: ChildProcess;
  /** Resolves when the child has exited (SIGTERM first, SIGKILL after graceMs). */
  stop(graceMs?: number): Promise<void>;
  /** Resolves with the exit code when the child exits on its own. */
  readonly exited: Promise<number | null>;
}

/**
 * Spawns a long-running child in its own process group, prefixing each line it prints
 * with its name, so a runner can stop the whole group (Next.js and R start grandchildren).
 */
export function startChild(
  name: string,
  command: string,
  args: readonly string[],
  options: SpawnOptions & { quiet?: boolean; onLine?: (line: string) => void } = {},
): ChildPart {
  const { quiet = false, onLine, ...spawnOptions } = options;
  const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], detached: true, ...spawnOptions });
  const prefix = `[${name}] `;
  const relay = (stream: NodeJS.ReadableStream | null, out: NodeJS.WriteStream) => {
    if (!stream) return;
    let pending = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      pending += chunk;
      const lines = pending.split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) {
        onLine?.(line);
        if (!quiet) out.write(prefix + line + "\n");
      }
    });
  };
  relay(child.stdout, process.stdout);
  relay(child.stderr, process.stderr);

  // Children run in their own process group (so Next.js's and R's own children stop with them),
  // which also means they outlive a parent that exits without stopping them: kill them then.
  const killOnExit = () => signalGroup("SIGKILL");
  process.once("exit", killOnExit);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      process.off("exit", killOnExit);
      resolve(code);
    }),
  );
  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // the group is already gone
    }
  };

  return {
    process: child,
    exited,
    async stop(graceMs = 5_000) {
      signalGroup("SIGTERM");
      const timer = setTimeout(() => signalGroup("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
