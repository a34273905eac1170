import type { Stack } from "aws-cdk-lib";
import { CfnDatabase, CfnTable } from "aws-cdk-lib/aws-glue";
import type { IBucket } from "aws-cdk-lib/aws-s3";

/** The first day the projection offers (queries of earlier days find nothing; it costs nothing). */
export const LAKE_FIRST_DAY = "2025-01-01";

type Column = CfnTable.ColumnProperty;

/** raw/: one line per kept event (lib/tracking/schema/records.ts, rawEventRecordSchema). */
const RAW_COLUMNS: Column[] = [
  { name: "schema_version", type: "int" },
  { name: "event_version", type: "int" },
  { name: "received_at", type: "string", comment: "ISO 8601, when the ingest received the request (UTC)" },
  { name: "sent_at", type: "string" },
  { name: "derived_at", type: "string", comment: "occurred_at corrected by the device's clock error" },
  { name: "user_agent", type: "string" },
  { name: "client_ip", type: "string", comment: "truncated: IPv4 /24, IPv6 /48" },
  { name: "user_id", type: "string" },
  { name: "trusted", type: "boolean", comment: "a server event with a valid signature" },
  { name: "flags", type: "array<string>" },
  { name: "event", type: "string", comment: "the event as sent, as JSON text: json_extract_scalar(event, '$.event_name')" },
];

/** rejected/: one line per event set aside (rejectedEventRecordSchema). */
const REJECTED_COLUMNS: Column[] = [
  { name: "schema_version", type: "int" },
  { name: "received_at", type: "string" },
  { name: "index", type: "int" },
  { name: "reason", type: "string" },
  { name: "payload", type: "string", comment: "what arrived, as JSON text" },
];

/**
 * The lake in the Glue catalog, so Athena can query it at any size without a crawler: a table per
 * area over gzipped NDJSON (lib/lake/keys.ts: <area>/dt=YYYY-MM-DD/hr=HH/<uuidv7>.ndjson.gz) with
 * partition projection on dt and hr, so no partition is ever registered and a query names the days
 * it reads: `WHERE dt BETWEEN '2025-06-01' AND '2025-06-07'`.
 */
export function lakeCatalog(stack: Stack, bucket: IBucket, databaseName: string) {
  const database = new CfnDatabase(stack, "LakeDatabase", {
    catalogId: stack.account,
    databaseInput: { name: databaseName, description: "compushop: the raw event lake (gzipped NDJSON), for Athena" },
  });
  const table = (id: string, area: "raw" | "rejected", columns: Column[], description: string) => {
    const location = `s3://${bucket.bucketName}/${area}/`;
    const created = new CfnTable(stack, id, {
      catalogId: stack.account,
      databaseName,
      tableInput: {
        name: area,
        description,
        tableType: "EXTERNAL_TABLE",
        partitionKeys: [
          { name: "dt", type: "string", comment: "UTC day the ingest received the request" },
          { name: "hr", type: "string", comment: "UTC hour, 00-23" },
        ],
        parameters: {
          classification: "json",
          compressionType: "gzip",
          "projection.enabled": "true",
          "projection.dt.type": "date",
          "projection.dt.format": "yyyy-MM-dd",
          "projection.dt.range": `${LAKE_FIRST_DAY},NOW`,
          "projection.dt.interval": "1",
          "projection.dt.interval.unit": "DAYS",
          "projection.hr.type": "integer",
          "projection.hr.range": "0,23",
          "projection.hr.digits": "2",
          "storage.location.template": `${location}dt=\${dt}/hr=\${hr}/`,
        },
        storageDescriptor: {
          columns,
          location,
          inputFormat: "org.apache.hadoop.mapred.TextInputFormat",
          outputFormat: "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
          compressed: true,
          serdeInfo: {
            serializationLibrary: "org.openx.data.jsonserde.JsonSerDe",
            // A malformed line reads as nulls instead of failing the whole query.
            parameters: { "ignore.malformed.json": "true", "case.insensitive": "false" },
          },
        },
      },
    });
    created.addDependency(database);
    return created;
  };
  const raw = table("LakeRawTable", "raw", RAW_COLUMNS, "Kept events, one JSON line each");
  const rejected = table("LakeRejectedTable", "rejected", REJECTED_COLUMNS, "Events set aside by the ingest, with their reason (kept 90 days)");
  return { database, raw, rejected };
}
