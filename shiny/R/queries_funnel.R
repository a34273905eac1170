# Funnel: the shopping funnel by step (agg_funnel_daily) and checkout abandonment
# (agg_checkout_daily).

FUNNEL_STEPS <- data.frame(
  step_number = 1:6,
  step = c("product_list_view", "product_view", "add_to_cart", "begin_checkout",
           "add_shipping_info", "purchase"),
  label = c("Saw a product list", "Viewed a product", "Added to cart", "Began checkout",
            "Added shipping info", "Purchased"),
  stringsAsFactors = FALSE
)

#' The six funnel steps from `from` to `to` for one category ("(all)" for every product) and login
#' state: sessions that reached each step, and sessions through it (reached it and every step
#' before it). A session counts on its day, so summing days counts each once. Always six rows.
funnel_steps <- function(con, from, to, category = ALL_CATEGORIES, login_state = "(all)") {
  range <- query_range(from, to)
  category <- query_category(category)
  login_state <- query_login_state(login_state)
  sql <- "
    SELECT s.step_number, s.step,
           coalesce(sum(f.sessions), 0) AS sessions,
           coalesce(sum(f.sessions_through), 0) AS sessions_through
    FROM (VALUES (1, 'product_list_view'), (2, 'product_view'), (3, 'add_to_cart'),
                 (4, 'begin_checkout'), (5, 'add_shipping_info'), (6, 'purchase')) AS s(step_number, step)
    LEFT JOIN agg_funnel_daily AS f
      ON f.step_number = s.step_number AND f.category = $3
     AND f.day BETWEEN $1::date AND $2::date AND f.login_state = $4
    GROUP BY s.step_number, s.step
    ORDER BY s.step_number"
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to, category, login_state)), c(
    step_number = "integer", step = "character", sessions = "numeric", sessions_through = "numeric"
  ))
  funnel_dropoff(rows)
}

#' Adds the step's label, its share of the first step's sessions through, and the drop-off from
#' the step before (1 − through(n) / through(n − 1); NA for the first step or after an empty one).
funnel_dropoff <- function(rows) {
  rows$label <- FUNNEL_STEPS$label[match(rows$step, FUNNEL_STEPS$step)]
  first <- if (nrow(rows) > 0L) rows$sessions_through[1] else NA_real_
  rows$share_of_first <- safe_ratio(rows$sessions_through, first)
  before <- c(NA_real_, utils::head(rows$sessions_through, -1L))
  rows$drop_off <- 1 - safe_ratio(rows$sessions_through, before)
  rows[, c("step_number", "step", "label", "sessions", "sessions_through", "share_of_first", "drop_off")]
}

#' Checkout abandonment from `from` to `to` (all products): sessions that began checkout, added
#' shipping, purchased, abandoned (began, no order in the session), the abandonment rate
#' (abandoned / began) and the cart value they left (cents), for a login state. One row.
checkout_abandonment <- function(con, from, to, login_state = "(all)") {
  range <- query_range(from, to)
  login_state <- query_login_state(login_state)
  sql <- "
    SELECT coalesce(sum(began_checkout), 0) AS began_checkout,
           coalesce(sum(added_shipping), 0) AS added_shipping,
           coalesce(sum(purchased), 0) AS purchased,
           coalesce(sum(abandoned), 0) AS abandoned,
           coalesce(sum(abandoned_value_cents), 0) AS abandoned_value_cents
    FROM agg_checkout_daily
    WHERE day BETWEEN $1::date AND $2::date AND login_state = $3"
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to, login_state)), c(
    began_checkout = "numeric", added_shipping = "numeric", purchased = "numeric",
    abandoned = "numeric", abandoned_value_cents = "numeric"
  ))
  rows$abandonment_rate <- safe_ratio(rows$abandoned, rows$began_checkout)
  rows
}

#' The funnel day by day from `from` to `to` for a category and login state: for each day (a row
#' of zeros for a day without sessions) the sessions through each step (step_1 … step_6) and the
#' share of the first step's sessions that went through to a purchase.
funnel_daily <- function(con, from, to, category = ALL_CATEGORIES, login_state = "(all)") {
  range <- query_range(from, to)
  category <- query_category(category)
  login_state <- query_login_state(login_state)
  sql <- "
    SELECT d.day::date AS day,
           coalesce(sum(f.sessions_through) FILTER (WHERE f.step_number = 1), 0) AS step_1,
           coalesce(sum(f.sessions_through) FILTER (WHERE f.step_number = 2), 0) AS step_2,
           coalesce(sum(f.sessions_through) FILTER (WHERE f.step_number = 3), 0) AS step_3,
           coalesce(sum(f.sessions_through) FILTER (WHERE f.step_number = 4), 0) AS step_4,
           coalesce(sum(f.sessions_through) FILTER (WHERE f.step_number = 5), 0) AS step_5,
           coalesce(sum(f.sessions_through) FILTER (WHERE f.step_number = 6), 0) AS step_6
    FROM generate_series($1::date, $2::date, interval '1 day') AS d(day)
    LEFT JOIN agg_funnel_daily AS f
      ON f.day = d.day::date AND f.category = $3 AND f.login_state = $4
    GROUP BY d.day
    ORDER BY d.day"
  steps <- paste0("step_", 1:6)
  rows <- typed_columns(db_query(con, sql, params = list(range$from, range$to, category, login_state)),
                        c(day = "Date", stats::setNames(rep("numeric", 6), steps)))
  rows$completion_rate <- safe_ratio(rows$step_6, rows$step_1)
  rows
}
