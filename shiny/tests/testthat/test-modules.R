# Each view's module with shiny::testServer, over the seeded warehouse: what it queries with
# which inputs, what it shows, and a failing query shown in its own panel.

test_that("overview: each KPI with its change against the previous period", {
  con <- local_warehouse()
  seed_warehouse(con)
  counter <- new.env()
  ctx <- test_ctx(con, counter = counter)
  shiny::testServer(mod_overview_server, args = list(ctx = ctx), {
    session$setInputs(metric = "sessions")
    expect_identical(output$value_sessions, "20")
    expect_identical(output$change_sessions, "+100.0% vs 10")
    expect_identical(output$value_users, "3")
    expect_identical(output$value_page_views, "60")
    expect_identical(output$value_bounce_rate, "40.0%")
    expect_identical(output$change_bounce_rate, "+10.0 pts vs 30.0%")
    expect_identical(output$value_engaged_rate, "50.0%")
    expect_identical(output$change_engaged_rate, "\u00b10.0 pts vs 50.0%")
    expect_identical(output$value_conversion_rate, "15.0%")
    expect_identical(output$value_orders, "3")
    expect_identical(output$value_revenue_cents, "$350.00")
    expect_identical(output$change_revenue_cents, "+600.0% vs $50.00")
    expect_identical(output$value_average_order_cents, "$116.67")
    expect_identical(output$periods, "2001-03-01 to 2001-03-05, compared with 2001-02-24 to 2001-02-28.")
    expect_equal(trend_series(daily(), previous_daily(), metric())$previous, c(0, 4, 0, 6, 0))
    trend <- jsonlite::fromJSON(output$trend, simplifyVector = FALSE)
    expect_identical(trend$x$data[[1]]$name, "This period")
    expect_identical(trend$x$data[[2]]$name, "Previous period")

    # A new range queries again.
    before <- counter$n
    ctx$range(list(from = as.Date("2001-03-03"), to = as.Date("2001-03-03")))
    session$flushReact()
    expect_identical(output$value_sessions, "5")
    expect_identical(output$change_sessions, "no comparison vs 0")
    expect_gt(counter$n, before)

    # The same inputs and run again: the cache answers, no query.
    before <- counter$n
    ctx$range(list(from = as.Date("2001-03-01"), to = as.Date("2001-03-05")))
    session$flushReact()
    expect_identical(output$value_sessions, "20")
    expect_identical(counter$n, before)
  })
})

test_that("top products: a plain table with product ids, ranks and counts", {
  con <- local_warehouse()
  seed_warehouse(con)
  ctx <- test_ctx(con)
  shiny::testServer(mod_top_products_server, args = list(ctx = ctx), {
    session$setInputs(limit = "10")
    html <- output$table$html
    expect_match(html, 'data-product-id="p-alpha"', fixed = TRUE)
    expect_match(html, "ghost-404", fixed = TRUE)
    expect_false(grepl("Gamma Monitor", html, fixed = TRUE)) # no views
    # rank, product (row header), brand, category, views, adds to cart, units sold
    expect_match(html, paste0('<td class="text-end">1</td>\\s*<th scope="row">Alpha Laptop 14</th>\\s*',
                              '<td>Acme</td>\\s*<td>Laptops</td>\\s*<td class="text-end">10</td>\\s*',
                              '<td class="text-end">3</td>\\s*<td class="text-end">2</td>'))
    ctx$category("Keyboards")
    session$flushReact()
    expect_false(grepl("Alpha Laptop 14", output$table$html, fixed = TRUE))
    expect_match(output$table$html, "Beta Keyboard", fixed = TRUE)
  })
})

test_that("funnel: steps for the chosen category and checkout abandonment", {
  con <- local_warehouse()
  seed_warehouse(con)
  ctx <- test_ctx(con)
  shiny::testServer(mod_funnel_server, args = list(ctx = ctx), {
    expect_equal(steps()$sessions_through, c(15, 10, 5, 4, 3, 2))
    expect_match(output$caption, "all products")
    checkout_html <- output$checkout$html
    expect_match(checkout_html, "60.0%", fixed = TRUE)
    expect_match(checkout_html, "$199.99", fixed = TRUE)
    ctx$category("Laptops")
    session$flushReact()
    expect_equal(steps()$sessions_through, c(6, 5, 2, 1, 0, 0))
    expect_match(output$caption, "category Laptops")
    expect_type(output$steps, "character")
  })
})

test_that("products: the table and the drill-down into the selected product", {
  con <- local_warehouse()
  seed_warehouse(con)
  ctx <- test_ctx(con)
  shiny::testServer(mod_products_server, args = list(ctx = ctx), {
    expect_identical(rows()$product_id, c("p-alpha", "p-beta", "ghost-404", "p-gamma"))
    expect_type(output$table, "character")
    expect_identical(output$selected, "Select a product in the table above.")
    session$setInputs(table_rows_selected = 2L)
    expect_identical(selected()$product_id, "p-beta")
    expect_match(output$selected, "^Beta Keyboard \\(Keyco, Keyboards\\): 6 views, 1 units sold, \\$50.00\\.$")
    expect_equal(daily()$views, c(6, 0, 0, 0, 0))
  })
})

test_that("search: totals, top and zero-result queries, shown as text", {
  con <- local_warehouse()
  seed_warehouse(con)
  ctx <- test_ctx(con)
  shiny::testServer(mod_search_server, args = list(ctx = ctx), {
    expect_match(output$totals$html, "28.0%", fixed = TRUE)
    expect_identical(top()$query[1], "laptop")
    expect_identical(zero()$query[1], "rtx 5090")
    expect_true("<script>alert(1)</script>" %in% zero()$query)
    expect_type(output$top, "character")
    expect_type(output$zero, "character")
  })
})

test_that("acquisition: the chosen dimension, '' shown as (none)", {
  con <- local_warehouse()
  seed_warehouse(con)
  ctx <- test_ctx(con)
  shiny::testServer(mod_acquisition_server, args = list(ctx = ctx), {
    session$setInputs(by = "channel")
    expect_identical(rows()$value, c("direct", "paid_search", "organic_search", "email"))
    session$setInputs(by = "utm_campaign")
    expect_identical(rows()$value, c("", "spring"))
    expect_identical(shown()$value, c("(none)", "spring"))
    expect_type(output$table, "character")
    session$setInputs(by = "not-a-column")
    expect_identical(by(), "channel")
  })
})

test_that("paths and technology", {
  con <- local_warehouse()
  seed_warehouse(con)
  ctx <- test_ctx(con)
  shiny::testServer(mod_paths_server, args = list(ctx = ctx), {
    session$setInputs(kind = "exit")
    expect_identical(rows()$path, "/checkout/done")
    session$setInputs(kind = "entry")
    expect_equal(rows()$sessions, c(8, 3, 1))
  })
  shiny::testServer(mod_technology_server, args = list(ctx = ctx), {
    expect_identical(shown$browser_name()$value, c("Chrome", "Safari", "(unknown)"))
    expect_identical(shown$device_type()$value, c("desktop", "mobile", "tablet"))
    expect_equal(shown$os_name()$sessions, c(2, 2, 1))
    expect_type(output$os_name, "character")
  })
})

test_that("data health: runs, checks, reconciliation, daily shares and the privacy log", {
  con <- local_warehouse()
  seed_warehouse(con)
  runs <- seed_runs(con)
  seed_privacy(con)
  ctx <- test_ctx(con)
  now <- function() as.POSIXct("2001-03-05 14:10:30", tz = "UTC")
  shiny::testServer(mod_health_server, args = list(ctx = ctx, now = now), {
    expect_identical(shown_runs()$status, c("failed", "abandoned", "succeeded", "succeeded"))
    expect_identical(shown_runs()$ago[1], "10 min")
    expect_type(output$runs, "character")
    expect_match(output$checks_note$html, "2 failing checks in run #")
    expect_match(output$reconciliation_note$html, "reconciled 3 days at 2001-03-05 12:00 UTC: 25 objects listed, 3 objects")
    expect_equal(daily()$bot_share, c(2 / 12, NA, 0, NA, 3 / 8))
    expect_identical(privacy()$action, c("retention", "erase"))
    expect_type(output$privacy, "character")
  })
})

test_that("a failing query shows a short message in its own panel, not the error", {
  con <- local_warehouse()
  seed_warehouse(con)
  ctx <- test_ctx(con)
  broken <- ctx
  broken$run_query <- function(fn) stop("could not connect reader@10.0.0.5:5432")
  expect_message(shiny::testServer(mod_search_server, args = list(ctx = broken), {
    expect_error(output$top, "Could not load the top queries from the warehouse")
    expect_error(output$totals, "Could not load the search totals")
    expect_false(grepl("10.0.0.5", tryCatch(output$top, error = conditionMessage), fixed = TRUE))
  }), "could not connect")
  # The other views keep working with their own (working) queries.
  shiny::testServer(mod_paths_server, args = list(ctx = ctx), {
    session$setInputs(kind = "entry")
    expect_equal(rows()$sessions, c(8, 3, 1))
  })
})

test_that("tables escape what shoppers typed and format numbers on the client", {
  rows <- data.frame(query = c("<script>alert(1)</script>", "<b>bold</b>"), searches = c(1234, 2),
                     click_rate = c(0.5, 0.25), revenue_cents = c(12345, 0), stringsAsFactors = FALSE)
  table <- dt_table(rows, c(query = "Query", searches = "Searches", click_rate = "Click", revenue_cents = "Revenue"),
                    counts = "searches", rates = "click_rate", money = "revenue_cents")
  # escape = TRUE: DT escapes every column when it sends the rows (server mode) or draws them.
  expect_identical(attr(table$x$options, "escapeIdx"), "true")
  expect_identical(DT:::escapeData(table$x$data, TRUE, names(table$x$data))$query,
                   c("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;b&gt;bold&lt;/b&gt;"))
  expect_equal(table$x$data$revenue_cents, c(123.45, 0))
  expect_match(paste(unlist(table$x$options$columnDefs), collapse = " "), "formatCurrency")
})

test_that("a failure is not cached: the next session asking the same queries again", {
  con <- local_warehouse()
  seed_warehouse(con)
  cache <- success_only_cache()
  down <- TRUE
  run_query <- function(fn) if (down) stop("the warehouse is restarting") else fn(con)
  first <- test_ctx(con, cache = cache)
  first$run_query <- run_query
  expect_message(shiny::testServer(mod_paths_server, args = list(ctx = first), {
    session$setInputs(kind = "entry")
    expect_error(rows(), "Could not load the pages and paths")
  }), "restarting")
  down <- FALSE
  second <- test_ctx(con, cache = cache)
  second$run_query <- run_query
  shiny::testServer(mod_paths_server, args = list(ctx = second), {
    session$setInputs(kind = "entry")
    expect_equal(rows()$sessions, c(8, 3, 1))
  })
  expect_true(cache$size() >= 1L)
})
