# Overview: the site's KPIs for a range and per day (agg_daily_kpi; users from fact_session).

#' Totals from `from` to `to` for a login state: sessions, users, page views, bounced, engaged
#' and converted sessions, orders and revenue (cents). Users are distinct over the whole range (a
#' returning user counts once), so they come from fact_session (non-bot sessions that started in
#' the range, by user, else anonymous visitor), not from summing agg_daily_kpi.users. One row.
overview_totals <- function(con, from, to, login_state = "(all)") {
  range <- query_range(from, to)
  login_state <- query_login_state(login_state)
  sql <- paste0("
    SELECT k.sessions, u.users, k.page_views, k.bounced_sessions, k.engaged_sessions,
           k.converted_sessions, k.orders, k.revenue_cents
    FROM (
      SELECT coalesce(sum(sessions), 0) AS sessions, coalesce(sum(page_views), 0) AS page_views,
             coalesce(sum(bounced_sessions), 0) AS bounced_sessions,
             coalesce(sum(engaged_sessions), 0) AS engaged_sessions,
             coalesce(sum(converted_sessions), 0) AS converted_sessions,
             coalesce(sum(orders), 0) AS orders, coalesce(sum(revenue_cents), 0) AS revenue_cents
      FROM agg_daily_kpi
      WHERE day BETWEEN $1::date AND $2::date AND login_state = $3
    ) AS k, (
      SELECT count(DISTINCT coalesce(s.user_id, s.anonymous_id::text)) AS users
      FROM fact_session AS s
      WHERE s.session_date BETWEEN $1::date AND $2::date AND NOT s.is_bot AND ", session_login_condition(3L), "
    ) AS u")
  typed_columns(db_query(con, sql, params = list(range$from, range$to, login_state)), OVERVIEW_COLUMNS)
}

OVERVIEW_COLUMNS <- c(
  sessions = "numeric", users = "numeric", page_views = "numeric", bounced_sessions = "numeric",
  engaged_sessions = "numeric", converted_sessions = "numeric", orders = "numeric",
  revenue_cents = "numeric"
)

#' The same numbers for each day from `from` to `to`, with a row of zeros for days without
#' any. users here are that day's users.
overview_daily <- function(con, from, to, login_state = "(all)") {
  range <- query_range(from, to)
  login_state <- query_login_state(login_state)
  sql <- "
    SELECT d.day::date AS day,
           coalesce(k.sessions, 0) AS sessions, coalesce(k.users, 0) AS users,
           coalesce(k.page_views, 0) AS page_views, coalesce(k.bounced_sessions, 0) AS bounced_sessions,
           coalesce(k.engaged_sessions, 0) AS engaged_sessions,
           coalesce(k.converted_sessions, 0) AS converted_sessions,
           coalesce(k.orders, 0) AS orders, coalesce(k.revenue_cents, 0) AS revenue_cents
    FROM generate_series($1::date, $2::date, interval '1 day') AS d(day)
    LEFT JOIN agg_daily_kpi AS k ON k.day = d.day::date AND k.login_state = $3
    ORDER BY d.day"
  typed_columns(db_query(con, sql, params = list(range$from, range$to, login_state)),
                c(day = "Date", OVERVIEW_COLUMNS))
}

#' The KPIs the overview shows, in order: name, label, kind (count, money or rate).
OVERVIEW_METRICS <- data.frame(
  metric = c("sessions", "users", "page_views", "bounce_rate", "engaged_rate", "conversion_rate",
             "orders", "revenue_cents", "average_order_cents"),
  label = c("Sessions", "Users", "Page views", "Bounce rate", "Engaged sessions", "Conversion rate",
            "Orders", "Revenue", "Average order value"),
  kind = c("count", "count", "count", "rate", "rate", "rate", "count", "money", "money"),
  stringsAsFactors = FALSE
)

#' Adds the derived KPIs to totals (or daily rows): bounce, engaged and conversion rates (of
#' sessions) and average order value (revenue / orders, cents). NA where the base is 0.
with_rates <- function(rows) {
  rows$bounce_rate <- safe_ratio(rows$bounced_sessions, rows$sessions)
  rows$engaged_rate <- safe_ratio(rows$engaged_sessions, rows$sessions)
  rows$conversion_rate <- safe_ratio(rows$converted_sessions, rows$sessions)
  rows$average_order_cents <- safe_ratio(rows$revenue_cents, rows$orders)
  rows
}

#' Each KPI for the current and the previous period, with its change: relative for counts and
#' money (0.25 = +25%; NA when the previous value is 0 or unknown), in points for rates
#' (current rate − previous rate).
compare_periods <- function(current, previous) {
  current <- with_rates(current)
  previous <- with_rates(previous)
  m <- OVERVIEW_METRICS
  m$current <- vapply(m$metric, function(x) as.numeric(current[[x]][1]), numeric(1))
  m$previous <- vapply(m$metric, function(x) as.numeric(previous[[x]][1]), numeric(1))
  m$change <- ifelse(m$kind == "rate", m$current - m$previous, safe_ratio(m$current, m$previous) - 1)
  rownames(m) <- NULL
  m
}

#' A KPI value as shown: counts with separators, money in dollars, rates in percent.
format_metric <- function(value, kind) {
  switch(kind, count = format_count(value), money = format_money(value),
         rate = format_percent(value), stop("unknown kind ", kind))
}

#' A KPI's change as shown: "+25.0%" / "−3.1%" for counts and money, "+1.5 pts" for rates.
format_change <- function(change, kind) {
  if (is.na(change)) return("no comparison")
  sign <- if (change > 0) "+" else if (change < 0) "\u2212" else "\u00b1"
  if (kind == "rate") {
    return(sprintf("%s%s pts", sign, formatC(abs(100 * change), format = "f", digits = 1)))
  }
  sprintf("%s%s%%", sign, formatC(abs(100 * change), format = "f", digits = 1))
}
