# Loads the dashboard's R/ files (as Shiny would) and gives tests a warehouse to work in.

APP_DIR <- normalizePath(file.path("..", ".."))
for (file in sort(list.files(file.path(APP_DIR, "R"), pattern = "\\.[rR]$", full.names = TRUE))) {
  source(file, local = TRUE)
}

has_warehouse <- function() {
  nzchar(Sys.getenv("WAREHOUSE_URL")) || nzchar(Sys.getenv("WAREHOUSE_HOST"))
}

#' A writable warehouse connection inside a transaction that is rolled back (and the connection
#' closed) when the calling test ends, so fixtures never outlive their test.
local_warehouse <- function(env = parent.frame()) {
  if (!has_warehouse()) {
    stop("These tests need a migrated warehouse: run `npm run test:r`, or set WAREHOUSE_URL.",
         call. = FALSE)
  }
  con <- warehouse_connect(warehouse_config(), read_only = FALSE,
                           application_name = "compushop-shiny-tests")
  DBI::dbBegin(con)
  withr::defer({
    try(DBI::dbRollback(con), silent = TRUE)
    DBI::dbDisconnect(con)
  }, envir = env)
  con
}

FIXTURE_OBJECT_KEY <- "tests/shiny/fixture.ndjson"

#' Inserts one fact_event row (a page_view, or a product_view when product_id is given).
insert_event <- function(con, day, event_name, visitor, session, path, product_id = NA) {
  sql <- "
    INSERT INTO fact_event (event_id, event_name, occurred_at, derived_at, sent_at, received_at, event_date,
                            anonymous_id, session_id, user_id, page_url, page_path, page_referrer,
                            page_title, product_id, properties, user_agent, object_key)
    VALUES (gen_random_uuid(), $1, ($2::date + time '12:00') AT TIME ZONE 'UTC',
            ($2::date + time '12:00') AT TIME ZONE 'UTC',
            ($2::date + time '12:00') AT TIME ZONE 'UTC', ($2::date + time '12:01') AT TIME ZONE 'UTC',
            $2::date, $3::uuid, $4::uuid, NULL, 'https://shop.example' || $5, $5, NULL, 'Fixture',
            nullif($6, ''), '{}'::jsonb, 'testthat', $7)"
  db_query(con, sql, params = list(
    event_name, format(as.Date(day)), visitor, session, path,
    if (is.na(product_id)) "" else product_id, FIXTURE_OBJECT_KEY
  ))
  invisible(NULL)
}

#' Inserts (or, inside the test's transaction, overwrites) one dim_product row.
insert_product <- function(con, product_id, name, brand, category) {
  db_query(con, "
    INSERT INTO dim_product (product_id, sku, slug, name, brand, category, price_cents, currency,
                             first_seen_at, last_seen_at)
    VALUES ($1, 'SKU-' || $1, $1, $2, $3, $4, 9900, 'EUR', '2001-01-01T00:00:00Z'::timestamptz,
            '2001-01-01T00:00:00Z'::timestamptz)
    ON CONFLICT (product_id) DO UPDATE
      SET name = excluded.name, brand = excluded.brand, category = excluded.category",
    params = list(product_id, name, brand, category))
  invisible(NULL)
}

# Visitors and sessions of the fixture.
VISITOR <- c(
  A = "00000000-0000-4000-8000-0000000000a1", B = "00000000-0000-4000-8000-0000000000b1",
  C = "00000000-0000-4000-8000-0000000000c1"
)
SESSION <- c(
  s1 = "00000000-0000-4000-8000-000000000001", s2 = "00000000-0000-4000-8000-000000000002",
  s3 = "00000000-0000-4000-8000-000000000003", s4 = "00000000-0000-4000-8000-000000000004",
  s5 = "00000000-0000-4000-8000-000000000005", s6 = "00000000-0000-4000-8000-000000000006"
)

#' The shared clickstream fixture, in March 2001 (far from any real data):
#'
#'   02-28  B/s5: page_view /products/p-gamma + product_view p-gamma   (outside the main range)
#'   03-01  A/s1: page_view /  (not a product page)
#'          A/s1: page_view + product_view p-alpha
#'          B/s3: page_view + product_view p-beta
#'   03-02  nothing (the gap)
#'   03-03  A/s2: page_view + product_view p-alpha
#'          C/s4: page_view + product_view p-alpha
#'          C/s4: page_view + product_view ghost-404 (no dim_product row)
#'   03-04  B/s3: page_view /about
#'          B/s3: page_view + product_view p-beta
#'   03-05  A/s2: page_view + product_view ghost-404
#'   03-06  C/s6: page_view + product_view p-beta                      (outside the main range)
#'
#' So for 03-01..03-05: page views per day 3, 0, 3, 2, 1; p-alpha 3 views by 2 visitors,
#' p-beta 2 views by 1 visitor, ghost-404 2 views by 2 visitors.
insert_fixture <- function(con) {
  insert_product(con, "p-alpha", "Alpha Laptop 14", "Acme", "Laptops")
  insert_product(con, "p-beta", "Beta Keyboard", "Keyco", "Keyboards")
  insert_product(con, "p-gamma", "Gamma Monitor", "Viewit", "Monitors")
  product <- function(day, visitor, session, id) {
    insert_event(con, day, "page_view", VISITOR[[visitor]], SESSION[[session]], paste0("/products/", id))
    insert_event(con, day, "product_view", VISITOR[[visitor]], SESSION[[session]], paste0("/products/", id), id)
  }
  product("2001-02-28", "B", "s5", "p-gamma")
  insert_event(con, "2001-03-01", "page_view", VISITOR[["A"]], SESSION[["s1"]], "/")
  product("2001-03-01", "A", "s1", "p-alpha")
  product("2001-03-01", "B", "s3", "p-beta")
  product("2001-03-03", "A", "s2", "p-alpha")
  product("2001-03-03", "C", "s4", "p-alpha")
  product("2001-03-03", "C", "s4", "ghost-404")
  insert_event(con, "2001-03-04", "page_view", VISITOR[["B"]], SESSION[["s3"]], "/about")
  product("2001-03-04", "B", "s3", "p-beta")
  product("2001-03-05", "A", "s2", "ghost-404")
  product("2001-03-06", "C", "s6", "p-beta")
  invisible(NULL)
}
