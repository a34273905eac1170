-- Up Migration

-- Brands get their own rows (and pages); products point at them instead of repeating a name.
CREATE TABLE brand (
  id          serial PRIMARY KEY,
  slug        text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
  name        text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
  description text NOT NULL DEFAULT ''
);

-- Existing products keep their brand: one row per distinct name, slugged as the seed slugs.
INSERT INTO brand (slug, name)
SELECT DISTINCT trim(BOTH '-' FROM regexp_replace(lower(brand), '[^a-z0-9]+', '-', 'g')), brand
FROM product;

ALTER TABLE product ADD COLUMN brand_id integer REFERENCES brand (id);
UPDATE product p SET brand_id = b.id FROM brand b WHERE b.name = p.brand;
ALTER TABLE product ALTER COLUMN brand_id SET NOT NULL;
DROP INDEX product_brand_idx;
ALTER TABLE product DROP COLUMN brand;
CREATE INDEX product_brand_idx ON product (brand_id);

-- Down Migration
ALTER TABLE product ADD COLUMN brand text;
UPDATE product p SET brand = b.name FROM brand b WHERE b.id = p.brand_id;
ALTER TABLE product ALTER COLUMN brand SET NOT NULL;
DROP INDEX product_brand_idx;
ALTER TABLE product DROP COLUMN brand_id;
CREATE INDEX product_brand_idx ON product (brand);
DROP TABLE brand;
