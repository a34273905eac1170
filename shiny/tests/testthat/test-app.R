# The app builds, its page has every view and references no outside resources, and the server
# wires the filters, the ETL poll and the cache to the views.

test_that("shinyAppDir builds the app object from app.R", {
  app <- shiny::shinyAppDir(APP_DIR)
  expect_s3_class(app, "shiny.appobj")
  expect_true(is.function(app$serverFuncSource()))
})

test_that("the page renders every view and loads nothing from the internet", {
  app <- shiny::shinyAppDir(APP_DIR)
  response <- app$httpHandler(list(
    REQUEST_METHOD = "GET", PATH_INFO = "/", QUERY_STRING = "", HTTP_HOST = "127.0.0.1",
    SCRIPT_NAME = "", rook.input = NULL
  ))
  expect_equal(response$status, 200)
  html <- paste(response$content, collapse = "\n")
  for (id in c("filters-preset", "filters-range", "filters-category", "freshness-freshness",
               "overview-value_sessions", "overview-change_sessions", "overview-trend",
               "overview-download_kpis", "top_products-table", "top_products-limit", "funnel-chart",
               "funnel-steps", "funnel-checkout", "products-table", "products-trend", "search-top",
               "search-zero", "acquisition-table", "acquisition-by", "paths-table", "paths-kind",
               "technology-device_type", "technology-browser_name", "technology-os_name",
               "health-runs", "health-checks", "health-reconciliation", "health-daily", "health-privacy",
               "health-download_privacy")) {
    expect_match(html, sprintf('id="%s"', id), fixed = TRUE)
  }
  for (view in c("Overview", "Realtime", "Funnel", "Products", "Search", "Acquisition", "Paths", "Geography",
                 "Technology", "Retention", "Events", "Data health")) {
    expect_match(html, sprintf(">%s</a>", view), fixed = TRUE)
  }
  for (preset in c("Last 7 days", "Last 30 days", "Last 90 days", "This month", "Custom")) {
    expect_match(html, preset, fixed = TRUE)
  }
  expect_match(html, "compushop analytics", fixed = TRUE)
  expect_match(html, '<html lang="en">', fixed = TRUE)
  # Every script, stylesheet and font comes from the app itself (links a person may follow, such
  # as the geography's attribution, are not loaded).
  refs <- c(regmatches(html, gregexpr('src="[^"]*"', html))[[1]],
            regmatches(html, gregexpr('<link[^>]*href="[^"]*"', html))[[1]])
  expect_gt(length(refs), 3)
  expect_false(any(grepl('="(https?:)?//', refs)), info = paste(refs, collapse = " "))
})

test_that("the page's default range is the last 30 UTC days", {
  html <- as.character(htmltools::renderTags(
    dashboard_ui(now = as.POSIXct("2001-03-05 23:30:00", tz = "UTC")))$html)
  expect_match(html, 'data-initial-date="2001-02-04"', fixed = TRUE)
  expect_match(html, 'data-initial-date="2001-03-05"', fixed = TRUE)
})

NOW <- function() as.POSIXct("2001-03-05 14:10:30", tz = "UTC")

test_that("the server shows the freshness line and the views, and re-queries only after a new ETL run", {
  con <- local_warehouse()
  seed_warehouse(con)
  runs <- seed_runs(con)
  queries <- 0L
  run_query <- function(fn) {
    queries <<- queries + 1L
    fn(con)
  }
  shiny::testServer(dashboard_server(run_query, cache = success_only_cache(), now = NOW), {
    session$setInputs(`filters-range` = as.Date(c("2001-03-01", "2001-03-05")),
                      `filters-preset` = "custom", `filters-category` = "(all)",
                      `overview-metric` = "sessions", `top_products-limit` = "10")
    expect_identical(run_id(), runs$b)
    expect_match(output$`freshness-freshness`,
                 sprintf("^Data as of ETL run #%s, which succeeded at 2001-03-05 12:00 UTC \\(lag 2 h 10 min\\).* run #%s started 2001-03-05 14:00 UTC failed: boom Checked 14:10:30 UTC\\.$",
                         runs$b, runs$d))
    expect_identical(output$`overview-value_sessions`, "20")
    expect_match(output$`top_products-table`$html, 'data-product-id="p-alpha"', fixed = TRUE)

    # New rows without a new succeeded run: the poll finds nothing new, nothing is re-queried.
    kpi(con, "2001-03-02", 100, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0)
    before <- queries
    session$elapse(15000)
    expect_identical(output$`overview-value_sessions`, "20")
    expect_identical(queries, before + 1L) # the poll's own query

    # A new run commits: the next poll sees it and the views query again.
    new_run <- insert_row(con, "etl_run", list(status = "succeeded", started_at = "2001-03-05T14:20:00Z",
                                               finished_at = "2001-03-05T14:20:05Z", objects_loaded = 1,
                                               events_loaded = 9))
    session$elapse(15000)
    expect_identical(run_id(), new_run)
    expect_identical(output$`overview-value_sessions`, "120")
    expect_match(output$`freshness-freshness`, sprintf("^Data as of ETL run #%s, .*: 1 raw object, 9 events\\. Checked", new_run))
  })
})

test_that("results are cached across sessions for the same inputs and run", {
  con <- local_warehouse()
  seed_warehouse(con)
  seed_runs(con)
  cache <- success_only_cache()
  queries <- 0L
  run_query <- function(fn) {
    queries <<- queries + 1L
    fn(con)
  }
  server <- dashboard_server(run_query, cache = cache, now = NOW)
  visit <- function() {
    shiny::testServer(server, {
      session$setInputs(`filters-range` = as.Date(c("2001-03-01", "2001-03-05")),
                        `filters-category` = "(all)", `top_products-limit` = "10")
      expect_identical(output$`overview-value_sessions`, "20")
      expect_match(output$`top_products-table`$html, "Alpha Laptop 14", fixed = TRUE)
    })
  }
  visit()
  first <- queries
  expect_gt(first, 3L)
  visit()
  # The second session ran only the poll's status query.
  expect_identical(queries - first, 1L)
})

test_that("the category choices come from the warehouse; the category reaches the views", {
  con <- local_warehouse()
  seed_warehouse(con)
  seed_runs(con)
  shiny::testServer(dashboard_server(function(fn) fn(con), now = NOW), {
    session$setInputs(`filters-range` = as.Date(c("2001-03-01", "2001-03-05")), `filters-category` = "(all)")
    expect_identical(categories(), c("Keyboards", "Laptops", "Monitors"))
    expect_identical(ctx$category(), "(all)")
    session$setInputs(`filters-category` = "Laptops")
    expect_identical(ctx$category(), "Laptops")
    session$setInputs(`filters-range` = as.Date(c("2001-03-05", "2001-03-01")))
    expect_error(ctx$range(), "start date must be on or before")
  })
  expect_identical(category_choices(c("Laptops", "(all)", "")),
                   c("All categories" = "(all)", Laptops = "Laptops"))
})

test_that("a warehouse that cannot be reached: the freshness line and each panel say so", {
  failing <- function(fn) stop("could not connect reader@10.0.0.5:5432")
  expect_message(shiny::testServer(dashboard_server(failing, now = NOW), {
    session$setInputs(`filters-range` = as.Date(c("2001-03-01", "2001-03-05")), `filters-category` = "(all)",
                      `top_products-limit` = "10")
    expect_error(output$`freshness-freshness`, "Could not load the ETL status")
    expect_error(output$`top_products-table`, "Could not load the top products from the warehouse")
    expect_error(output$`overview-value_sessions`, "Could not load the overview totals")
  }), "could not connect")
})
