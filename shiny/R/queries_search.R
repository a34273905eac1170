# Search: site searches by query (agg_search_daily).

SEARCH_COLUMNS <- c(
  query = "character", searches = "numeric", zero_result_searches = "numeric",
  searches_with_click = "numeric", searches_with_purchase = "numeric"
)

with_search_rates <- function(rows) {
  rows$zero_result_rate <- safe_ratio(rows$zero_result_searches, rows$searches)
  rows$click_rate <- safe_ratio(rows$searches_with_click, rows$searches)
  rows$purchase_rate <- safe_ratio(rows$searches_with_purchase, rows$searches)
  rows
}

#' Each query searched from `from` to `to` (lower-cased, spaces collapsed, as the ETL keeps
#' them), most searched first (then alphabetically), with its zero-result, search-to-click and
#' search-to-purchase rates (of its searches). `zero_results_only` keeps queries that found
#' nothing at least once, most such searches first.
search_queries <- function(con, from, to, zero_results_only = FALSE, limit = 1000L) {
  range <- query_range(from, to)
  limit <- query_limit(limit)
  zero <- isTRUE(zero_results_only)
  sql <- "
    SELECT query, sum(searches) AS searches, sum(zero_result_searches) AS zero_result_searches,
           sum(searches_with_click) AS searches_with_click,
           sum(searches_with_purchase) AS searches_with_purchase
    FROM agg_search_daily
    WHERE day BETWEEN $1::date AND $2::date
    GROUP BY query
    HAVING NOT $3::boolean OR sum(zero_result_searches) > 0
    ORDER BY CASE WHEN $3::boolean THEN sum(zero_result_searches) ELSE sum(searches) END DESC,
             sum(searches) DESC, query
    LIMIT $4::integer"
  rows <- db_query(con, sql, params = list(range$from, range$to, if (zero) "true" else "false", limit))
  with_search_rates(typed_columns(rows, SEARCH_COLUMNS))
}

#' All searches from `from` to `to` in one row: searches, distinct queries, zero-result
#' searches and searches followed by a click or a purchase, with their rates.
search_totals <- function(con, from, to) {
  range <- query_range(from, to)
  sql <- "
    SELECT coalesce(sum(searches), 0) AS searches, count(DISTINCT query) AS queries,
           coalesce(sum(zero_result_searches), 0) AS zero_result_searches,
           coalesce(sum(searches_with_click), 0) AS searches_with_click,
           coalesce(sum(searches_with_purchase), 0) AS searches_with_purchase
    FROM agg_search_daily
    WHERE day BETWEEN $1::date AND $2::date"
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to)),
                        c(SEARCH_COLUMNS[-1], queries = "numeric"))
  with_search_rates(rows)
}
