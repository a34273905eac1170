-- Up Migration

-- A shopper who has signed in once. The row is made from the verified Cognito token's claims
-- (lib/auth/); `cognito_sub` is the only identity the shop trusts.
CREATE TABLE app_user (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  cognito_sub     text NOT NULL UNIQUE,
  email           text NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz NOT NULL DEFAULT now()
);

-- A signed-in shopper has at most one cart; anonymous carts have no user.
ALTER TABLE cart ADD COLUMN user_id uuid UNIQUE REFERENCES app_user (id) ON DELETE CASCADE;

-- An order as placed: prices, names and totals are copied from the catalog inside the placing
-- transaction, so later catalog changes never rewrite history. Payment capture is out of scope:
-- an order is recorded as placed.
CREATE TABLE shop_order (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  number             bigint GENERATED ALWAYS AS IDENTITY (START WITH 100001) UNIQUE,
  user_id            uuid NOT NULL REFERENCES app_user (id),
  -- One per checkout form: a second submit of the same form finds this order instead of a new one.
  idempotency_key    uuid NOT NULL,
  status             text NOT NULL DEFAULT 'placed' CHECK (status IN ('placed')),
  currency           char(3) NOT NULL,
  subtotal_cents     integer NOT NULL CHECK (subtotal_cents >= 0),
  shipping_cents     integer NOT NULL CHECK (shipping_cents >= 0),
  total_cents        integer NOT NULL CHECK (total_cents = subtotal_cents + shipping_cents),
  shipping_method    text NOT NULL,
  ship_name          text NOT NULL,
  ship_line1         text NOT NULL,
  ship_line2         text NOT NULL DEFAULT '',
  ship_city          text NOT NULL,
  ship_region        text NOT NULL DEFAULT '',
  ship_postal_code   text NOT NULL,
  ship_country       char(2) NOT NULL,
  placed_at          timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, idempotency_key)
);

CREATE INDEX shop_order_user_placed_idx ON shop_order (user_id, placed_at DESC);

CREATE TABLE order_line (
  order_id          uuid NOT NULL REFERENCES shop_order (id) ON DELETE CASCADE,
  product_id        integer NOT NULL REFERENCES product (id),
  sku               text NOT NULL,
  name              text NOT NULL,
  unit_price_cents  integer NOT NULL CHECK (unit_price_cents > 0),
  quantity          integer NOT NULL CHECK (quantity BETWEEN 1 AND 99),
  line_total_cents  integer NOT NULL CHECK (line_total_cents = unit_price_cents * quantity),
  PRIMARY KEY (order_id, product_id)
);

CREATE INDEX order_line_product_idx ON order_line (product_id);

CREATE TABLE wishlist_item (
  user_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  product_id  integer NOT NULL REFERENCES product (id) ON DELETE CASCADE,
  added_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (user_id, product_id)
);

-- Down Migration
DROP TABLE wishlist_item;
DROP TABLE order_line;
DROP TABLE shop_order;
ALTER TABLE cart DROP COLUMN user_id;
DROP TABLE app_user;
