# Paths: entry pages, exit pages and the first three pages of sessions (agg_page_path_daily).

PATH_KINDS <- c("Entry pages" = "entry", "Exit pages" = "exit", "Paths (first 3 pages)" = "path")

#' The most common entry pages, exit pages or paths ("entry", "exit", "path") of sessions from
#' `from` to `to`: sessions, bounced and converted sessions, their share of all the kind's
#' sessions in the range, bounce and conversion rates. Most sessions first, then by path.
page_paths <- function(con, from, to, kind = "entry", limit = 100L) {
  range <- query_range(from, to)
  kind <- query_choice(kind, PATH_KINDS, "kind")
  limit <- query_limit(limit)
  sql <- "
    SELECT path, sessions, bounced_sessions, converted_sessions, total
    FROM (
      SELECT path, sum(sessions) AS sessions, sum(bounced_sessions) AS bounced_sessions,
             sum(converted_sessions) AS converted_sessions,
             sum(sum(sessions)) OVER () AS total
      FROM agg_page_path_daily
      WHERE day BETWEEN $1::date AND $2::date AND kind = $3
      GROUP BY path
    ) AS p
    ORDER BY sessions DESC, path
    LIMIT $4::integer"
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to, kind, limit)), c(
    path = "character", sessions = "numeric", bounced_sessions = "numeric",
    converted_sessions = "numeric", total = "numeric"
  ))
  rows$share <- safe_ratio(rows$sessions, rows$total)
  rows$bounce_rate <- safe_ratio(rows$bounced_sessions, rows$sessions)
  rows$conversion_rate <- safe_ratio(rows$converted_sessions, rows$sessions)
  rows$total <- NULL
  rows
}
