import { z } from "zod";
import type { SpecValue, Specs } from "./types.ts";

/** A spec value as stored in `product.specs` (see `SpecValue`). */
export const specValueSchema = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.array(z.union([z.string(), z.number()])),
]) satisfies z.ZodType<SpecValue>;

/** `product.specs`: a flat record of spec values. */
export const specsSchema = z.record(z.string(), specValueSchema) satisfies z.ZodType<Specs>;
