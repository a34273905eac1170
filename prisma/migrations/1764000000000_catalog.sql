-- Up Migration
CREATE TABLE category (
  id          serial PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name        text NOT NULL,
  description text NOT NULL DEFAULT '',
  sort_order  integer NOT NULL DEFAULT 0
);

CREATE TABLE product (
  id          serial PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  sku         text NOT NULL UNIQUE,
  name        text NOT NULL,
  brand       text NOT NULL,
  category_id integer NOT NULL REFERENCES category (id),
  price_cents integer NOT NULL CHECK (price_cents > 0),
  currency    char(3) NOT NULL DEFAULT 'USD',
  stock       integer NOT NULL DEFAULT 0 CHECK (stock >= 0),
  specs       jsonb NOT NULL DEFAULT '{}'::jsonb,
  description text NOT NULL DEFAULT '',
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX product_category_idx ON product (category_id);
CREATE INDEX product_brand_idx ON product (brand);

-- Down Migration
DROP TABLE product;
DROP TABLE category;
