# Acquisition: sessions by channel, referrer and UTM tags (agg_channel_daily).

ACQUISITION_DIMENSIONS <- c(
  "Channel" = "channel", "Referrer" = "referrer_host", "UTM source" = "utm_source",
  "UTM medium" = "utm_medium", "UTM campaign" = "utm_campaign"
)

#' Sessions from `from` to `to` grouped by one of ACQUISITION_DIMENSIONS ('' where the session
#' had none): sessions, bounced, engaged and converted sessions, revenue (cents), the conversion
#' rate (converted / sessions) and bounce rate, for a login state. Most sessions first, then by
#' value.
acquisition <- function(con, from, to, by = "channel", login_state = "(all)") {
  range <- query_range(from, to)
  by <- query_choice(by, ACQUISITION_DIMENSIONS, "by")
  login_state <- query_login_state(login_state)
  sql <- "
    SELECT CASE $3
             WHEN 'channel' THEN channel WHEN 'referrer_host' THEN referrer_host
             WHEN 'utm_source' THEN utm_source WHEN 'utm_medium' THEN utm_medium
             WHEN 'utm_campaign' THEN utm_campaign
           END AS value,
           sum(sessions) AS sessions, sum(bounced_sessions) AS bounced_sessions,
           sum(engaged_sessions) AS engaged_sessions, sum(converted_sessions) AS converted_sessions,
           sum(revenue_cents) AS revenue_cents
    FROM agg_channel_daily
    WHERE day BETWEEN $1::date AND $2::date AND login_state = $4
    GROUP BY 1
    ORDER BY sessions DESC, 1"
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to, by, login_state)), c(
    value = "character", sessions = "numeric", bounced_sessions = "numeric",
    engaged_sessions = "numeric", converted_sessions = "numeric", revenue_cents = "numeric"
  ))
  rows$conversion_rate <- safe_ratio(rows$converted_sessions, rows$sessions)
  rows$bounce_rate <- safe_ratio(rows$bounced_sessions, rows$sessions)
  rows
}
