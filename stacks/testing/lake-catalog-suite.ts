/** The lake's Glue tables with partition projection (called from stacks.test.ts). */
import { describe, expect, it } from "vitest";
import { lakeObjectKey } from "../../lib/lake/keys.ts";
import { isRecord, single, type CfnResource } from "./cfn.ts";
import type { Synthesized } from "./synth.ts";

function tableInput(synth: Synthesized, name: string): Record<string, unknown> {
  const [, table] = single(synth.templates.RawLake, "AWS::Glue::Table", { TableInput: { Name: name } });
  const input = table.Properties?.TableInput;
  return isRecord(input) ? input : {};
}

/** Where the projection puts a partition, with the bucket as <lake>: what Athena will read. */
function projectedPrefix(synth: Synthesized, input: Record<string, unknown>, at: Date): string {
  const [bucketId] = single(synth.templates.RawLake, "AWS::S3::Bucket");
  const parameters = isRecord(input.Parameters) ? input.Parameters : {};
  const join = parameters["storage.location.template"];
  const parts = isRecord(join) && Array.isArray(join["Fn::Join"]) ? (join["Fn::Join"] as unknown[])[1] : undefined;
  if (!Array.isArray(parts) || parts.length !== 3 || parts[0] !== "s3://" || JSON.stringify(parts[1]) !== JSON.stringify({ Ref: bucketId })) {
    throw new Error(`unexpected location template ${JSON.stringify(join)}`);
  }
  const iso = at.toISOString();
  return `s3://<lake>${String(parts[2]).replace("${dt}", iso.slice(0, 10)).replace("${hr}", iso.slice(11, 13))}`;
}

export function describeLakeCatalog(synthesized: () => Synthesized): void {
  describe("lake catalog (Glue + partition projection, for Athena)", () => {
    it("registers a database and one table per lake area, over the bucket's raw/ and rejected/", () => {
      const [, database] = single(synthesized().templates.RawLake, "AWS::Glue::Database");
      expect(database.Properties?.DatabaseInput).toMatchObject({ Name: "compushop_test_lake" });
      for (const area of ["raw", "rejected"]) {
        const input = tableInput(synthesized(), area);
        expect(input).toMatchObject({ TableType: "EXTERNAL_TABLE", PartitionKeys: [{ Name: "dt", Type: "string" }, { Name: "hr", Type: "string" }] });
        const storage = input.StorageDescriptor as CfnResource["Properties"];
        expect(JSON.stringify(storage?.Location)).toMatch(new RegExp(`"s3://",\\{"Ref":"RawLakeBucket[0-9A-F]{8}"\\},"/${area}/"`));
        expect(storage).toMatchObject({ Compressed: true, SerdeInfo: { SerializationLibrary: "org.openx.data.jsonserde.JsonSerDe" } });
      }
    });

    it("projects dt and hr (no partitions to register, no crawler) onto exactly the keys the ingest writes", () => {
      for (const area of ["raw", "rejected"] as const) {
        const input = tableInput(synthesized(), area);
        expect(input.Parameters).toMatchObject({
          "projection.enabled": "true",
          "projection.dt.type": "date",
          "projection.dt.format": "yyyy-MM-dd",
          "projection.dt.range": "2025-01-01,NOW",
          "projection.hr.type": "integer",
          "projection.hr.range": "0,23",
          "projection.hr.digits": "2",
        });
        for (const at of [new Date("2025-01-01T00:00:00Z"), new Date("2026-07-09T05:59:59.999Z"), new Date("2031-12-31T23:30:00Z")]) {
          const key = lakeObjectKey(area, at, "0190f3a4-0000-7000-8000-000000000000");
          expect(`s3://<lake>/${key}`.startsWith(projectedPrefix(synthesized(), input, at))).toBe(true);
          expect(projectedPrefix(synthesized(), input, at)).toMatch(/\/dt=\d{4}-\d{2}-\d{2}\/hr=\d{2}\/$/);
        }
      }
    });

    it("describes the raw line's fields, the event kept as JSON text", () => {
      const storage = tableInput(synthesized(), "raw").StorageDescriptor;
      const columns = isRecord(storage) && Array.isArray(storage.Columns) ? storage.Columns : [];
      expect(columns.map((column: unknown) => (isRecord(column) ? `${String(column.Name)}:${String(column.Type)}` : "?"))).toEqual([
        "schema_version:int",
        "event_version:int",
        "received_at:string",
        "sent_at:string",
        "derived_at:string",
        "user_agent:string",
        "client_ip:string",
        "user_id:string",
        "trusted:boolean",
        "flags:array<string>",
        "event:string",
      ]);
    });
  });
}
