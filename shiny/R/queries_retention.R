# Retention: weekly cohorts of new visitors and the share that came back in each later week
# (visitor_week, which the ETL keeps: a visitor is a browser; weeks are ISO weeks from Monday,
# UTC; bots never count).

MAX_RETENTION_WEEKS <- 26L

#' The cohorts whose first week starts from `from` to `to` (both moved to their week's Monday),
#' each with its size and, for week 0 to `weeks` after it, the visitors active that week and
#' their share of the cohort. Weeks that have not begun by `today` are left out (the current
#' week counts so far); a week without any visitor back has a row of zeros. Rows by cohort,
#' then week.
retention_cohorts <- function(con, from, to, weeks = 8L, today = Sys.Date()) {
  range <- query_range(from, to)
  weeks <- query_limit(weeks, MAX_RETENTION_WEEKS)
  today <- as_query_date(today, "today")
  sql <- "
    WITH cohort AS (
      SELECT first_week, count(*) AS size
      FROM visitor_week
      WHERE first_week BETWEEN date_trunc('week', $1::date)::date AND $2::date AND week = first_week
      GROUP BY first_week
    ),
    active AS (
      SELECT first_week, (week - first_week) / 7 AS week_number, count(*) AS visitors
      FROM visitor_week
      WHERE first_week BETWEEN date_trunc('week', $1::date)::date AND $2::date
        AND week <= first_week + 7 * $3
      GROUP BY 1, 2
    )
    SELECT c.first_week AS cohort_week, n.week_number, c.size AS cohort_size,
           coalesce(a.visitors, 0) AS visitors
    FROM cohort AS c
    CROSS JOIN generate_series(0, $3) AS n(week_number)
    LEFT JOIN active AS a ON a.first_week = c.first_week AND a.week_number = n.week_number
    WHERE c.first_week + 7 * n.week_number <= $4::date
    ORDER BY c.first_week, n.week_number"
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to, weeks, today)), c(
    cohort_week = "Date", week_number = "integer", cohort_size = "numeric", visitors = "numeric"
  ))
  rows$retention <- safe_ratio(rows$visitors, rows$cohort_size)
  rows
}

#' The cohorts as a table for display: one row per cohort, its size, and a column per week
#' ("Week 0" … "Week n") holding the share that came back (NA where the week has not come).
retention_matrix <- function(rows, weeks) {
  cohorts <- sort(unique(rows$cohort_week))
  out <- data.frame(cohort_week = cohorts,
                    cohort_size = rows$cohort_size[match(cohorts, rows$cohort_week)])
  for (n in 0:weeks) {
    hit <- rows[rows$week_number == n, ]
    out[[paste("Week", n)]] <- hit$retention[match(cohorts, hit$cohort_week)]
  }
  out
}
