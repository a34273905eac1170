# Loads the dashboard's R/ files (as Shiny would) and gives tests a warehouse to work in, seeded
# with known rows (seed_warehouse(); every expected number in the tests is worked out by hand
# from the comments there).

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
  # Start from empty tables: the seed's numbers are the only ones.
  db_query(con, "
    TRUNCATE agg_daily_kpi, agg_product_daily, agg_search_daily, agg_funnel_daily, agg_checkout_daily,
             agg_channel_daily, agg_page_path_daily, fact_session, dim_device, dim_product,
             etl_data_check, etl_lake_reconciliation, etl_object_failure, etl_object_manifest,
             privacy_erase_object, erased_subject, privacy_action, etl_run, fact_event, fact_event_key,
             agg_event_daily, visitor_week, shop_daily_totals, agg_geo_daily CASCADE")
  con
}

#' Inserts one row into `table`: values is a named list, each value a bind parameter cast to
#' the column's type by PostgreSQL (given as text).
insert_row <- function(con, table, values) {
  cols <- names(values)
  placeholders <- sprintf("$%d", seq_along(cols))
  # Each parameter goes as text and is cast to its column's type.
  types <- db_query(con, "
    SELECT attname AS column_name, format_type(atttypid, atttypmod) AS type
    FROM pg_attribute
    WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped", params = list(table))
  casts <- types$type[match(cols, types$column_name)]
  # RPostgreSQL sends NA as the text "NA", so a NULL travels as a marker.
  sql <- sprintf("INSERT INTO %s (%s) SELECT %s", table, paste(cols, collapse = ", "),
                 paste0("nullif(", placeholders, ", '<NULL>')::", casts, collapse = ", "))
  params <- lapply(values, function(v) if (is.na(v)) "<NULL>" else as.character(v))
  rows <- db_query(con, paste(sql, if (table == "etl_run") "RETURNING run_id" else ""), params = unname(params))
  if (table == "etl_run") as.numeric(rows$run_id) else invisible(NULL)
}

#' Inserts (or, inside the test's transaction, overwrites) one dim_product row.
insert_product <- function(con, product_id, name, brand, category) {
  db_query(con, "
    INSERT INTO dim_product (product_id, sku, slug, name, brand, category, price_cents, currency,
                             first_seen_at, last_seen_at)
    VALUES ($1, 'SKU-' || $1, $1, $2, $3, $4, 9900, 'USD', '2001-01-01T00:00:00Z'::timestamptz,
            '2001-01-01T00:00:00Z'::timestamptz)
    ON CONFLICT (product_id) DO UPDATE
      SET name = excluded.name, brand = excluded.brand, category = excluded.category",
    params = list(product_id, name, brand, category))
  invisible(NULL)
}

kpi <- function(con, day, sessions, users, page_views, bounced, engaged, converted, orders, revenue,
                bots, tracked, lost, login_state = "(all)") {
  insert_row(con, "agg_daily_kpi", list(
    day = day, login_state = login_state, sessions = sessions, users = users, page_views = page_views,
    bounced_sessions = bounced, engaged_sessions = engaged, converted_sessions = converted,
    orders = orders, revenue_cents = revenue, bot_sessions = bots, tracked_events = tracked,
    lost_events = lost))
}

DEVICE <- c(D1 = "00000000-0000-4000-8000-0000000000d1", D2 = "00000000-0000-4000-8000-0000000000d2",
            D3 = "00000000-0000-4000-8000-0000000000d3")

session_row <- function(con, n, day, visitor, user = NA, device = NA, device_type = "desktop",
                        bot = FALSE, bounced = FALSE, converted = FALSE, revenue = 0,
                        signed_in = !is.na(user), language = NA, screen_class = NA) {
  key <- sprintf("00000000-0000-4000-8000-%012d", n)
  insert_row(con, "fact_session", list(
    session_key = key, session_id = key, anonymous_id = sprintf("00000000-0000-4000-9000-%012d", visitor),
    user_id = user, session_date = day, started_at = paste0(day, "T12:00:00Z"),
    ended_at = paste0(day, "T12:10:00Z"), duration_s = 600, engaged_time_s = 60, page_views = 2,
    events = 5, channel = "direct", device_id = if (is.na(device)) NA else DEVICE[[device]],
    device_type = device_type, is_bot = bot, first_visit = FALSE, bounced = bounced,
    engaged = !bounced, converted = converted, orders = if (converted) 1 else 0, revenue_cents = revenue,
    signed_in = signed_in, language = language, screen_class = screen_class))
}

#' The seed, in February and March 2001. The main range is 03-01..03-05 (5 days), its previous
#' period 02-24..02-28.
#'
#' agg_daily_kpi       sessions users pv bounced engaged converted orders revenue bots tracked lost
#'   02-25                 4      3   10    1       2       1        1    5000    1     20     0
#'   02-27                 6      5   12    2       3       0        0       0    0     30     2
#'   03-01                10      8   30    4       5       2        2   25000    2    100     4
#'   03-03                 5      4   20    1       3       1        1   10000    0     50     0
#'   03-05                 5      5   10    3       2       0        0       0    3     48     2
#'   (03-02 and 03-04: no row)
#'   login states of 03-01 (the other days have '(all)' rows only):
#'   signed_in             3      2   12    1       2       2        2   25000    0     40     1
#'   anonymous             7      6   18    3       3       0        0       0    2     60     3
#'
#' fact_session (users are distinct over the range; bots never count; signed in: those with a user):
#'   1  03-01 visitor 1            D1 desktop Chrome/Windows   converted, 25000; en-US, desktop
#'   2  03-01 visitor 2, user u-1  D2 mobile Safari/Android    bounced; fr-FR, phone
#'   3  03-03 visitor 1            D1
#'   4  03-03 visitor 3, user u-1  D2                          bounced
#'   5  03-05 visitor 4            D3 bot
#'   6  03-05 visitor 5            no device (type tablet)
#'   7  02-27 visitor 6            D1                          (previous period)
#'   8  03-06 visitor 7            D1                          (after the range)
#'
#' agg_funnel_daily  category  day   step: (sessions, through) for steps 1..6
#'   (all)   03-01  (10,10) (8,7) (4,4) (3,3) (2,2) (2,2)
#'   (all)   03-01 signed in  (3,3) (3,3) (2,2) (2,2) (2,2) (2,2)
#'   (all)   03-03  (5,5) (4,3) (2,1) (1,1) (1,1)
#'   (all)   02-28  (7,7)                                  (outside)
#'   Laptops 03-01  (6,6) (5,5) (2,2) (1,1)
#'
#' agg_checkout_daily  day   began shipping purchased abandoned value
#'   03-01  3 2 2 1  4999;  03-03  2 1 0 2 15000;  03-06  5 5 5 0 0 (outside)
#'   03-01 signed in  2 2 2 0 0
#'
#' agg_product_daily  day  product  list clicks views atc orders units revenue
#'   03-01 p-alpha  20 5 8 2 1 2 20000;   03-03 p-alpha  10 1 2 1 0 0 0
#'   03-01 p-beta   40 4 6 3 1 1 5000;    03-05 ghost-404 0 0 4 0 0 0 0 (no dim_product row)
#'   03-04 p-gamma   5 0 0 0 0 0 0;       02-28 p-beta 100 50 50 0 0 0 0 (outside)
#'
#' agg_search_daily  day  query  searches zero click purchase
#'   03-01 laptop 10 0 4 1;  03-03 laptop 5 0 1 1;  03-01 "rtx 5090" 3 3 0 0;
#'   03-05 "=cmd|' /C calc'!A0" 2 2 0 0;  03-02 "<script>alert(1)</script>" 1 1 0 0;
#'   03-01 monitor 4 1 2 0;  02-28 laptop 100 0 0 0 (outside)
#'
#' agg_channel_daily  day  channel referrer source medium campaign  sessions users bounced engaged converted revenue
#'   03-01 direct         ''         ''         ''    ''       6 5 3 2 1 10000
#'   03-01 organic_search google.com ''         ''    ''       3 3 1 2 1 15000
#'   03-01 direct, signed in ''       ''         ''    ''       2 1 0 2 1 10000
#'   03-03 paid_search    google.com google     cpc   spring   4 4 2 1 0 0
#'   03-03 direct         ''         ''         ''    ''       2 2 0 2 1 5000
#'   03-05 email          ''         newsletter email spring   1 1 0 1 0 0
#'   02-28 direct         ''         ''         ''    ''      50 50 0 0 0 0 (outside)
#'
#' agg_page_path_daily  day kind path  sessions bounced converted
#'   03-01 entry /  6 2 1;  03-01 entry /products/p-alpha 3 1 0;  03-03 entry /  2 0 1
#'   03-03 entry =HYPERLINK("http://x") 1 1 0;  03-01 exit /checkout/done 2 0 2
#'   03-01 path "/ → /products/p-alpha → /cart" 2 0 1;  02-28 entry / 99 0 0 (outside)
seed_warehouse <- function(con) {
  insert_product(con, "p-alpha", "Alpha Laptop 14", "Acme", "Laptops")
  insert_product(con, "p-beta", "Beta Keyboard", "Keyco", "Keyboards")
  insert_product(con, "p-gamma", "Gamma Monitor", "Viewit", "Monitors")

  kpi(con, "2001-02-25", 4, 3, 10, 1, 2, 1, 1, 5000, 1, 20, 0)
  kpi(con, "2001-02-27", 6, 5, 12, 2, 3, 0, 0, 0, 0, 30, 2)
  kpi(con, "2001-03-01", 10, 8, 30, 4, 5, 2, 2, 25000, 2, 100, 4)
  kpi(con, "2001-03-03", 5, 4, 20, 1, 3, 1, 1, 10000, 0, 50, 0)
  kpi(con, "2001-03-05", 5, 5, 10, 3, 2, 0, 0, 0, 3, 48, 2)
  kpi(con, "2001-03-01", 3, 2, 12, 1, 2, 2, 2, 25000, 0, 40, 1, login_state = "signed_in")
  kpi(con, "2001-03-01", 7, 6, 18, 3, 3, 0, 0, 0, 2, 60, 3, login_state = "anonymous")

  device <- function(key, type, browser, os, bot = FALSE) {
    insert_row(con, "dim_device", list(device_id = DEVICE[[key]], device_type = type,
                                       browser_name = browser, os_name = os, is_bot = bot))
  }
  device("D1", "desktop", "Chrome", "Windows")
  device("D2", "mobile", "Safari", "Android")
  device("D3", "desktop", "HeadlessChrome", "Linux", bot = TRUE)
  session_row(con, 1, "2001-03-01", 1, device = "D1", converted = TRUE, revenue = 25000,
              language = "en-US", screen_class = "desktop")
  session_row(con, 2, "2001-03-01", 2, user = "u-1", device = "D2", device_type = "mobile", bounced = TRUE,
              language = "fr-FR", screen_class = "phone")
  session_row(con, 3, "2001-03-03", 1, device = "D1")
  session_row(con, 4, "2001-03-03", 3, user = "u-1", device = "D2", device_type = "mobile", bounced = TRUE)
  session_row(con, 5, "2001-03-05", 4, device = "D3", bot = TRUE)
  session_row(con, 6, "2001-03-05", 5, device_type = "tablet")
  session_row(con, 7, "2001-02-27", 6, device = "D1")
  session_row(con, 8, "2001-03-06", 7, device = "D1")

  funnel <- function(day, category, counts, login_state = "(all)") {
    for (i in seq_along(counts)) {
      insert_row(con, "agg_funnel_daily", list(
        day = day, login_state = login_state, category = category, step_number = i, step = FUNNEL_STEPS$step[i],
        sessions = counts[[i]][1], sessions_through = counts[[i]][2]))
    }
  }
  funnel("2001-03-01", "(all)", list(c(10, 10), c(8, 7), c(4, 4), c(3, 3), c(2, 2), c(2, 2)))
  funnel("2001-03-03", "(all)", list(c(5, 5), c(4, 3), c(2, 1), c(1, 1), c(1, 1)))
  funnel("2001-02-28", "(all)", list(c(7, 7)))
  funnel("2001-03-01", "Laptops", list(c(6, 6), c(5, 5), c(2, 2), c(1, 1)))
  funnel("2001-03-01", "(all)", list(c(3, 3), c(3, 3), c(2, 2), c(2, 2), c(2, 2), c(2, 2)), "signed_in")

  checkout <- function(day, began, shipping, purchased, abandoned, value, login_state = "(all)") {
    insert_row(con, "agg_checkout_daily", list(day = day, login_state = login_state, began_checkout = began, added_shipping = shipping,
                                               purchased = purchased, abandoned = abandoned,
                                               abandoned_value_cents = value))
  }
  checkout("2001-03-01", 3, 2, 2, 1, 4999)
  checkout("2001-03-03", 2, 1, 0, 2, 15000)
  checkout("2001-03-06", 5, 5, 5, 0, 0)
  checkout("2001-03-01", 2, 2, 2, 0, 0, "signed_in")

  product <- function(day, id, list_views, clicks, views, atc, orders, units, revenue) {
    insert_row(con, "agg_product_daily", list(day = day, product_id = id, list_views = list_views,
                                              clicks = clicks, views = views, add_to_carts = atc,
                                              orders = orders, units_sold = units, revenue_cents = revenue))
  }
  product("2001-03-01", "p-alpha", 20, 5, 8, 2, 1, 2, 20000)
  product("2001-03-03", "p-alpha", 10, 1, 2, 1, 0, 0, 0)
  product("2001-03-01", "p-beta", 40, 4, 6, 3, 1, 1, 5000)
  product("2001-03-05", "ghost-404", 0, 0, 4, 0, 0, 0, 0)
  product("2001-03-04", "p-gamma", 5, 0, 0, 0, 0, 0, 0)
  product("2001-02-28", "p-beta", 100, 50, 50, 0, 0, 0, 0)

  search <- function(day, query, searches, zero, click, purchase) {
    insert_row(con, "agg_search_daily", list(day = day, query = query, searches = searches,
                                             zero_result_searches = zero, searches_with_click = click,
                                             searches_with_purchase = purchase))
  }
  search("2001-03-01", "laptop", 10, 0, 4, 1)
  search("2001-03-03", "laptop", 5, 0, 1, 1)
  search("2001-03-01", "rtx 5090", 3, 3, 0, 0)
  search("2001-03-05", "=cmd|' /C calc'!A0", 2, 2, 0, 0)
  search("2001-03-02", "<script>alert(1)</script>", 1, 1, 0, 0)
  search("2001-03-01", "monitor", 4, 1, 2, 0)
  search("2001-02-28", "laptop", 100, 0, 0, 0)

  channel <- function(day, channel, referrer, source, medium, campaign, sessions, users, bounced,
                      engaged, converted, revenue, login_state = "(all)") {
    insert_row(con, "agg_channel_daily", list(
      day = day, login_state = login_state, channel = channel, referrer_host = referrer, utm_source = source, utm_medium = medium,
      utm_campaign = campaign, sessions = sessions, users = users, bounced_sessions = bounced,
      engaged_sessions = engaged, converted_sessions = converted, revenue_cents = revenue))
  }
  channel("2001-03-01", "direct", "", "", "", "", 6, 5, 3, 2, 1, 10000)
  channel("2001-03-01", "organic_search", "google.com", "", "", "", 3, 3, 1, 2, 1, 15000)
  channel("2001-03-03", "paid_search", "google.com", "google", "cpc", "spring", 4, 4, 2, 1, 0, 0)
  channel("2001-03-03", "direct", "", "", "", "", 2, 2, 0, 2, 1, 5000)
  channel("2001-03-05", "email", "", "newsletter", "email", "spring", 1, 1, 0, 1, 0, 0)
  channel("2001-02-28", "direct", "", "", "", "", 50, 50, 0, 0, 0, 0)
  channel("2001-03-01", "direct", "", "", "", "", 2, 1, 0, 2, 1, 10000, "signed_in")

  path <- function(day, kind, path, sessions, bounced, converted) {
    insert_row(con, "agg_page_path_daily", list(day = day, kind = kind, path = path, sessions = sessions,
                                                bounced_sessions = bounced, converted_sessions = converted))
  }
  path("2001-03-01", "entry", "/", 6, 2, 1)
  path("2001-03-01", "entry", "/products/p-alpha", 3, 1, 0)
  path("2001-03-03", "entry", "/", 2, 0, 1)
  path("2001-03-03", "entry", "=HYPERLINK(\"http://x\")", 1, 1, 0)
  path("2001-03-01", "exit", "/checkout/done", 2, 0, 2)
  path("2001-03-01", "path", "/ \u2192 /products/p-alpha \u2192 /cart", 2, 0, 1)
  path("2001-02-28", "entry", "/", 99, 0, 0)
  invisible(NULL)
}

#' ETL bookkeeping: runs A (succeeded), B (succeeded, the newest success, with checks and a
#' reconciliation), C (abandoned), D (failed: "boom"), all on 2001-03-05. Returns their ids.
#'
#'   A 10:00:00-10:00:07 succeeded  4 objects 120 events, 1 pass; check "old check" 5 failures
#'                                   reconciliation 03-04: 10 listed, 1 missing
#'   B 12:00:00-12:00:30 succeeded  2 objects 37 events, 3 duplicates, 1 rejected, 2 passes,
#'                                   backlog, checks failed 1 / warned 1, reconciled;
#'                                   checks: kpi-matches-facts error 2, freshness warn 1,
#'                                   unique-id error 0; reconciliation 03-03: 5 listed 1 missing,
#'                                   03-04: 12 listed 0 missing, 03-05: 8 listed 2 missing
#'   C 13:00:00-13:05:00 abandoned
#'   D 14:00:00-14:00:01 failed     error "boom"
seed_runs <- function(con) {
  run <- function(status, started, finished, ...) {
    insert_row(con, "etl_run", c(list(status = status, started_at = paste0("2001-03-05T", started, "Z"),
                                      finished_at = paste0("2001-03-05T", finished, "Z")), list(...)))
  }
  a <- run("succeeded", "10:00:00", "10:00:07", objects_loaded = 4, events_loaded = 120, passes = 1)
  b <- run("succeeded", "12:00:00", "12:00:30", objects_loaded = 2, events_loaded = 37, duplicates = 3,
           rejected = 1, passes = 2, backlog = TRUE, checks_failed = 1, checks_warned = 1, reconciled = TRUE)
  c <- run("abandoned", "13:00:00", "13:05:00")
  d <- run("failed", "14:00:00", "14:00:01", error = "boom")
  check <- function(run_id, name, severity, failures, sample = "[]") {
    insert_row(con, "etl_data_check", list(run_id = run_id, check_name = name, severity = severity,
                                           failures = failures, sample = sample))
  }
  check(a, "old check", "error", 5)
  check(b, "kpi-matches-facts", "error", 2, '[{"day": "2001-03-01"}]')
  check(b, "freshness", "warn", 1)
  check(b, "unique-id", "error", 0)
  lake <- function(run_id, day, listed, missing) {
    insert_row(con, "etl_lake_reconciliation", list(run_id = run_id, day = day, objects_listed = listed,
                                                    objects_missing = missing))
  }
  lake(a, "2001-03-04", 10, 1)
  lake(b, "2001-03-03", 5, 1)
  lake(b, "2001-03-04", 12, 0)
  lake(b, "2001-03-05", 8, 2)
  list(a = a, b = b, c = c, d = d)
}

#' Two privacy actions: an erasure (03-02, 7 events deleted) and a retention run (03-04, cutoff
#' 2001-01-01, one partition dropped).
seed_privacy <- function(con) {
  insert_row(con, "privacy_action", list(action = "erase", subject_kind = "user", subject_hash = strrep("a", 64),
                                         status = "succeeded", started_at = "2001-03-02T08:00:00Z",
                                         finished_at = "2001-03-02T08:00:09Z", events_deleted = 7,
                                         sessions_deleted = 2))
  insert_row(con, "privacy_action", list(action = "retention", cutoff = "2001-01-01", status = "succeeded",
                                         started_at = "2001-03-04T03:00:00Z", partitions_dropped = 1))
}

#' A view context over the test's connection: the range and run id are reactiveVals the test
#' can set; `counter` (an environment) counts the queries run.
test_ctx <- function(con, from = "2001-03-01", to = "2001-03-05", category = ALL_CATEGORIES,
                     run_id = 1, counter = new.env(), cache = success_only_cache(),
                     login_state = "(all)") {
  counter$n <- 0L
  range <- shiny::reactiveVal(list(from = as.Date(from), to = as.Date(to)))
  dashboard_context(
    range = range, category = shiny::reactiveVal(category), run_id = shiny::reactiveVal(run_id),
    run_query = function(fn) {
      counter$n <- counter$n + 1L
      fn(con)
    },
    cache = cache, login_state = shiny::reactiveVal(login_state)
  )
}

#' Events on 2001-03-05 for the realtime and events queries (the realtime tests' "now" is
#' 12:30:20, so their window is 12:01 to 12:31):
#'   1 12:10:05 visitor 1  page_view /                      5 12:30:10 visitor 2  add_to_cart p-alpha
#'   2 12:11:00 visitor 1  page_view /products/p-alpha       6 12:20:00 visitor 4  page_view / (bot)
#'   3 12:11:01 visitor 1  product_view p-alpha              7 11:59:59 visitor 3  page_view / (before the window)
#'   4 12:29:59 visitor 2  page_view /cart (user u-1)        8 12:15:00 visitor 3  product_view p-beta
#' (5 also carries user u-1.)
seed_events <- function(con) {
  event <- function(n, time, visitor, name, path, product = NA, user = NA, bot = FALSE) {
    at <- paste0("2001-03-05T", time, "Z")
    insert_row(con, "fact_event", list(
      event_id = sprintf("00000000-0000-4000-a000-%012d", n), event_name = name, occurred_at = at,
      sent_at = at, received_at = at, derived_at = at, event_date = "2001-03-05",
      anonymous_id = sprintf("00000000-0000-4000-9000-%012d", visitor),
      session_id = sprintf("00000000-0000-4000-b000-%012d", visitor), user_id = user,
      page_url = paste0("https://shop.example", path), page_path = path, page_title = path,
      product_id = product, properties = "{}", object_key = "raw/test", is_bot = bot, seq = n))
  }
  event(1, "12:10:05", 1, "page_view", "/")
  event(2, "12:11:00", 1, "page_view", "/products/p-alpha")
  event(3, "12:11:01", 1, "product_view", "/products/p-alpha", product = "p-alpha")
  event(4, "12:29:59", 2, "page_view", "/cart", user = "u-1")
  event(5, "12:30:10", 2, "add_to_cart", "/cart", product = "p-alpha", user = "u-1")
  event(6, "12:20:00", 4, "page_view", "/", bot = TRUE)
  event(7, "11:59:59", 3, "page_view", "/")
  event(8, "12:15:00", 3, "product_view", "/products/p-beta", product = "p-beta")
}

#' agg_event_daily   day  event  login  bot  server  events
#'   03-01 page_view anonymous  no no 100;  03-01 page_view signed_in no no 20
#'   03-01 page_view anonymous yes no   7;  03-01 purchase  signed_in no yes 2
#'   03-01 purchase  anonymous  no yes  1;  03-03 search    anonymous no no 30
#'   02-28 page_view anonymous  no no 999 (outside)
#' visitor_week (cohorts by first week; 2001-03-01 is in the week from Monday 02-26):
#'   v1 02-26, 03-05, 03-19;  v2 02-26;  v3 02-26, 03-05;  v4 03-05, 03-12;  v5 02-19, 02-26
#' shop_daily_totals: 03-01 2 orders $250.00 (as the warehouse); 03-03 2 orders $120.00 (the
#'   warehouse has 1, $100.00)
seed_event_counts_and_cohorts <- function(con) {
  count <- function(day, name, login, bot, trusted, events) {
    insert_row(con, "agg_event_daily", list(day = day, event_name = name, login_state = login, is_bot = bot,
                                            trusted = trusted, events = events))
  }
  count("2001-03-01", "page_view", "anonymous", FALSE, FALSE, 100)
  count("2001-03-01", "page_view", "signed_in", FALSE, FALSE, 20)
  count("2001-03-01", "page_view", "anonymous", TRUE, FALSE, 7)
  count("2001-03-01", "purchase", "signed_in", FALSE, TRUE, 2)
  count("2001-03-01", "purchase", "anonymous", FALSE, TRUE, 1)
  count("2001-03-03", "search", "anonymous", FALSE, FALSE, 30)
  count("2001-02-28", "page_view", "anonymous", FALSE, FALSE, 999)
  weeks <- list(v1 = c("2001-02-26", "2001-03-05", "2001-03-19"), v2 = "2001-02-26",
                v3 = c("2001-02-26", "2001-03-05"), v4 = c("2001-03-05", "2001-03-12"),
                v5 = c("2001-02-19", "2001-02-26"))
  for (i in seq_along(weeks)) {
    for (week in weeks[[i]]) {
      insert_row(con, "visitor_week", list(anonymous_id = sprintf("00000000-0000-4000-9000-%012d", i),
                                           week = week, first_week = weeks[[i]][1], sessions = 1))
    }
  }
  insert_row(con, "shop_daily_totals", list(day = "2001-03-01", orders = 2, revenue_cents = 25000))
  insert_row(con, "shop_daily_totals", list(day = "2001-03-03", orders = 2, revenue_cents = 12000))
}

#' agg_geo_daily  day  login  country region city  sessions users converted revenue
#'   03-01 (all)      FR Île-de-France Paris      5 4 1 20000
#'   03-01 (all)      FR Île-de-France Versailles 2 2 0 0
#'   03-01 (all)      FR Bretagne      Rennes     1 1 0 0
#'   03-03 (all)      US California    San Jose   3 3 1 5000
#'   03-03 (all)      '' ''            ''         2 2 0 0      (no known place)
#'   03-01 signed_in  FR Île-de-France Paris      2 1 1 20000
#'   02-28 (all)      DE Bayern        München    9 9 0 0      (outside)
seed_geography <- function(con) {
  place <- function(day, login, country, region, city, sessions, users, converted, revenue) {
    insert_row(con, "agg_geo_daily", list(day = day, login_state = login, country = country, region = region,
                                          city = city, sessions = sessions, users = users,
                                          converted_sessions = converted, revenue_cents = revenue))
  }
  place("2001-03-01", "(all)", "FR", "\u00cele-de-France", "Paris", 5, 4, 1, 20000)
  place("2001-03-01", "(all)", "FR", "\u00cele-de-France", "Versailles", 2, 2, 0, 0)
  place("2001-03-01", "(all)", "FR", "Bretagne", "Rennes", 1, 1, 0, 0)
  place("2001-03-03", "(all)", "US", "California", "San Jose", 3, 3, 1, 5000)
  place("2001-03-03", "(all)", "", "", "", 2, 2, 0, 0)
  place("2001-03-01", "signed_in", "FR", "\u00cele-de-France", "Paris", 2, 1, 1, 20000)
  place("2001-02-28", "(all)", "DE", "Bayern", "M\u00fcnchen", 9, 9, 0, 0)
}
