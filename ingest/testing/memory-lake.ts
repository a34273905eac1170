import { gunzipSync } from "node:zlib";
import type { LakeStore } from "../lake-writer.ts";

/** A lake in memory: what the ingest would have written to S3, readable back as records. */
export class MemoryLake implements LakeStore {
  readonly objects = new Map<string, Buffer>();

  async put(key: string, body: Buffer): Promise<void> {
    this.objects.set(key, body);
  }

  /** The records of every object under a prefix, in the order written. */
  records(prefix: string): unknown[] {
    return [...this.objects]
      .filter(([key]) => key.startsWith(prefix))
      .flatMap(([, body]) => gunzipSync(body).toString("utf8").trim().split("\n").map((line) => JSON.parse(line) as unknown));
  }
}
