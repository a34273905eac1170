# Technology: sessions by device type, browser and operating system (fact_session, dim_device),
# and the audience: language, screen class and time zone (the tracker's page-view context).

TECHNOLOGY_DIMENSIONS <- c("Device type" = "device_type", "Browser" = "browser_name",
                           "Operating system" = "os_name")
AUDIENCE_DIMENSIONS <- c("Language" = "language", "Screen class" = "screen_class",
                         "Time zone" = "time_zone")

#' Non-bot sessions that started from `from` to `to`, grouped by one of TECHNOLOGY_DIMENSIONS or
#' AUDIENCE_DIMENSIONS
#' (from the session's device in dim_device; the device type falls back to the session's own;
#' '' where unknown): sessions, their share, bounced and converted sessions with their rates,
#' and revenue (cents), for a login state. Most sessions first, then by value. Reads
#' fact_session by its session_date index.
technology <- function(con, from, to, by = "device_type", login_state = "(all)") {
  range <- query_range(from, to)
  by <- query_choice(by, c(TECHNOLOGY_DIMENSIONS, AUDIENCE_DIMENSIONS), "by")
  login_state <- query_login_state(login_state)
  sql <- paste0("
    SELECT value, sessions, bounced_sessions, converted_sessions, revenue_cents,
           sum(sessions) OVER () AS total
    FROM (
      SELECT coalesce(CASE $3
                        WHEN 'device_type' THEN coalesce(d.device_type, s.device_type)
                        WHEN 'browser_name' THEN d.browser_name
                        WHEN 'os_name' THEN d.os_name
                        WHEN 'language' THEN s.language
                        WHEN 'screen_class' THEN s.screen_class
                        WHEN 'time_zone' THEN s.time_zone
                      END, '') AS value,
             count(*) AS sessions, count(*) FILTER (WHERE s.bounced) AS bounced_sessions,
             count(*) FILTER (WHERE s.converted) AS converted_sessions,
             sum(s.revenue_cents) AS revenue_cents
      FROM fact_session AS s
      LEFT JOIN dim_device AS d ON d.device_id = s.device_id
      WHERE s.session_date BETWEEN $1::date AND $2::date AND NOT s.is_bot AND ", session_login_condition(4L), "
      GROUP BY 1
    ) AS t
    ORDER BY sessions DESC, value")
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to, by, login_state)), c(
    value = "character", sessions = "numeric", bounced_sessions = "numeric",
    converted_sessions = "numeric", revenue_cents = "numeric", total = "numeric"
  ))
  rows$share <- safe_ratio(rows$sessions, rows$total)
  rows$bounce_rate <- safe_ratio(rows$bounced_sessions, rows$sessions)
  rows$conversion_rate <- safe_ratio(rows$converted_sessions, rows$sessions)
  rows$total <- NULL
  rows
}
