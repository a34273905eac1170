/*
 * The tracker's sizes and times. The bundler inlines plain numbers imported from another module
 * (not those of the module itself, nor those of a module with any call or computed value at its
 * top level, such as ../constants.ts), so they cost nothing kept here by name. limits.test.ts
 * keeps the copies of ../constants.ts equal to it.
 */

/** The version of the events (../constants.ts SCHEMA_VERSION). */
export const SCHEMA_VERSION = 2;
/** ../constants.ts MAX_EVENTS_PER_BATCH, the ingest's limit. */
export const MAX_EVENTS_PER_BATCH = 100;
/** ../constants.ts MAX_CLICK_TEXT_LENGTH: visible text kept from a clicked element. */
export const MAX_CLICK_TEXT_LENGTH = 160;

/** A batch goes when this many events are queued, or BATCH_DELAY_MS after the first. */
export const BATCH_SIZE = 10;
export const BATCH_DELAY_MS = 2_000;
/** Retries wait 1 s, 2 s, 4 s… doubling up to this, each times a jitter between ½ and 1. */
export const MAX_BACKOFF_MS = 60_000;
/** Oldest events are dropped beyond this (a long offline period): the warehouse sees the seq gap. */
export const MAX_QUEUE = 500;
/**
 * Request bodies stay under the 64 KiB browsers allow a beacon or keepalive fetch, and under
 * the ingest's MAX_BATCH_BYTES (a test checks); 100 bytes of it are left for the envelope
 * around the events. (A plain number: a call such as Math.min here would stop the inlining.)
 */
export const MAX_BODY_BYTES = 60 * 1024;
export const MAX_EVENT_BYTES = MAX_BODY_BYTES - 100;
/** How long the one tab sending the shared queue may keep doing so without renewing its lease. */
export const LEASE_MS = 10_000;
/** A request's timeout: it ends a hung request before the sending tab's lease runs out. */
export const FETCH_TIMEOUT_MS = 8_000;
/** How long a tab that took the lease waits for a rival tab's write to reach it. */
export const LEASE_SETTLE_MS = 50;
/** How long the title may take to change after a client-side navigation. */
export const TITLE_WAIT_MS = 1_000;
/** A session ends after this long without events: the life of the session cookie. */
export const SESSION_TIMEOUT_S = 30 * 60;
export const SESSION_TIMEOUT_MS = SESSION_TIMEOUT_S * 1000;
/** The life of the anonymous id and of the consent choice. */
export const YEAR_SECONDS = 365 * 24 * 3600;
/** Engagement periods are capped at a day (the schema's limit). */
export const DAY_MS = 86_400_000;
