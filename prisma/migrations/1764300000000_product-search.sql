-- Up Migration

-- Product search (lib/search/queries.ts): full-text search over a per-product document, and
-- trigram similarity for typos ("geforse", "thinkpd"). pg_trgm ships with PostgreSQL (contrib)
-- and is a trusted extension, so the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Lower case, with every run of punctuation turned into a space, so "G.Skill" and "TP-Link"
-- give the words a shopper types ("g skill", "tp link"): lib/search/search-words.ts splits a
-- query the same way.
CREATE FUNCTION product_search_words(value text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN lower(regexp_replace(value, '[^[:alnum:]]+', ' ', 'g'));

-- Each word twice: as written ('simple', so a word typed halfway matches as a prefix) and
-- stemmed ('english', so "laptops" finds "Laptop").
CREATE FUNCTION product_search_vector(value text, weight "char") RETURNS tsvector
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN setweight(
    to_tsvector('simple'::regconfig, product_search_words(value))
      || to_tsvector('english'::regconfig, product_search_words(value)),
    weight);

-- One row per product, kept up to date by the triggers below.
CREATE TABLE product_search (
  product_id    integer PRIMARY KEY REFERENCES product (id) ON DELETE CASCADE,
  -- name (weight A), brand and category names (B), description (C)
  document      tsvector NOT NULL,
  -- brand, name and category as one line, for trigram matching of misspelt words
  trigram_text  text NOT NULL,
  -- the name's words, space-separated: a query equal to them is the product's exact name
  name_words    text NOT NULL
);

CREATE INDEX product_search_document_idx ON product_search USING gin (document);
CREATE INDEX product_search_trigram_idx ON product_search USING gin (trigram_text gin_trgm_ops);
-- GiST hands out the nearest names first (`<<->`): "did you mean" takes the few closest to a
-- query without scoring every loosely similar product (thousands, in a large catalog).
CREATE INDEX product_search_name_nearest_idx ON product_search USING gist (name_words gist_trgm_ops);

-- Writes the search rows of the given products (and only those) from their current data.
CREATE FUNCTION product_search_refresh(product_ids integer[]) RETURNS void
  LANGUAGE sql
  BEGIN ATOMIC
    INSERT INTO product_search (product_id, document, trigram_text, name_words)
    SELECT p.id,
           product_search_vector(p.name, 'A')
             || product_search_vector(b.name || ' ' || c.name, 'B')
             || product_search_vector(p.description, 'C'),
           concat_ws(' ', CASE WHEN strpos(lower(p.name), lower(b.name)) = 0 THEN b.name END, p.name, c.name),
           trim(product_search_words(p.name))
      FROM product p
      JOIN brand b ON b.id = p.brand_id
      JOIN category c ON c.id = p.category_id
     WHERE p.id = ANY (product_ids)
    ON CONFLICT (product_id) DO UPDATE
      SET document = EXCLUDED.document, trigram_text = EXCLUDED.trigram_text, name_words = EXCLUDED.name_words;
  END;

-- Inserts: once per statement, so a bulk load (COPY, multi-row INSERT) refreshes in one pass.
CREATE FUNCTION product_search_after_insert() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM product_search_refresh(ARRAY(SELECT id FROM inserted));
  RETURN NULL;
END;
$$;

CREATE TRIGGER product_search_after_insert
  AFTER INSERT ON product
  REFERENCING NEW TABLE AS inserted
  FOR EACH STATEMENT EXECUTE FUNCTION product_search_after_insert();

-- Updates: per row, and only when a searched column changed (stock changes with every order).
CREATE FUNCTION product_search_after_product_update() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM product_search_refresh(ARRAY[NEW.id]);
  RETURN NULL;
END;
$$;

CREATE TRIGGER product_search_after_update
  AFTER UPDATE OF name, description, brand_id, category_id ON product
  FOR EACH ROW
  WHEN ((OLD.name, OLD.description, OLD.brand_id, OLD.category_id)
        IS DISTINCT FROM (NEW.name, NEW.description, NEW.brand_id, NEW.category_id))
  EXECUTE FUNCTION product_search_after_product_update();

-- A renamed brand or category renames it in the documents of all its products.
CREATE FUNCTION product_search_after_brand_rename() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM product_search_refresh(ARRAY(SELECT id FROM product WHERE brand_id = NEW.id));
  RETURN NULL;
END;
$$;

CREATE TRIGGER product_search_after_brand_rename
  AFTER UPDATE OF name ON brand
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION product_search_after_brand_rename();

CREATE FUNCTION product_search_after_category_rename() RETURNS trigger
  LANGUAGE plpgsql AS $$
BEGIN
  PERFORM product_search_refresh(ARRAY(SELECT id FROM product WHERE category_id = NEW.id));
  RETURN NULL;
END;
$$;

CREATE TRIGGER product_search_after_category_rename
  AFTER UPDATE OF name ON category
  FOR EACH ROW
  WHEN (OLD.name IS DISTINCT FROM NEW.name)
  EXECUTE FUNCTION product_search_after_category_rename();

-- Products that exist already.
SELECT product_search_refresh(ARRAY(SELECT id FROM product));

-- Down Migration
DROP TRIGGER product_search_after_category_rename ON category;
DROP FUNCTION product_search_after_category_rename();
DROP TRIGGER product_search_after_brand_rename ON brand;
DROP FUNCTION product_search_after_brand_rename();
DROP TRIGGER product_search_after_update ON product;
DROP FUNCTION product_search_after_product_update();
DROP TRIGGER product_search_after_insert ON product;
DROP FUNCTION product_search_after_insert();
DROP FUNCTION product_search_refresh(integer[]);
DROP TABLE product_search;
DROP FUNCTION product_search_vector(text, "char");
DROP FUNCTION product_search_words(text);
-- pg_trgm stays: other objects may have come to depend on it, and it holds no data.
