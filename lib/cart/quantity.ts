import { z } from "zod";

/** The most of one product a cart line (and an order) may hold. */
export const MAX_LINE_QUANTITY = 99;

/** A quantity as a form sends it: a whole number from 1 to MAX_LINE_QUANTITY, or a clear reason. */
export const quantitySchema = z
  .string({ error: "Enter a quantity" })
  .trim()
  .regex(/^-?\d+(\.\d+)?$/, "Enter the quantity as a number, such as 1 or 2")
  .transform(Number)
  .pipe(
    z
      .number()
      .min(1, "The quantity must be at least 1")
      .max(MAX_LINE_QUANTITY, `At most ${MAX_LINE_QUANTITY} of one product per order`)
      .int("Quantities are whole numbers"),
  );

export const productIdSchema = z.string().trim().regex(/^\d{1,9}$/, "Unknown product").transform(Number);
