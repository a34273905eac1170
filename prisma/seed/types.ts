/**
 * One product as written in `products/<category>.ts`. The assembler (`catalog.ts`) adds the
 * category, the slug (from the name unless given), the SKU and a default stock level.
 */
export interface ProductEntry<Specs> {
  /** Display name, brand included, e.g. "Lenovo ThinkPad T14 Gen 5". */
  readonly name: string;
  readonly brand: string;
  /** USD, in cents. */
  readonly priceCents: number;
  /** One or two sentences. */
  readonly description: string;
  readonly specs: Specs;
  /** Only when the slug derived from the name would be wrong or ambiguous. */
  readonly slug?: string;
  /** Initial stock; defaults to a level derived deterministically from the slug. */
  readonly stock?: number;
}
