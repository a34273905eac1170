# Products: each product's list views, clicks, views, adds to cart and sales (agg_product_daily,
# named from dim_product).

PRODUCT_COLUMNS <- c(
  product_id = "character", name = "character", brand = "character", category = "character",
  list_views = "numeric", clicks = "numeric", views = "numeric", add_to_carts = "numeric",
  orders = "numeric", units_sold = "numeric", revenue_cents = "numeric"
)

#' Every product with any activity from `from` to `to`, of one category ("(all)": every
#' product), most viewed first (then by revenue, name, id), with its rates:
#' click_through = clicks / list views, add_to_cart_rate = adds to cart / views,
#' conversion = orders holding it / views. A product without a dim_product row is named by its
#' id and shows under "(all)" only.
product_performance <- function(con, from, to, category = ALL_CATEGORIES, limit = MAX_TOP_LIMIT) {
  range <- query_range(from, to)
  category <- query_category(category)
  limit <- query_limit(limit)
  sql <- "
    SELECT a.product_id, coalesce(p.name, a.product_id) AS name, p.brand, p.category,
           sum(a.list_views) AS list_views, sum(a.clicks) AS clicks, sum(a.views) AS views,
           sum(a.add_to_carts) AS add_to_carts, sum(a.orders) AS orders,
           sum(a.units_sold) AS units_sold, sum(a.revenue_cents) AS revenue_cents
    FROM agg_product_daily AS a
    LEFT JOIN dim_product AS p ON p.product_id = a.product_id
    WHERE a.day BETWEEN $1::date AND $2::date
      AND ($3 = '(all)' OR p.category = $3)
    GROUP BY a.product_id, p.name, p.brand, p.category
    ORDER BY views DESC, revenue_cents DESC, coalesce(p.name, a.product_id), a.product_id
    LIMIT $4::integer"
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to, category, limit)),
                        PRODUCT_COLUMNS)
  rows$click_through <- safe_ratio(rows$clicks, rows$list_views)
  rows$add_to_cart_rate <- safe_ratio(rows$add_to_carts, rows$views)
  rows$conversion <- safe_ratio(rows$orders, rows$views)
  rows
}

#' The most viewed products (at least one view) from `from` to `to`: the first `limit` rows of
#' product_performance().
top_products <- function(con, from, to, category = ALL_CATEGORIES, limit = 10L) {
  rows <- product_performance(con, from, to, category, limit = query_limit(limit, 1000L))
  rows[rows$views > 0, , drop = FALSE]
}

#' One product's numbers for each day from `from` to `to` (zeros on days without any).
product_daily <- function(con, product_id, from, to) {
  range <- query_range(from, to)
  if (length(product_id) != 1L || !is.character(product_id) || is.na(product_id)) {
    stop("`product_id` must be a single string", call. = FALSE)
  }
  sql <- "
    SELECT d.day::date AS day,
           coalesce(a.list_views, 0) AS list_views, coalesce(a.clicks, 0) AS clicks,
           coalesce(a.views, 0) AS views, coalesce(a.add_to_carts, 0) AS add_to_carts,
           coalesce(a.orders, 0) AS orders, coalesce(a.units_sold, 0) AS units_sold,
           coalesce(a.revenue_cents, 0) AS revenue_cents
    FROM generate_series($1::date, $2::date, interval '1 day') AS d(day)
    LEFT JOIN agg_product_daily AS a ON a.day = d.day::date AND a.product_id = $3
    ORDER BY d.day"
  typed_columns(db_query(con, sql, params = list(range$from, range$to, product_id)),
                c(day = "Date", PRODUCT_COLUMNS[5:11]))
}
