# The app builds, its page references no outside resources, and its server renders the
# fixture through the modules.

test_that("shinyAppDir builds the app object from app.R", {
  app <- shiny::shinyAppDir(APP_DIR)
  expect_s3_class(app, "shiny.appobj")
  expect_true(is.function(app$serverFuncSource()))
})

test_that("the page renders with its inputs and outputs and loads nothing from the internet", {
  app <- shiny::shinyAppDir(APP_DIR)
  response <- app$httpHandler(list(
    REQUEST_METHOD = "GET", PATH_INFO = "/", QUERY_STRING = "", HTTP_HOST = "127.0.0.1",
    SCRIPT_NAME = "", rook.input = NULL
  ))
  expect_equal(response$status, 200)
  html <- paste(response$content, collapse = "\n")
  for (id in c("range", "refresh", "header-page_views", "header-freshness", "page_views-chart",
               "page_views-table", "top_products-table", "top_products-limit")) {
    expect_match(html, sprintf('id="%s"', id), fixed = TRUE)
  }
  expect_match(html, "compushop analytics", fixed = TRUE)
  expect_match(html, '<html lang="en">', fixed = TRUE)
  # Every script, stylesheet and font comes from the app itself.
  refs <- regmatches(html, gregexpr('(src|href)="[^"]*"', html))[[1]]
  expect_gt(length(refs), 3)
  expect_false(any(grepl('="(https?:)?//', refs)), info = paste(refs, collapse = " "))
})

test_that("the default range is the last 30 UTC days", {
  range <- default_range(30L, now = as.POSIXct("2001-03-05 23:30:00", tz = "UTC"))
  expect_identical(range, list(from = as.Date("2001-02-04"), to = as.Date("2001-03-05")))
  # 23:30 in New York on 03-04 is already 03-05 in UTC
  expect_identical(today_utc(as.POSIXct("2001-03-04 23:30:00", tz = "America/New_York")),
                   as.Date("2001-03-05"))
})

test_that("the server renders KPIs, the daily table and the top products from the warehouse", {
  con <- local_warehouse()
  insert_fixture(con)
  db_query(con, "DELETE FROM etl_object_manifest")
  db_query(con, "DELETE FROM etl_run")
  db_query(con, "
    INSERT INTO etl_run (started_at, finished_at, status, objects_loaded, events_loaded)
    VALUES ('2001-03-06T00:00:00Z', '2001-03-06T00:00:05Z', 'succeeded', 3, 25)")
  queries <- 0L
  run_query <- function(fn) {
    queries <<- queries + 1L
    fn(con)
  }

  shiny::testServer(dashboard_server(run_query), {
    session$setInputs(range = as.Date(c("2001-03-01", "2001-03-05")), refresh = 0,
                      `top_products-limit` = "10")

    expect_identical(output[["header-page_views"]], "9")
    expect_identical(output[["header-visitors"]], "3")
    expect_identical(output[["header-product_views"]], "7")
    expect_match(output[["header-freshness"]],
                 "last ETL load at 2001-03-06 00:00 UTC .*: 3 raw objects, 25 events")

    products <- output[["top_products-table"]]$html
    expect_match(products, "Alpha Laptop 14", fixed = TRUE)
    expect_match(products, "ghost-404", fixed = TRUE)
    expect_match(products, 'data-product-id="p-beta"', fixed = TRUE)
    # name, brand, category, views, visitors in one row
    expect_match(products, "Alpha Laptop 14</th>\\s*<td>Acme</td>\\s*<td>Laptops</td>\\s*<td class=\"text-end\">3</td>")

    daily <- output[["page_views-table"]]$html
    expect_match(daily, "2001-03-02</th>\\s*<td class=\"text-end\">0</td>")
    expect_identical(lengths(regmatches(daily, gregexpr("<tr>", daily))), 6L) # header + 5 days

    chart <- output[["page_views-chart"]]
    expect_match(chart$src, "^data:image/png;base64,")
    expect_match(chart$alt, "9 page views in total; busiest day 2001-03-01 with 3")

    # The limit and the range flow into the queries.
    session$setInputs(`top_products-limit` = "25", range = as.Date(c("2001-03-05", "2001-03-05")))
    expect_match(output[["top_products-table"]]$html, "ghost-404", fixed = TRUE)
    expect_false(grepl("Alpha Laptop 14", output[["top_products-table"]]$html, fixed = TRUE))

    # The Refresh button queries again.
    before <- queries
    session$setInputs(refresh = 1)
    expect_identical(output[["header-page_views"]], "1")
    expect_gt(queries, before)

    # A reversed range shows a message instead of querying.
    session$setInputs(range = as.Date(c("2001-03-05", "2001-03-01")))
    expect_error(output[["top_products-table"]], "start date must be on or before")
  })
})

test_that("the timer re-queries every 30 s, so a new ETL pass shows without a reload", {
  con <- local_warehouse()
  insert_fixture(con)
  shiny::testServer(dashboard_server(function(fn) fn(con)), {
    session$setInputs(range = as.Date(c("2001-03-01", "2001-03-05")), refresh = 0,
                      `top_products-limit` = "10")
    expect_identical(output[["header-page_views"]], "9")
    insert_event(con, "2001-03-02", "page_view", VISITOR[["A"]], SESSION[["s1"]], "/")
    session$elapse(29000)
    expect_identical(output[["header-page_views"]], "9")
    session$elapse(1500)
    expect_identical(output[["header-page_views"]], "10")
  })
})

test_that("a failing warehouse shows a short message, not the error", {
  failing <- function(fn) stop("could not connect reader@10.0.0.5:5432")
  shiny::testServer(dashboard_server(failing), {
    session$setInputs(range = as.Date(c("2001-03-01", "2001-03-05")), refresh = 0,
                      `top_products-limit` = "10")
    expect_error(output[["top_products-table"]], "Could not load the top products from the warehouse")
    expect_error(output[["header-freshness"]], "Could not load the ETL status")
  }) |> expect_message("could not connect")
})
