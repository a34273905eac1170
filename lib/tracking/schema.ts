import type { z } from "zod";
import type { campaignSchema, pageContextSchema, productRefSchema, sizeSchema, visitContextSchema } from "./schema/common.ts";

/*
 * The one event schema shared by the browser tracker, the shop's server, the ingest Lambda and
 * the ETL: common parts, the current taxonomy (events.ts), the lake and batch records, and the
 * frozen earlier version (v1.ts) with the reader that accepts every version (read-lake-line.ts).
 */
export * from "./constants.ts";
export {
  campaignSchema,
  CLICK_ID_PARAMS,
  describeIssues,
  lineItemSchema,
  pageContextSchema,
  productRefSchema,
  sizeSchema,
  visitContextSchema,
} from "./schema/common.ts";
export * from "./schema/events.ts";
export * from "./schema/records.ts";
export { trackedEventV1Schema, rawEventRecordV1Schema, type TrackedEventV1, type RawEventRecordV1 } from "./schema/v1.ts";
export { readLakeLine, type LakeEvent, type LakeLineResult } from "./schema/read-lake-line.ts";

export type PageContext = z.infer<typeof pageContextSchema>;
export type ProductRef = z.infer<typeof productRefSchema>;
export type Campaign = z.infer<typeof campaignSchema>;
export type VisitContext = z.infer<typeof visitContextSchema>;
export type Size = z.infer<typeof sizeSchema>;
export type LineItem = ProductRef & { quantity: number };
