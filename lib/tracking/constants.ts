// Plain constants, free of zod, so the browser tracker can import them without the schema.

/** The version of the events the tracker and the shop's server send now. */
export const SCHEMA_VERSION = 2;
/** Batches the ingest still accepts: an open tab keeps sending the version it was loaded with. */
export const SUPPORTED_SCHEMA_VERSIONS = [1, 2] as const;
export const MAX_EVENTS_PER_BATCH = 100;
export const MAX_BATCH_BYTES = 256 * 1024;

/** Field limits: longer values are cut to these by the ingest and flagged, never rejected. */
export const MAX_URL_LENGTH = 2048;
export const MAX_TITLE_LENGTH = 512;
/** Visible text kept from a clicked element. */
export const MAX_CLICK_TEXT_LENGTH = 160;
/** Longest region or city name the lake keeps (the ingest cuts longer ones). */
export const MAX_GEO_NAME_LENGTH = 128;
