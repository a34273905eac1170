-- Up Migration

-- The price before a discount, shown struck through; null when the product is not discounted.
ALTER TABLE product ADD COLUMN compare_at_price_cents integer CHECK (compare_at_price_cents > price_cents);
-- Picked for the home page by the merchandiser.
ALTER TABLE product ADD COLUMN featured boolean NOT NULL DEFAULT false;
-- Units sold, kept by the order-placing transaction, for the best-selling sort.
ALTER TABLE product ADD COLUMN units_sold integer NOT NULL DEFAULT 0 CHECK (units_sold >= 0);

CREATE INDEX product_discounted_idx ON product (id) WHERE compare_at_price_cents IS NOT NULL;
CREATE INDEX product_featured_idx ON product (id) WHERE featured;

-- Down Migration
DROP INDEX product_featured_idx;
DROP INDEX product_discounted_idx;
ALTER TABLE product DROP COLUMN units_sold;
ALTER TABLE product DROP COLUMN featured;
ALTER TABLE product DROP COLUMN compare_at_price_cents;
