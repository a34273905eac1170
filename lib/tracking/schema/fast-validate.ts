import { Ajv, type ValidateFunction } from "ajv";
import { z } from "zod";

/*
 * A compiled fast path in front of a zod schema, with zod as the single source of truth. The
 * schema is exported once with zod's own z.toJSONSchema and compiled by Ajv; the fast path may
 * only ever say "zod accepts this". When it does not accept a value, zod is asked, for its verdict
 * and its readable issues: a fast path that refused too much would cost time, never change an
 * answer; one that accepted too much is what the equivalence test (fast-validate.equivalence.test.ts)
 * hunts for.
 *
 * What the JSON Schema export loses is put back by hand while it is made (`rewrite`, run by
 * z.toJSONSchema's `override` on every node), and what this file does not know to be exact is left
 * to zod, one subtree at a time (the `zodLeaf` keyword runs zod on that value alone):
 *
 * - refinements (.refine, .superRefine, .check): JSON Schema has none and the export drops them
 *   silently. A refined node gets the `zodChecks` keyword, which runs zod's own check objects on
 *   the value, as zod runs them, after the node's other keywords have passed. So the sums of
 *   events.ts (purchase revenue = subtotal + shipping, subtotal = Σ items, a cart's or checkout's
 *   value_cents = Σ items) are zod's functions, not copies. A refined node whose zod output could
 *   differ from its input (a URL zod trims, a default, a record dropping "__proto__") is left to zod
 *   whole, since zod's check would see another value than the input.
 * - z.url(): exported as format "uri" with a plain maxLength, but zod trims the value, asks
 *   `URL.canParse`, strips tabs and newlines and only then checks .max. The leaf is zod's (`zodLeaf`),
 *   as is any leaf with a check of no exact JSON Schema form (an email, .trim(), .multipleOf, …).
 * - the other formats are exported with the very pattern zod tests (a uuid with its version, an ISO
 *   date-time with offset, .startsWith, .regex): those keep the pattern, drop the format name, and
 *   Ajv runs the pattern without the "u" flag, as zod does (a pattern with flags is zod's leaf).
 * - records: zod never checks a "__proto__" key or its value (it skips it); JSON Schema would, so
 *   that key is let through by hand.
 * - discriminated unions: exported as oneOf, which is right (their tags are distinct) but slow. The
 *   root one is dispatched here by its tag, as zod does; nested ones get Ajv's `discriminator`. One
 *   that may fall back to trying every option, or where two options may omit the tag, is zod's.
 * - string lengths need nothing: zod (4.6) counts code points, a surrogate pair once and a lone
 *   surrogate as one, and so does Ajv's minLength/maxLength. Integers, ranges, enums, literals,
 *   strict objects, optional and nullable map exactly.
 * - any other type (transform, pipe, lazy, intersection, tuple, date, …), a check on a composite
 *   other than a refinement, a catchall schema: that subtree is zod's. `uncovered()` lists such
 *   subtrees; the tests require none for the event and lake schemas.
 *
 * Parts used by several branches (the page, the visit context, a product, …) are exported once
 * (reused: "ref") and compiled once; each branch of a root discriminated union is compiled on first
 * use, so a cold start pays for the event names it meets (~10–30 ms each, cold).
 *
 * The values it judges are JSON, what JSON.parse returns: no undefined, NaN, functions or class
 * instances, which zod and Ajv need not see alike.
 */

type Json = Record<string, unknown>;

export type FastVerdict = { success: true } | { success: false; error: z.ZodError };

export interface FastValidator {
  /** True only when zod accepts the value; false when it may not (ask zod: `check`). */
  accepts(value: unknown): boolean;
  /** zod's verdict: from the compiled check when it accepts, else from zod itself, with its issues. */
  check(value: unknown): FastVerdict;
  /** Compiles every branch now; returns what is left to zod whole, and why (empty: all is compiled). */
  uncovered(): string[];
}

/** String formats whose zod check is exactly the pattern it exports (tested without flags). */
const PATTERN_FORMATS: ReadonlySet<string> = new Set(["uuid", "guid", "datetime", "date", "regex", "starts_with", "ends_with"]);
/** Number formats whose zod check is "an integer (for int ones) within the range it exports". */
const NUMBER_FORMATS: ReadonlySet<string> = new Set(["safeint", "int32", "uint32", "float32", "float64"]);
const LENGTH_CHECKS: ReadonlySet<string> = new Set(["min_length", "max_length", "length_equals"]);
const LEAF_TYPES: ReadonlySet<string> = new Set(["string", "number", "boolean", "null", "literal", "enum"]);
/** Where exported parts shared by several nodes are registered with Ajv. */
const DEFINITION_ID = "zod-fast-validate:";

type Check = z.core.$ZodCheck<never>;

/** Per validator: what its custom keywords call, and what it left to zod whole. */
interface Registry {
  leaves: z.core.$ZodType[];
  checks: Check[][];
  delegated: string[];
}

class Uncompilable extends Error {}

/** A field of a zod def that its declared type does not name (defs of formats, checks, unions). */
function field(def: object, key: string): unknown {
  return (def as Record<string, unknown>)[key];
}

function formatOf(check: Check): string {
  const format = field(check._zod.def, "format");
  return typeof format === "string" ? format : "";
}

function checksOf(schema: z.core.$ZodType): Check[] {
  const own = schema._zod.def.checks ?? [];
  // A format schema (z.uuid(), z.url(), z.int(), …) is its own first check, as zod runs it.
  return schema._zod.traits.has("$ZodCheck") ? [schema as unknown as Check, ...own] : [...own];
}

/** The leaf's checks all have an exact JSON Schema form. */
function leafIsExact(schema: z.core.$ZodTypes): boolean {
  const def = schema._zod.def;
  const checks = checksOf(schema);
  switch (def.type) {
    case "string":
      return checks.every((check) => {
        const kind = check._zod.def.check;
        if (LENGTH_CHECKS.has(kind)) return true;
        if (kind !== "string_format" || !PATTERN_FORMATS.has(formatOf(check))) return false;
        const pattern = field(check._zod.def, "pattern");
        return pattern instanceof RegExp && pattern.flags === "";
      });
    case "number":
      return checks.every((check) => {
        const kind = check._zod.def.check;
        return kind === "greater_than" || kind === "less_than" || (kind === "number_format" && NUMBER_FORMATS.has(formatOf(check)));
      });
    case "literal":
      // undefined and bigint literals have no JSON form (the export would accept anything)
      return checks.length === 0 && def.values.every((value) => value === null || ["string", "boolean"].includes(typeof value) || Number.isFinite(value));
    default:
      return checks.length === 0;
  }
}

/** zod's output of a value of this schema may differ from the value (so a refinement above it would see another value). */
function outputMayDiffer(schema: z.core.$ZodType, seen = new Set<z.core.$ZodType>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  const node = schema as z.core.$ZodTypes;
  const def = node._zod.def;
  if (LEAF_TYPES.has(def.type)) return !leafIsExact(node);
  // refinements and length checks only judge; .overwrite() and anything unknown may change the value
  if (checksOf(schema).some((check) => check._zod.def.check !== "custom" && !LENGTH_CHECKS.has(check._zod.def.check))) return true;
  switch (def.type) {
    case "unknown":
    case "any":
    case "never":
      return false;
    case "object":
      return Object.values(def.shape).some((child) => outputMayDiffer(child, seen)) || (def.catchall !== undefined && outputMayDiffer(def.catchall, seen));
    case "array":
      return outputMayDiffer(def.element, seen);
    case "optional":
    case "nullable":
      return outputMayDiffer(def.innerType, seen);
    case "union":
      return def.options.some((option) => outputMayDiffer(option, seen));
    default:
      // records drop a "__proto__" key; defaults, transforms, pipes, … change values
      return true;
  }
}

/** Every option is an object whose tag is a required literal of strings (what Ajv's discriminator needs). */
function stringTags(option: z.core.$ZodType, disc: string): boolean {
  const def = (option as z.core.$ZodTypes)._zod.def;
  if (def.type !== "object" || checksOf(option).length > 0) return false;
  const tag = def.shape[disc];
  const values = tag?._zod.values;
  return tag !== undefined && tag._zod.optin === undefined && values !== undefined && [...values].every((value) => typeof value === "string");
}

/** Leaves the node's value to zod: its JSON Schema becomes "zod accepts it". */
function delegate(node: z.core.$ZodType, json: Json, registry: Registry): void {
  for (const key of Object.keys(json)) delete json[key];
  json.zodLeaf = registry.leaves.push(node) - 1;
}

/** Puts back what the JSON Schema export of one zod node lost (see the top of this file). */
function rewrite(node: z.core.$ZodTypes, json: Json, registry: Registry, where: string): void {
  try {
    rewriteOrThrow(node, json, registry);
  } catch (error) {
    if (!(error instanceof Uncompilable)) throw error;
    const reason = `${where}: ${error.message}`;
    if (!registry.delegated.includes(reason)) registry.delegated.push(reason);
    delegate(node, json, registry);
  }
}

function rewriteOrThrow(node: z.core.$ZodTypes, json: Json, registry: Registry): void {
  const def = node._zod.def;
  if (LEAF_TYPES.has(def.type)) {
    if (!leafIsExact(node)) delegate(node, json, registry);
    // the pattern carries the format's check (a uuid's version, an ISO time with offset, …)
    else if (def.type === "string") delete json.format;
    return;
  }
  switch (def.type) {
    case "object": {
      const catchall = def.catchall?._zod.def.type;
      if (catchall !== undefined && catchall !== "never" && catchall !== "unknown" && catchall !== "any") {
        throw new Uncompilable('an object with a catchall schema (zod does not check a "__proto__" key against it)');
      }
      break;
    }
    case "record": {
      const key = (def.keyType as z.core.$ZodTypes)._zod.def;
      if (key.type !== "string" || def.mode === "loose" || !json.propertyNames || !json.additionalProperties) {
        throw new Uncompilable("a record not keyed by plain strings");
      }
      // zod skips a "__proto__" key, unchecked, and its value: so must Ajv.
      json.propertyNames = { anyOf: [{ const: "__proto__" }, json.propertyNames] };
      json.patternProperties = { "^__proto__$": {} };
      break;
    }
    case "union": {
      const disc = field(def, "discriminator");
      if (typeof disc !== "string") break;
      if (field(def, "unionFallback") === true || def.options.filter((option) => option._zod.propValues?.[disc]?.has(undefined)).length > 1) {
        throw new Uncompilable("a discriminated union that may try every option");
      }
      if (Array.isArray(json.oneOf) && def.options.every((option) => stringTags(option, disc))) {
        json.discriminator = { propertyName: disc };
        json.type = "object";
      }
      break;
    }
    case "array":
    case "optional":
    case "nullable":
    case "default":
    case "unknown":
    case "any":
    case "never":
      break;
    default:
      throw new Uncompilable(`zod type "${def.type}"`);
  }
  const checks = checksOf(node);
  const others = checks.filter((check) => check._zod.def.check !== "custom" && !(def.type === "array" && LENGTH_CHECKS.has(check._zod.def.check)));
  if (others.length > 0) throw new Uncompilable(`${def.type} check "${others.map((check) => check._zod.def.check).join(", ")}"`);
  const refinements = checks.filter((check) => check._zod.def.check === "custom");
  if (refinements.length > 0) {
    if (outputMayDiffer(node)) throw new Uncompilable("a refinement over values zod changes");
    json.zodChecks = registry.checks.push(refinements) - 1;
  }
}

/** Runs zod's own refinement checks on an otherwise valid value, as zod's runChecks does. */
function passesChecks(checks: readonly Check[], value: unknown): boolean {
  const payload: z.core.ParsePayload = { value, issues: [] };
  try {
    for (const check of checks) {
      const { when } = check._zod.def;
      if (when && !when(payload)) continue;
      const result = check._zod.check(payload as z.core.ParsePayload<never>);
      if (result instanceof Promise) {
        // zod's synchronous parse throws on an async refinement: not for the fast path to accept.
        result.catch(() => {});
        return false;
      }
    }
  } catch {
    return false;
  }
  return payload.issues.length === 0;
}

function newAjv(registry: Registry, validateSchemas: boolean): Ajv {
  const ajv = new Ajv({
    // Unknown keywords or formats and ignored keywords are errors: whatever this file did not
    // translate fails to compile (then zod judges alone), never silently laxer.
    strict: true,
    // …except for keywords beside a reference (draft-07 exports `{allOf: [{$ref}], minItems}` for a
    // refined shared array): Ajv applies them to their own type only, and the reference checks it.
    strictTypes: false,
    // Checking the exported schemas against the draft-07 meta-schema costs a compile of the
    // meta-schema (~20 ms, a cold start's worth): the tests do it, production trusts zod's export.
    meta: validateSchemas,
    validateSchema: validateSchemas,
    allErrors: false,
    messages: false,
    // zod's regexes carry no flags (checked per pattern): run them the same way.
    unicodeRegExp: false,
    discriminator: true,
    // `default` is an annotation here: zod fills in defaults, this only judges.
    useDefaults: false,
    // Shared parts of more than a few keywords become functions of their own, compiled once.
    inlineRefs: 16,
  });
  ajv.addKeyword({
    keyword: "zodLeaf",
    schemaType: "number",
    errors: false,
    validate: (id: number, data: unknown) => {
      const leaf = registry.leaves[id];
      return leaf !== undefined && z.safeParse(leaf, data).success;
    },
  });
  ajv.addKeyword({
    keyword: "zodChecks",
    schemaType: "number",
    errors: false,
    // after every other keyword of the node, so zod's checks see only an otherwise valid value
    post: true,
    validate: (id: number, data: unknown) => {
      const checks = registry.checks[id];
      return checks !== undefined && passesChecks(checks, data);
    },
  });
  return ajv;
}

/** The id under which a shared part (a definition of the export) is registered with Ajv. */
const definitionId = (name: string) => DEFINITION_ID + encodeURIComponent(name);

/** Points `#/definitions/x` references at the definitions registered with Ajv. */
function retarget(value: unknown): void {
  if (Array.isArray(value)) {
    value.forEach(retarget);
    return;
  }
  if (typeof value !== "object" || value === null) return;
  const json = value as Json;
  for (const [key, child] of Object.entries(json)) {
    if (key !== "$ref") retarget(child);
    else if (typeof child === "string" && /^#\/definitions\/[^/]+$/.test(child)) {
      // a JSON Pointer segment, itself URI-encoded
      json.$ref = definitionId(decodeURIComponent(child.slice("#/definitions/".length)).replaceAll("~1", "/").replaceAll("~0", "~"));
    }
    else throw new Error(`reference ${String(child)} is not compiled`);
  }
}

/** The schema exported once, its shared parts registered with Ajv; branches compile on demand. */
function exportSchema(schema: z.core.$ZodType, ajv: Ajv, registry: Registry): Json {
  const json: Json = z.toJSONSchema(schema, {
    target: "draft-07",
    io: "input",
    reused: "ref",
    // what has no JSON Schema form is left to zod by `rewrite`
    unrepresentable: "any",
    override: ({ zodSchema, jsonSchema, path }) => rewrite(zodSchema, jsonSchema as Json, registry, path.join(".") || "(root)"),
  });
  delete json.$schema;
  const definitions = (json.definitions ?? {}) as Record<string, Json>;
  delete json.definitions;
  retarget(json);
  retarget(definitions);
  for (const [name, definition] of Object.entries(definitions)) ajv.addSchema(definition, definitionId(name));
  return json;
}

type Compiled = { ok: true; validate: ValidateFunction } | { ok: false; reason: string };

function compile(ajv: Ajv, json: Json, name: string): Compiled {
  try {
    return { ok: true, validate: ajv.compile(json) };
  } catch (error) {
    return { ok: false, reason: `${name}: ${error instanceof Error ? error.message : String(error)}` };
  }
}

const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);

interface Plan {
  accepts(value: unknown): boolean;
  compileAll(): string[];
}

function plan(schema: z.core.$ZodType, registry: Registry, validateSchemas: boolean): Plan {
  const ajv = newAjv(registry, validateSchemas);
  let root: Json;
  try {
    root = exportSchema(schema, ajv, registry);
  } catch (error) {
    const reason = `(export) ${error instanceof Error ? error.message : String(error)}`;
    return { accepts: () => false, compileAll: () => [reason] };
  }
  const lazily = (json: Json, name: string) => {
    let compiled: Compiled | undefined;
    const get = () => (compiled ??= compile(ajv, json, name));
    const accepts = (value: unknown) => {
      const result = get();
      return result.ok && result.validate(value) === true;
    };
    return { accepts, get };
  };
  const def = (schema as z.core.$ZodTypes)._zod.def;
  const disc = def.type === "union" ? field(def, "discriminator") : undefined;
  const branchesJson = root.oneOf;
  if (def.type !== "union" || typeof disc !== "string" || !Array.isArray(branchesJson) || branchesJson.length !== def.options.length || "zodChecks" in root || "zodLeaf" in root) {
    const whole = lazily(root, "(root)");
    return { accepts: whole.accepts, compileAll: () => [whole.get()].flatMap((result) => (result.ok ? [] : [result.reason])) };
  }
  // A root discriminated union: each option compiled on first use, dispatched by its tag with
  // zod's own rule (a tag two options may omit, undefined, matches neither).
  const branches = new Map<unknown, ((value: unknown) => boolean) | null>();
  const parts = def.options.map((option, index) => {
    const values = [...(option._zod.propValues?.[disc] ?? [])];
    const branch = lazily(branchesJson[index] as Json, values.map(String).join("|"));
    for (const value of values) branches.set(value, branches.has(value) ? null : branch.accepts);
    return branch.get;
  });
  return {
    accepts(value) {
      if (!isObject(value)) return false;
      const branch = branches.get(value[disc]);
      return branch !== undefined && branch !== null && branch(value);
    },
    compileAll: () => parts.flatMap((get) => {
      const result = get();
      return result.ok ? [] : [result.reason];
    }),
  };
}

/**
 * The fast path of a zod schema, exported and compiled on first use. `validateSchemas` also checks
 * every exported schema against the JSON Schema meta-schema (slower to compile; for tests).
 */
export function fastValidator(schema: z.ZodType, options: { validateSchemas?: boolean } = {}): FastValidator {
  const registry: Registry = { leaves: [], checks: [], delegated: [] };
  let planned: Plan | undefined;
  const get = () => (planned ??= plan(schema, registry, options.validateSchemas ?? false));
  const accepts = (value: unknown) => get().accepts(value);
  return {
    accepts,
    check(value) {
      if (accepts(value)) return { success: true };
      const parsed = schema.safeParse(value);
      return parsed.success ? { success: true } : { success: false, error: parsed.error };
    },
    uncovered: () => [...get().compileAll(), ...registry.delegated],
  };
}
