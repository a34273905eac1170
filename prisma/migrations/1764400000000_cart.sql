-- Up Migration

-- A shopper's cart, found by the random id in its HTTP-only cookie (lib/cart/cart-cookie.ts).
-- Lines hold a product and a quantity only: prices and totals are always read from product.
CREATE TABLE cart (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE cart_item (
  cart_id     uuid NOT NULL REFERENCES cart (id) ON DELETE CASCADE,
  product_id  integer NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  quantity    integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (cart_id, product_id)
);

CREATE INDEX cart_updated_idx ON cart (updated_at);

-- Down Migration
DROP TABLE cart_item;
DROP TABLE cart;
