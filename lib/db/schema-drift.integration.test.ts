import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { PostgresPart } from "../../dev/parts/postgres.ts";
import { throwawayPostgres } from "../../dev/testing/local-parts.ts";
import { seedCatalog } from "../../prisma/seed.ts";
import { Prisma, PrismaClient } from "./generated/client.ts";
import { migrateShop } from "./migrations.ts";

/*
 * schema.prisma only describes the tables; the SQL migrations create them (node-pg-migrate, since
 * `prisma migrate` cannot run here). This test keeps the two from drifting apart: against a
 * freshly migrated (and seeded) database it checks, for every model the generated client knows,
 * that the table exists, that every scalar field has a column of a compatible type and the same
 * nullability, that ids, unique fields and relations have their constraints, that required columns
 * the model does not know have defaults, and finally reads every model selecting every scalar
 * field through the client itself.
 *
 * Where the model comes from: Prisma 7's `prisma-client` generator no longer exports `Prisma.dmmf`.
 * It exports `Prisma.ModelName` and `Prisma.<Model>ScalarFieldEnum`; the field types and database
 * names live in the client's runtime data model (`_runtimeDataModel`), and the schema text it was
 * generated from in `_engineConfig.inlineSchema` (optionality, `@db.*`, `@id`, `@unique` and
 * `@relation` are read from that text). Both are internals, so they are validated with zod and
 * cross-checked against the public exports: a Prisma upgrade that moves them fails loudly here.
 */

const SCHEMA_FILE = fileURLToPath(new URL("../../prisma/schema.prisma", import.meta.url));

// ---------------------------------------------------------------------------------------------
// The client's view of the schema

const runtimeFieldSchema = z.object({
  name: z.string(),
  kind: z.enum(["scalar", "object", "enum", "unsupported"]),
  type: z.string(),
  dbName: z.string().nullish(),
});

const runtimeDataModelSchema = z.object({
  models: z.record(
    z.string(),
    z.object({
      dbName: z.string().nullable(),
      schema: z.string().nullish(),
      fields: z.array(runtimeFieldSchema),
    }),
  ),
  enums: z.record(
    z.string(),
    z.object({
      dbName: z.string().nullish(),
      values: z.array(z.object({ name: z.string(), dbName: z.string().nullish() })),
    }),
  ),
});

const clientInternalsSchema = z.object({
  _runtimeDataModel: runtimeDataModelSchema,
  _engineConfig: z.object({ inlineSchema: z.string().min(1) }),
});

type RuntimeDataModel = z.infer<typeof runtimeDataModelSchema>;
type RuntimeField = z.infer<typeof runtimeFieldSchema>;

interface SchemaField {
  readonly name: string;
  readonly type: string;
  readonly list: boolean;
  readonly optional: boolean;
  readonly attributes: string;
}

interface SchemaModel {
  readonly fields: Map<string, SchemaField>;
  readonly blockAttributes: string[];
}

/** Cuts a `//` comment off a schema line, ignoring `//` inside string literals. */
function stripComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i += 1) {
    const ch = line[i];
    if (ch === "\\") i += 1;
    else if (ch === '"') inString = !inString;
    else if (!inString && ch === "/" && line[i + 1] === "/") return line.slice(0, i);
  }
  return line;
}

/**
 * Reads the model blocks of a Prisma schema: enough of the grammar for field modifiers and
 * attributes (Prisma requires one field per line and formats blocks as `model X {` … `}`).
 */
function parseModels(schema: string): Map<string, SchemaModel> {
  const models = new Map<string, SchemaModel>();
  let current: SchemaModel | null = null;
  for (const raw of schema.split(/\r?\n/)) {
    const line = stripComment(raw).trim();
    if (line === "") continue;
    const start = /^model\s+(\w+)\s*\{$/.exec(line);
    if (start?.[1] !== undefined) {
      current = { fields: new Map(), blockAttributes: [] };
      models.set(start[1], current);
      continue;
    }
    if (current === null) continue;
    if (line === "}") {
      current = null;
      continue;
    }
    if (line.startsWith("@@")) {
      current.blockAttributes.push(line);
      continue;
    }
    const field = /^(\w+)\s+(\w+)(\[\])?(\?)?\s*(.*)$/.exec(line);
    if (field?.[1] === undefined || field[2] === undefined) throw new Error(`unreadable schema line: ${line}`);
    current.fields.set(field[1], {
      name: field[1],
      type: field[2],
      list: field[3] !== undefined,
      optional: field[4] !== undefined,
      attributes: field[5] ?? "",
    });
  }
  return models;
}

/** Schema text with spacing normalised, one entry per non-empty line. */
function normalizeSchemaText(schema: string): string[] {
  return schema
    .split(/\r?\n/)
    .map((line) => line.trim().replace(/\s+/g, " "))
    .filter((line) => line !== "");
}

/** Field names of `[a, b(sort: Desc)]`. */
function fieldList(text: string): string[] {
  return text
    .split(",")
    .map((part) => /^\s*(\w+)/.exec(part)?.[1])
    .filter((name): name is string => name !== undefined);
}

// ---------------------------------------------------------------------------------------------
// Type compatibility (PostgreSQL)

/** information_schema's names for the udt names pg uses in `udt_name` (arrays: `_` + these). */
const UDT_TYPES: Record<string, string> = {
  int2: "smallint",
  int4: "integer",
  int8: "bigint",
  float4: "real",
  float8: "double precision",
  numeric: "numeric",
  money: "money",
  text: "text",
  varchar: "character varying",
  bpchar: "character",
  bool: "boolean",
  timestamp: "timestamp without time zone",
  timestamptz: "timestamp with time zone",
  date: "date",
  time: "time without time zone",
  timetz: "time with time zone",
  json: "json",
  jsonb: "jsonb",
  bytea: "bytea",
  uuid: "uuid",
  citext: "citext",
  inet: "inet",
  xml: "xml",
  oid: "oid",
  bit: "bit",
  varbit: "bit varying",
};

/** Column types a Prisma scalar can read and write when the field has no `@db.*` attribute. */
const COMPATIBLE_TYPES: Record<string, readonly string[]> = {
  String: ["text", "character varying", "character", "uuid", "citext", "inet", "xml"],
  Int: ["integer", "smallint", "oid"],
  BigInt: ["bigint"],
  Float: ["double precision", "real"],
  Decimal: ["numeric", "money"],
  Boolean: ["boolean"],
  DateTime: [
    "timestamp without time zone",
    "timestamp with time zone",
    "date",
    "time without time zone",
    "time with time zone",
  ],
  Json: ["jsonb", "json"],
  Bytes: ["bytea"],
};

/** The exact column type each `@db.*` native type attribute stands for. */
const NATIVE_TYPES: Record<string, string> = {
  Text: "text",
  VarChar: "character varying",
  Char: "character",
  Uuid: "uuid",
  Citext: "citext",
  Inet: "inet",
  Xml: "xml",
  Integer: "integer",
  SmallInt: "smallint",
  BigInt: "bigint",
  Oid: "oid",
  Real: "real",
  DoublePrecision: "double precision",
  Decimal: "numeric",
  Money: "money",
  Boolean: "boolean",
  Timestamp: "timestamp without time zone",
  Timestamptz: "timestamp with time zone",
  Date: "date",
  Time: "time without time zone",
  Timetz: "time with time zone",
  Json: "json",
  JsonB: "jsonb",
  ByteA: "bytea",
  Bit: "bit",
  VarBit: "bit varying",
};

/** `@default(...)` values Prisma computes itself; any other default must exist in the database. */
const CLIENT_DEFAULTS = /^(now|uuid|cuid|nanoid|ulid)\(/;

interface Column {
  column_name: string;
  data_type: string;
  udt_name: string;
  is_nullable: "YES" | "NO";
  column_default: string | null;
  is_identity: "YES" | "NO";
  is_generated: "ALWAYS" | "NEVER";
  character_maximum_length: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
}

/** A column's type as information_schema spells it, user-defined types by name; arrays by element. */
function columnType(column: Column): { type: string; list: boolean } {
  if (column.data_type === "ARRAY") {
    const element = column.udt_name.replace(/^_/, "");
    return { type: UDT_TYPES[element] ?? element, list: true };
  }
  if (column.data_type === "USER-DEFINED") return { type: column.udt_name, list: false };
  return { type: column.data_type, list: false };
}

function checkType(
  where: string,
  field: RuntimeField,
  parsed: SchemaField,
  column: Column,
  dataModel: RuntimeDataModel,
  problems: string[],
): void {
  const actual = columnType(column);
  if (actual.list !== parsed.list) {
    problems.push(`${where}: field is ${parsed.list ? "a list" : "not a list"} but the column is ${actual.list ? "an array" : "not an array"}`);
  }
  if (field.kind === "enum") {
    const expected = dataModel.enums[field.type]?.dbName ?? field.type;
    if (actual.type !== expected) problems.push(`${where}: enum ${field.type} expects type ${expected}, column is ${actual.type}`);
    return;
  }
  const native = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(parsed.attributes);
  if (native?.[1] !== undefined) {
    const expected = NATIVE_TYPES[native[1]];
    if (expected === undefined) {
      problems.push(`${where}: native type @db.${native[1]} is not known to this test; add it to NATIVE_TYPES`);
      return;
    }
    if (actual.type !== expected) problems.push(`${where}: @db.${native[1]} expects ${expected}, column is ${actual.type}`);
    const args = (native[2] ?? "").split(",").map((a) => a.trim()).filter((a) => a !== "").map(Number);
    if (["Char", "VarChar", "Bit", "VarBit"].includes(native[1]) && args[0] !== undefined && column.character_maximum_length !== args[0]) {
      problems.push(`${where}: @db.${native[1]}(${args[0]}) but the column's length is ${column.character_maximum_length ?? "unlimited"}`);
    }
    if (native[1] === "Decimal" && args.length === 2 && (column.numeric_precision !== args[0] || column.numeric_scale !== args[1])) {
      problems.push(`${where}: @db.Decimal(${args.join(", ")}) but the column is numeric(${column.numeric_precision}, ${column.numeric_scale})`);
    }
    return;
  }
  const allowed = COMPATIBLE_TYPES[field.type];
  if (allowed === undefined) {
    problems.push(`${where}: Prisma type ${field.type} is not known to this test; add it to COMPATIBLE_TYPES`);
  } else if (!allowed.includes(actual.type)) {
    problems.push(`${where}: ${field.type} cannot map to a ${actual.type} column (expected one of: ${allowed.join(", ")})`);
  }
}

// ---------------------------------------------------------------------------------------------
// The database's view

interface TableFacts {
  exists: boolean;
  columns: Map<string, Column>;
  /** Column sets of unique indexes; primary key marked. */
  uniques: { columns: string[]; primary: boolean }[];
  foreignKeys: { columns: string[]; table: string; references: string[] }[];
}

async function tableFacts(db: pg.Client, schema: string, table: string): Promise<TableFacts> {
  const exists = await db.query(
    "SELECT 1 FROM information_schema.tables WHERE table_schema = $1 AND table_name = $2 AND table_type = 'BASE TABLE'",
    [schema, table],
  );
  const columns = await db.query<Column>(
    `SELECT column_name, data_type, udt_name, is_nullable, column_default, is_identity, is_generated,
            character_maximum_length, numeric_precision, numeric_scale
       FROM information_schema.columns WHERE table_schema = $1 AND table_name = $2`,
    [schema, table],
  );
  const uniques = await db.query<{ columns: string[]; primary: boolean }>(
    `SELECT array_agg(a.attname::text ORDER BY a.attname) AS columns, i.indisprimary AS primary
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = ANY (i.indkey)
      WHERE i.indisunique AND n.nspname = $1 AND t.relname = $2
      GROUP BY i.indexrelid, i.indisprimary`,
    [schema, table],
  );
  const foreignKeys = await db.query<{ columns: string[]; table: string; references: string[] }>(
    `SELECT array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            r.relname::text AS table,
            array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.ord) AS references
       FROM pg_constraint c
       JOIN pg_class t ON t.oid = c.conrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN pg_class r ON r.oid = c.confrelid
      WHERE c.contype = 'f' AND n.nspname = $1 AND t.relname = $2`,
    [schema, table],
  );
  return {
    exists: (exists.rowCount ?? 0) > 0,
    columns: new Map(columns.rows.map((c) => [c.column_name, c])),
    uniques: uniques.rows,
    foreignKeys: foreignKeys.rows,
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join("\0") === [...b].sort().join("\0");

// ---------------------------------------------------------------------------------------------
// The test

const findFirstDelegate = z.custom<{
  findFirst(args: { select: Record<string, true> }): Promise<unknown>;
  findMany(args: { select: Record<string, true>; take: number }): Promise<unknown[]>;
}>(
  (value) =>
    typeof value === "object" &&
    value !== null &&
    typeof Reflect.get(value, "findFirst") === "function" &&
    typeof Reflect.get(value, "findMany") === "function",
  "not a model delegate",
);

const MODEL_NAMES: string[] = Object.values(Prisma.ModelName);

let postgres: PostgresPart;
let db: pg.Client;
let prisma: PrismaClient;
let dataModel: RuntimeDataModel;
let inlineSchema: string;
let parsedModels: Map<string, SchemaModel>;
let currentSchema: string;
let seedError: unknown;

beforeAll(async () => {
  postgres = await throwawayPostgres("shop_drift_test");
  await migrateShop(postgres.url);
  // Rows make the read-back meaningful (values must decode, not just the SELECT compile). A seed
  // that fails is reported by its own test below, so the structural checks still run and explain.
  seedError = await seedCatalog(postgres.url).then(
    () => null,
    (error: unknown) => error,
  );
  db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  currentSchema = (await db.query<{ s: string }>("SELECT current_schema() AS s")).rows[0]?.s ?? "public";
  prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: postgres.url }) });
  const internals = clientInternalsSchema.parse(prisma);
  dataModel = internals._runtimeDataModel;
  inlineSchema = internals._engineConfig.inlineSchema;
  parsedModels = parseModels(inlineSchema);
});

afterAll(async () => {
  await prisma?.$disconnect();
  await db?.end();
  await postgres?.stop();
});

describe("the generated Prisma client", () => {
  it("was generated from the current prisma/schema.prisma (else run `npm run db:generate`)", async () => {
    const onDisk = await readFile(SCHEMA_FILE, "utf8");
    // `prisma generate` stores a formatted copy (columns re-aligned), so compare modulo spacing.
    expect(normalizeSchemaText(inlineSchema), "lib/db/generated is stale").toEqual(normalizeSchemaText(onDisk));
  });

  it("can write the seed catalog into the migrated database", () => {
    if (seedError !== null) throw seedError;
  });

  it("describes the same models and scalar fields in its runtime data model, schema text and exports", () => {
    expect(Object.keys(dataModel.models).sort()).toEqual([...MODEL_NAMES].sort());
    expect([...parsedModels.keys()].sort()).toEqual([...MODEL_NAMES].sort());
    const exports = new Map(Object.entries(Prisma));
    for (const model of MODEL_NAMES) {
      const runtime = dataModel.models[model]?.fields ?? [];
      const scalars = runtime.filter((f) => f.kind === "scalar" || f.kind === "enum").map((f) => f.name);
      const exported = z.record(z.string(), z.string()).parse(exports.get(`${model}ScalarFieldEnum`));
      expect(scalars.sort(), model).toEqual(Object.values(exported).sort());
      for (const field of runtime) {
        expect(parsedModels.get(model)?.fields.get(field.name)?.type, `${model}.${field.name}`).toBe(field.type);
      }
    }
  });
});

describe.each(MODEL_NAMES)("model %s against the migrated database", (model) => {
  const context = () => {
    const runtime = dataModel.models[model];
    const parsed = parsedModels.get(model);
    if (runtime === undefined || parsed === undefined) throw new Error(`model ${model} is missing from the client`);
    const table = runtime.dbName ?? model;
    const schema = runtime.schema ?? currentSchema;
    const scalars = runtime.fields.filter((f) => f.kind === "scalar" || f.kind === "enum");
    const columnOf = (fieldName: string) => {
      const field = runtime.fields.find((f) => f.name === fieldName);
      return field?.dbName ?? fieldName;
    };
    return { runtime, parsed, table, schema, scalars, columnOf };
  };

  it("has its table, and a compatible column for every scalar field", async () => {
    const { parsed, table, schema, scalars } = context();
    const facts = await tableFacts(db, schema, table);
    expect(facts.exists, `table ${schema}.${table} (model ${model}) does not exist: is a migration missing?`).toBe(true);

    const problems: string[] = [];
    for (const field of scalars) {
      const columnName = field.dbName ?? field.name;
      const where = `${model}.${field.name} (${table}.${columnName})`;
      const column = facts.columns.get(columnName);
      if (column === undefined) {
        problems.push(`${where}: no such column; add a migration in prisma/migrations`);
        continue;
      }
      const schemaField = parsed.fields.get(field.name);
      if (schemaField === undefined) {
        problems.push(`${where}: not found in the schema text`);
        continue;
      }
      checkType(where, field, schemaField, column, dataModel, problems);
      const nullable = column.is_nullable === "YES";
      if (nullable !== schemaField.optional) {
        problems.push(`${where}: field is ${schemaField.optional ? "optional" : "required"} but the column is ${nullable ? "NULL" : "NOT NULL"}`);
      }
      const fieldDefault = /@default\((.*)\)/.exec(schemaField.attributes)?.[1];
      const dbHasDefault = column.column_default !== null || column.is_identity === "YES" || column.is_generated === "ALWAYS";
      if (fieldDefault !== undefined && !CLIENT_DEFAULTS.test(fieldDefault) && !dbHasDefault) {
        problems.push(`${where}: @default(${fieldDefault}) in the schema but the column has no default`);
      }
    }

    const known = new Set(scalars.map((f) => f.dbName ?? f.name));
    for (const column of facts.columns.values()) {
      const filled = column.is_nullable === "YES" || column.column_default !== null || column.is_identity === "YES" || column.is_generated === "ALWAYS";
      if (!known.has(column.column_name) && !filled) {
        problems.push(`${table}.${column.column_name}: NOT NULL without a default but model ${model} has no field for it, so the client cannot insert rows`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has the primary key, unique constraints and foreign keys the model declares", async () => {
    const { runtime, parsed, table, schema, columnOf } = context();
    const facts = await tableFacts(db, schema, table);
    const problems: string[] = [];

    const ids: string[][] = [];
    const uniques: string[][] = [];
    for (const field of parsed.fields.values()) {
      if (/(^|\s)@id\b/.test(field.attributes)) ids.push([field.name]);
      if (/(^|\s)@unique\b/.test(field.attributes)) uniques.push([field.name]);
    }
    for (const attribute of parsed.blockAttributes) {
      const match = /^@@(id|unique)\(\s*(?:fields:\s*)?\[([^\]]*)\]/.exec(attribute);
      if (match?.[1] === undefined || match[2] === undefined) continue;
      (match[1] === "id" ? ids : uniques).push(fieldList(match[2]));
    }
    for (const fields of ids) {
      const columns = fields.map(columnOf);
      if (!facts.uniques.some((u) => u.primary && sameSet(u.columns, columns))) {
        problems.push(`${model}: @id on (${fields.join(", ")}) but ${table} has no primary key on (${columns.join(", ")})`);
      }
    }
    for (const fields of uniques) {
      const columns = fields.map(columnOf);
      if (!facts.uniques.some((u) => sameSet(u.columns, columns))) {
        problems.push(`${model}: @unique on (${fields.join(", ")}) but ${table} has no unique index on (${columns.join(", ")})`);
      }
    }

    for (const field of parsed.fields.values()) {
      const relation = /@relation\([^)]*fields:\s*\[([^\]]*)\][^)]*references:\s*\[([^\]]*)\]/.exec(field.attributes);
      if (relation?.[1] === undefined || relation[2] === undefined) continue;
      const target = dataModel.models[field.type];
      const targetTable = target?.dbName ?? field.type;
      const targetColumn = (name: string) => target?.fields.find((f) => f.name === name)?.dbName ?? name;
      const columns = fieldList(relation[1]).map(columnOf);
      const references = fieldList(relation[2]).map(targetColumn);
      const found = facts.foreignKeys.some(
        (fk) => fk.table === targetTable && fk.columns.join() === columns.join() && fk.references.join() === references.join(),
      );
      if (!found) {
        problems.push(`${model}.${field.name}: no foreign key ${table}(${columns.join(", ")}) → ${targetTable}(${references.join(", ")})`);
      }
    }
    expect(runtime.fields.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("can be read through the client, selecting every scalar field", async () => {
    const { scalars } = context();
    const delegateName = model.charAt(0).toLowerCase() + model.slice(1);
    const delegate = findFirstDelegate.parse(Reflect.get(prisma, delegateName));
    const select: Record<string, true> = Object.fromEntries(scalars.map((f) => [f.name, true]));
    await delegate.findFirst({ select });
    const rows = await delegate.findMany({ select, take: 25 });
    for (const row of rows) {
      expect(Object.keys(z.record(z.string(), z.unknown()).parse(row)).sort()).toEqual(Object.keys(select).sort());
    }
  });
});
