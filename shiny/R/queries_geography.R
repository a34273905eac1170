# Geography: where shoppers were, by country, region and city (agg_geo_daily: the ingest looked
# the place up from the full address before dropping it, or CloudFront said; '' where unknown),
# and the country names and map regions of R's `maps` package, offline.

GEO_LEVELS <- c("Country" = "country", "Region" = "region", "City" = "city")

#' Non-bot sessions from `from` to `to` by place at one level (country, region or city), inside
#' an optional country (and region), for a login state: sessions, their share, users (distinct
#' per day, summed over the days: a shopper back on another day counts again), converted
#' sessions, the conversion rate and revenue (cents). '' is an unknown place. Most sessions first.
geography <- function(con, from, to, level = "country", country = NULL, region = NULL,
                      login_state = "(all)") {
  range <- query_range(from, to)
  level <- query_choice(level, GEO_LEVELS, "level")
  login_state <- query_login_state(login_state)
  place <- function(value, arg) {
    if (is.null(value)) return("")
    if (length(value) != 1L || !is.character(value) || is.na(value) || nchar(value) > 200L) {
      stop(sprintf("`%s` must be one name", arg), call. = FALSE)
    }
    value
  }
  # "" for no filter: RPostgreSQL sends NA as the text "NA".
  country <- place(country, "country")
  region <- place(region, "region")
  sql <- "
    SELECT CASE $4 WHEN 'country' THEN country WHEN 'region' THEN region ELSE city END AS value,
           min(country) AS country, min(region) AS region,
           sum(sessions) AS sessions, sum(users) AS users, sum(converted_sessions) AS converted_sessions,
           sum(revenue_cents) AS revenue_cents, sum(sum(sessions)) OVER () AS total
    FROM agg_geo_daily
    WHERE day BETWEEN $1::date AND $2::date AND login_state = $3
      AND ($5 = '' OR country = $5) AND ($6 = '' OR region = $6)
    GROUP BY 1
    ORDER BY sessions DESC, value"
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to, login_state, level, country, region)), c(
    value = "character", country = "character", region = "character", sessions = "numeric",
    users = "numeric", converted_sessions = "numeric", revenue_cents = "numeric", total = "numeric"
  ))
  rows$share <- safe_ratio(rows$sessions, rows$total)
  rows$conversion_rate <- safe_ratio(rows$converted_sessions, rows$sessions)
  rows$total <- NULL
  rows
}

#' A country's name from its ISO 3166-1 alpha-2 code (maps::iso3166), the code itself when
#' unknown, "(unknown)" for ''.
country_name <- function(code) {
  names <- maps::iso3166$ISOname[match(code, maps::iso3166$a2)]
  ifelse(is.na(code) | !nzchar(code), "(unknown)", ifelse(is.na(names), code, names))
}

#' The `maps` world regions of each country code (a country can be several map regions, e.g.
#' "Finland:Aland Islands"): a data.frame of code and map region, for joining with map_data.
map_regions <- function(codes) {
  iso <- maps::iso3166[maps::iso3166$a2 %in% codes, c("a2", "mapname")]
  # mapname is a pattern ("Finland(?!:Aland)", "UK(?!r)"): its leading name is the map's region.
  iso$region <- sub("[:(].*$", "", iso$mapname)
  unique(data.frame(code = iso$a2, region = iso$region, stringsAsFactors = FALSE))
}
