import fc from "fast-check";
import { describe, expect, it } from "vitest";
// The ingest's generators of events of every name (test code only), and its field limits: they
// make over-long URLs and titles on purpose, which the ingest cuts before validating.
import { applyFieldLimits } from "../../../ingest/field-limits.ts";
import { eventV1, serverEvent, visitorEventV2 } from "../../../ingest/testing/event-arbitraries.ts";
import { trackedEventSchema, trackedEventV1Schema } from "../schema.ts";
import { fastValidator } from "./fast-validate.ts";

// Property: for any event, valid, mutated or junk, of either version, the compiled fast path
// accepts it exactly when zod does, judged by both the version 2 and the version 1 schema.
// Mutations hit every field of an event, anywhere in it, with values around the edges of what
// the schemas allow (lengths, ranges, formats, keys), so both answers stay common.

type Json = Record<string, unknown>;
type Path = Array<string | number>;

const NUM_RUNS = 12_000;

const eventV2Check = fastValidator(trackedEventSchema);
const eventV1Check = fastValidator(trackedEventV1Schema);

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

/** Every place in a JSON value: object keys and array indexes, at any depth. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => [[...prefix, index], ...pathsOf(item, [...prefix, index])]);
  if (isObject(value)) return Object.keys(value).flatMap((key) => [[...prefix, key], ...pathsOf(value[key], [...prefix, key])]);
  return [];
}

function parentOf(root: unknown, path: Path): unknown {
  let node = root;
  for (const step of path.slice(0, -1)) node = (node as Record<string | number, unknown>)[step];
  return node;
}

/** The `at`-th (modulo) of the paths whose value is of `type`, as its parent and key; none when no value is. */
function leafOfType(event: unknown, paths: readonly Path[], at: number, type: "number" | "string"): { parent: Json; key: string } | undefined {
  const matching = paths.filter((path) => typeof (parentOf(event, path) as Json)[path[path.length - 1] as string] === type);
  const path = matching[at % Math.max(matching.length, 1)];
  return path ? { parent: parentOf(event, path) as Json, key: path[path.length - 1] as string } : undefined;
}

/** Sets an own property, even one named "__proto__" (as JSON.parse makes it), to a copy of the value (arbitraries may share theirs). */
function setOwn(target: Json | unknown[], key: string | number, value: unknown): void {
  Object.defineProperty(target, key, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
}

const limits = [1, 3, 19, 32, 40, 50, 64, 99, 100, 128, 160, 200, 256, 300, 512, 1024, 2048];
const pad = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

const strings = fc.oneof(
  fc.constantFrom(
    "", " ", "a", "A", "z", "-", "_", "/", "/x", "x/", "1", "0", "00", "-1", "١٢", "1\n", "\n", "\t", "😀", "\ud83d", "\ude00", "é",
    "USD", "usd", "EU", "EURO", "US D", "password", "PASSWORD", "category", "deals", "gclid", "fbclid", "GCLID", "li_fat_id",
    "button", "x-card", "a1-", "1a", "aB", "brand", "price_max", "Brand", "__proto__", "constructor", "toString", "hasOwnProperty",
    "standard", "1234567890123456789", "12345678901234567890", "12a", "+1", "1.0",
  ),
  // URLs: what z.url() takes (after trimming) and what it does not
  fc.constantFrom(
    "http://127.0.0.1:3000/", "https://shop.example/a?b=c#d", " http://x.test/ ", "http://x.test/\t", "\thttp://x.test/", "http://exa\nmple.com/",
    "\u0000http://x.test/", "http:x.test", "https:/x.test", "//x.test/", "/relative", "mailto:a@b.c", "javascript:alert(1)", "file:///etc/passwd",
    "data:text/plain,hi", "http://[::1]:3000/", "http://[::1", "http://exa mple.com/", "https://ex%ample.com", "HTTP://X.TEST", "a:b", "http://",
    "http://x.test:99999/", "http://xn--nxasmq6b.com/", "http://ü.example/", "https://user:pw@x.test/", "\u00a0http://x.test/\u00a0",
  ),
  // UUIDs: versions, case, variants, surroundings
  fc.constantFrom(
    "01890a5d-ac96-774b-bcce-b302099a8057", "01890A5D-AC96-774B-BCCE-B302099A8057", "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f",
    "9f1c2d3e-4b5a-1c6d-8e7f-0a1b2c3d4e5f", "9f1c2d3e-4b5a-8c6d-8e7f-0a1b2c3d4e5f", "9f1c2d3e-4b5a-9c6d-8e7f-0a1b2c3d4e5f",
    "01890a5d-ac96-774b-ccce-b302099a8057", "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
    "FFFFFFFF-FFFF-FFFF-FFFF-FFFFFFFFFFFF", "01890a5d-ac96-774b-bcce-b302099a8057\n", "{01890a5d-ac96-774b-bcce-b302099a8057}",
    "01890a5dac96774bbcceb302099a8057", "01890a5d-ac96-774b-bcce-b302099a805",
  ),
  // ISO times: offsets, fractions, calendar edges
  fc.constantFrom(
    "2026-11-25T12:00:00Z", "2026-11-25T12:00:00.123456789Z", "2026-11-25T12:00:00+05:30", "2026-11-25T12:00:00-00:00", "2026-11-25T12:00:00+0530",
    "2026-11-25T12:00:00", "2026-11-25T12:00Z", "2026-11-25t12:00:00z", "2026-11-25 12:00:00Z", "2024-02-29T00:00:00Z", "2026-02-29T00:00:00Z",
    "2000-02-29T00:00:00Z", "1900-02-29T00:00:00Z", "2026-11-25T24:00:00Z", "2026-11-25T23:59:60Z", "+002026-11-25T12:00:00Z",
    "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999Z", "2026-11-25T12:00:00Z\n", "2026-11-25T12:00:00.Z", "2026-11-25T12:00:00+24:00",
  ),
  // lengths just under, at and over the limits, in ASCII, astral and lone-surrogate units
  fc.tuple(fc.constantFrom(...limits), fc.integer({ min: -1, max: 1 }), fc.constantFrom("a", "😀", "é", " ", "\ud83d", "%20")).map(
    ([limit, delta, unit]) => pad(unit, Math.max(0, limit + delta) * (unit === "😀" ? 2 : 1)),
  ),
  fc.tuple(fc.constantFrom(...limits), fc.integer({ min: -2, max: 2 })).map(([limit, delta]) => `https://shop.example/${pad("a", Math.max(0, limit + delta - 21))}`),
  fc.string({ unit: "binary", maxLength: 12 }),
);

const numbers = fc.oneof(
  fc.constantFrom(
    0, -0, 1, -1, 0.5, 1.5, -0.5, 2, 7, 39, 40, 41, 99, 100, 101, 9_999, 10_000, 10_001, 86_400_000, 86_400_001, 1e9, 1e9 + 1, 2 ** 31, 2 ** 32,
    2 ** 53 - 1, 2 ** 53, 2 ** 53 + 2, 1e21, -1e21, 1e308, 5e-324, -(2 ** 53),
  ),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

const values: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: strings },
  { weight: 3, arbitrary: numbers },
  { weight: 1, arbitrary: fc.constantFrom(null, true, false, [], {}, [1], ["a"], { a: 1 }, { href: "http://x.test/" }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
);

/** A change to one place of an event: most are small, next to the value that is there. */
type Mutation = (event: Json, paths: Path[]) => void;

/** Which place of the event, uniformly (a biased nat would pick the first few fields). */
const place = fc.noBias(fc.nat({ max: 1_000_000 }));

const mutations: fc.Arbitrary<Mutation> = fc.oneof(
  // replace any value with an edge value, mostly of its own type
  fc.tuple(place, strings, numbers, values, fc.boolean()).map(([at, text, number, other, sameType]): Mutation => (event, paths) => {
    const path = paths[at % paths.length];
    if (!path) return;
    const parent = parentOf(event, path) as Json;
    const key = path[path.length - 1] as string;
    const current = parent[key];
    const value = !sameType ? other : typeof current === "string" ? text : typeof current === "number" ? number : other;
    setOwn(parent, key, value);
  }),
  // nudge a number
  fc.tuple(place, fc.constantFrom(1, -1, 0.5, 100, -100, 1e9), fc.constantFrom("add", "times")).map(([at, by, how]): Mutation => (event, paths) => {
    const leaf = leafOfType(event, paths, at, "number");
    if (!leaf) return;
    const value = leaf.parent[leaf.key] as number;
    leaf.parent[leaf.key] = how === "add" ? value + by : value * by;
  }),
  // edit a string at its ends, or cut it
  fc.tuple(place, fc.constantFrom(" ", "\t", "\n", "😀", "\ud83d", "A", "a", "-", "%", "/", "0", "Z"), fc.constantFrom("append", "prepend", "cut", "upper")).map(
    ([at, text, how]): Mutation => (event, paths) => {
      const leaf = leafOfType(event, paths, at, "string");
      if (!leaf) return;
      const value = leaf.parent[leaf.key] as string;
      leaf.parent[leaf.key] = how === "append" ? value + text : how === "prepend" ? text + value : how === "cut" ? value.slice(0, -1) : value.toUpperCase();
    },
  ),
  // drop a key or an array item
  place.map((at): Mutation => (event, paths) => {
    const path = paths[at % paths.length];
    if (!path) return;
    const parent = parentOf(event, path);
    if (Array.isArray(parent)) parent.splice(path[path.length - 1] as number, 1);
    else delete (parent as Json)[path[path.length - 1] as string];
  }),
  // add a key to any object, or an item to any array (a copy of one there)
  fc.tuple(place, fc.constantFrom("unexpected", "__proto__", "constructor", "toString", "id", "seq", "user_id", "campaign", "brand", "lcp_ms", "Brand"), values).map(
    ([at, key, value]): Mutation => (event, paths) => {
      const containers = [[], ...paths].filter((path) => {
        const node = path.length === 0 ? event : (parentOf(event, path) as Json)[path[path.length - 1] as string];
        return typeof node === "object" && node !== null;
      });
      const path = containers[at % containers.length] ?? [];
      const node = path.length === 0 ? event : ((parentOf(event, path) as Json)[path[path.length - 1] as string] as Json | unknown[]);
      if (Array.isArray(node)) node.push(structuredClone(node[0] ?? value));
      else setOwn(node, key, value);
    },
  ),
  // another event name over these properties
  fc.constantFrom(...trackedEventSchema.options.map((option) => option.shape.event_name.value)).map((name): Mutation => (event) => {
    event.event_name = name;
  }),
);

/** Search filters (the one record of the schemas): keys zod skips, refuses or takes, values of any kind. */
const searchEvent: fc.Arbitrary<Json> = fc
  .tuple(
    visitorEventV2(false),
    fc.dictionary(fc.constantFrom("__proto__", "constructor", "brand", "price_max", "Brand", "a".repeat(40), "a".repeat(41), ""), fc.oneof(strings, values), {
      maxKeys: 3,
    }),
  )
  .map(([event, filters]) => ({ ...event, event_name: "search", properties: { query: "gpu", filters, sort: null, page: 1, result_count: 0 } }));

/** An event of any name and version, mostly as the ingest validates it (over-long fields cut). */
const generated: fc.Arbitrary<Json> = fc
  .tuple(fc.oneof(visitorEventV2(false), visitorEventV2(true), serverEvent, eventV1, searchEvent), fc.nat(3))
  .map(([event, uncut]) => (uncut === 0 ? event : (applyFieldLimits(event).event as Json)));

/** One event of either version, generated, mutated (one to three changes) or junk, as JSON. */
const anyEvent: fc.Arbitrary<{ kind: string; event: unknown }> = fc
  .oneof(
    { weight: 3, arbitrary: generated.map((event) => ({ kind: "generated", event: event as unknown })) },
    {
      weight: 10,
      arbitrary: fc
        .tuple(generated, fc.array(mutations, { minLength: 1, maxLength: 3 }))
        .map(([valid, changes]) => {
          const event = structuredClone(valid);
          for (const change of changes) change(event, pathsOf(event));
          return { kind: "mutated", event: event as unknown };
        }),
    },
    {
      weight: 1,
      arbitrary: fc
        .oneof(fc.jsonValue({ maxDepth: 3 }), fc.record({ event_name: fc.constantFrom("page_view", "purchase", "search"), properties: fc.jsonValue({ maxDepth: 2 }) }))
        .map((event) => ({ kind: "junk", event })),
    },
  )
  // as the ingest sees events: parsed from JSON text
  .map(({ kind, event }) => ({ kind, event: JSON.parse(JSON.stringify(event) ?? "null") as unknown }));

describe("fastValidator ≡ zod", () => {
  it(`accepts exactly what zod accepts, version 2 and version 1, over ${NUM_RUNS.toLocaleString("en")} valid, mutated and junk events`, () => {
    const seen = { accepted: 0, rejected: 0, mutatedAccepted: 0, mutatedRejected: 0 };
    fc.assert(
      fc.property(anyEvent, ({ kind, event }) => {
        const v2 = trackedEventSchema.safeParse(event).success;
        const v1 = trackedEventV1Schema.safeParse(event).success;
        expect(eventV2Check.accepts(event)).toBe(v2);
        expect(eventV1Check.accepts(event)).toBe(v1);
        seen[v2 || v1 ? "accepted" : "rejected"]++;
        if (kind === "mutated") seen[v2 || v1 ? "mutatedAccepted" : "mutatedRejected"]++;
      }),
      { numRuns: NUM_RUNS },
    );
    // Both answers must be common, also among near misses, or the property says little.
    expect(seen.accepted).toBeGreaterThan(NUM_RUNS * 0.2);
    expect(seen.rejected).toBeGreaterThan(NUM_RUNS * 0.2);
    expect(seen.mutatedAccepted).toBeGreaterThan(NUM_RUNS * 0.05);
    expect(seen.mutatedRejected).toBeGreaterThan(NUM_RUNS * 0.4);
  }, 60_000);
});
