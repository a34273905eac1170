# Times every query the dashboard's views run (shiny/R/queries*.R) on the warehouse at
# WAREHOUSE_URL over its newest 30 days, warm (one run first, then the median of five), and the
# skeleton's way of answering (distinct visitors and sessions over fact_event) as the baseline.
# Prints one JSON line. Run by bench/dashboard-queries.bench.ts.

for (file in sort(list.files("shiny/R", pattern = "\\.[rR]$", full.names = TRUE))) source(file)
con <- warehouse_connect(warehouse_config(), read_only = TRUE, application_name = "compushop-bench")

to <- as.Date(db_query(con, "SELECT max(day) AS day FROM agg_daily_kpi")$day)
from <- to - 29L
now <- as.POSIXct(db_query(con, "SELECT extract(epoch FROM max(derived_at))::float8 AS t FROM fact_event")$t,
                  origin = "1970-01-01", tz = "UTC")
category <- product_categories(con)[1]
product <- db_query(con, "SELECT product_id FROM agg_product_daily GROUP BY 1 ORDER BY sum(views) DESC LIMIT 1")$product_id
previous <- previous_period(from, to)

queries <- list(
  "poll: etl_status" = function() etl_status(con),
  "filters: product_categories" = function() product_categories(con),
  "overview: totals" = function() overview_totals(con, from, to),
  "overview: totals, previous period" = function() overview_totals(con, previous$from, previous$to),
  "overview: totals, signed in" = function() overview_totals(con, from, to, login_state = "signed_in"),
  "overview: daily" = function() overview_daily(con, from, to),
  "overview: top_products" = function() top_products(con, from, to),
  "realtime: summary" = function() realtime_summary(con, now = now),
  "realtime: minutes" = function() realtime_minutes(con, now = now),
  "realtime: pages" = function() realtime_pages(con, now = now),
  "realtime: products" = function() realtime_products(con, now = now),
  "funnel: steps" = function() funnel_steps(con, from, to),
  "funnel: steps, one category" = function() funnel_steps(con, from, to, category = category),
  "funnel: checkout_abandonment" = function() checkout_abandonment(con, from, to),
  "funnel: by day" = function() funnel_daily(con, from, to),
  "products: product_performance" = function() product_performance(con, from, to),
  "products: product_daily" = function() product_daily(con, product, from, to),
  "search: totals" = function() search_totals(con, from, to),
  "search: queries" = function() search_queries(con, from, to),
  "search: zero-result queries" = function() search_queries(con, from, to, zero_results_only = TRUE),
  "acquisition: channel" = function() acquisition(con, from, to),
  "acquisition: referrer" = function() acquisition(con, from, to, by = "referrer_host"),
  "paths: entry" = function() page_paths(con, from, to),
  "paths: path" = function() page_paths(con, from, to, kind = "path"),
  "technology: device_type" = function() technology(con, from, to),
  "technology: browser" = function() technology(con, from, to, by = "browser_name"),
  "technology: language" = function() technology(con, from, to, by = "language"),
  "geography: countries" = function() geography(con, from, to),
  "geography: cities, signed in" = function() geography(con, from, to, level = "city", login_state = "signed_in"),
  "retention: cohorts" = function() retention_cohorts(con, from, to, weeks = 8L, today = to),
  "events: counts" = function() event_counts(con, from, to),
  "events: names" = function() event_names(con, from, to),
  "events: newest page 1" = function() recent_events(con, from, to),
  "events: newest page 20, one name" = function() recent_events(con, from, to, event_name = "page_view", page = 20L),
  "health: etl_runs" = function() etl_runs(con, 50L),
  "health: daily" = function() daily_health(con, from, to),
  "health: shop reconciliation" = function() shop_reconciliation(con, from, to)
)

time_ms <- function(fn, times = 5L) {
  fn()
  median(vapply(seq_len(times), function(i) system.time(fn())[["elapsed"]], numeric(1))) * 1000
}

baseline <- function() {
  db_query(con, "
    SELECT count(*) AS page_views, count(DISTINCT anonymous_id) AS visitors, count(DISTINCT session_id) AS sessions
    FROM fact_event WHERE event_date BETWEEN $1::date AND $2::date AND event_name = 'page_view'",
    params = list(format(from), format(to)))
}
baseline_ms <- time_ms(baseline)
ms <- vapply(queries, time_ms, numeric(1))
slowest <- names(ms)[which.max(ms)]
events <- db_query(con, "SELECT count(*)::float8 AS n FROM fact_event")$n
cat(jsonlite::toJSON(list(
  fact_event_rows = events, range = c(format(from), format(to)),
  baseline_skeleton_distinct_count_ms = round(baseline_ms, 1),
  slowest = list(query = slowest, ms = round(max(ms), 1), ratio_to_baseline = round(max(ms) / baseline_ms, 4)),
  queries_over_200_ms = names(ms)[ms >= 200],
  queries_ms = as.list(round(ms, 1)),
  queries_ratio_to_baseline = as.list(round(ms / baseline_ms, 4))
), auto_unbox = TRUE), "\n")
invisible(DBI::dbDisconnect(con))
