// Plain constants, free of zod, so the browser tracker can import them without the schema.
export const SCHEMA_VERSION = 1;
export const MAX_EVENTS_PER_BATCH = 100;
export const MAX_BATCH_BYTES = 256 * 1024;
