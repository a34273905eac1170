# The Realtime, Retention and Events modules and the login-state filter with shiny::testServer,
# over the seeded warehouse.

test_that("realtime: the window's numbers, minute chart and tables; a new minute queries again", {
  con <- local_warehouse()
  seed_warehouse(con)
  seed_events(con)
  counter <- new.env()
  ctx <- test_ctx(con, counter = counter)
  clock <- shiny::reactiveVal(as.POSIXct("2001-03-05 12:30:20", tz = "UTC"))
  shiny::testServer(mod_realtime_server, args = list(ctx = ctx, now = function() clock(), refresh_ms = 3600000L), {
    session$flushReact()
    expect_equal(summary()$visitors, 3)
    expect_match(as.character(output$summary$html), "12:30:10 UTC", fixed = TRUE)
    chart <- jsonlite::fromJSON(output$minutes_chart, simplifyVector = FALSE)
    expect_identical(vapply(chart$x$data, function(t) t$name, ""), c("Events", "Visitors"))
    expect_equal(pages()$page_path, c("/cart", "/products/p-alpha"))
    expect_equal(products()$name, c("Alpha Laptop 14", "Beta Keyboard"))
    expect_match(output$products, "Added to cart", fixed = TRUE)

    # The same minute: served from the cache. The next: queried again, the window moves on.
    before <- counter$n
    clock(as.POSIXct("2001-03-05 12:30:50", tz = "UTC"))
    session$flushReact()
    expect_identical(counter$n, before)
    clock(as.POSIXct("2001-03-05 12:45:00", tz = "UTC"))
    session$flushReact()
    expect_gt(counter$n, before)
    expect_equal(summary()$visitors, 1) # only visitor 2 was seen after 12:16
  })
})

test_that("retention: the cohort table and chart for the chosen number of weeks", {
  con <- local_warehouse()
  seed_event_counts_and_cohorts(con)
  ctx <- test_ctx(con)
  shiny::testServer(mod_retention_server, args = list(ctx = ctx, today = function() as.Date("2001-03-20")), {
    session$setInputs(weeks = "4")
    expect_equal(unique(format(rows()$cohort_week)), c("2001-02-26", "2001-03-05"))
    expect_match(output$table, "Week 4", fixed = TRUE)
    expect_equal(retention_matrix(rows(), 4L)[["Week 1"]], c(2 / 3, 1))
    session$setInputs(weeks = "12")
    expect_equal(max(rows()$week_number), 3L) # later weeks have not begun on 03-20
    session$setInputs(weeks = "<script>")
    expect_equal(max(rows()$week_number), 3L)
  })
})

test_that("events: counts follow the login state; the sample pages and filters by name", {
  con <- local_warehouse()
  seed_events(con)
  seed_event_counts_and_cohorts(con)
  ctx <- test_ctx(con, from = "2001-03-01", to = "2001-03-05")
  shiny::testServer(mod_events_server, args = list(ctx = ctx, page_size = 3L), {
    session$setInputs(event_name = "")
    expect_equal(counts()$events, c(120, 30, 3))
    expect_equal(sample()$event_name, c("add_to_cart", "page_view", "page_view"))
    expect_identical(output$page_label, "Page 1: events 1 to 3")
    session$setInputs(older = 1)
    expect_identical(output$page_label, "Page 2: events 4 to 6")
    session$setInputs(older = 2)
    session$setInputs(older = 3) # page 3 holds the last 2: there is no page 4
    expect_identical(output$page_label, "Page 3: events 7 to 8")
    session$setInputs(newer = 1)
    expect_identical(output$page_label, "Page 2: events 4 to 6")

    # A filter starts from the newest page again.
    session$setInputs(event_name = "product_view")
    expect_identical(output$page_label, "Page 1: events 1 to 2")
    ctx$login_state("signed_in")
    session$flushReact()
    expect_equal(counts()$event_name, c("page_view", "purchase"))
    expect_equal(nrow(sample()), 0L)
  })
})

test_that("the login state reaches the overview, the funnel and technology", {
  con <- local_warehouse()
  seed_warehouse(con)
  ctx <- test_ctx(con, login_state = "signed_in")
  shiny::testServer(mod_overview_server, args = list(ctx = ctx), {
    session$setInputs(metric = "sessions")
    expect_identical(output$value_sessions, "3")
    expect_identical(output$value_users, "1")
    ctx$login_state("(all)")
    session$flushReact()
    expect_identical(output$value_sessions, "20")
  })
  shiny::testServer(mod_funnel_server, args = list(ctx = test_ctx(con, login_state = "signed_in")), {
    session$flushReact()
    expect_equal(steps()$sessions_through, c(3, 3, 2, 2, 2, 2))
  })
})

test_that("geography: the map and the table drill down country, region, city and back up", {
  con <- local_warehouse()
  seed_geography(con)
  ctx <- test_ctx(con)
  shiny::testServer(mod_geography_server, args = list(ctx = ctx), {
    session$flushReact()
    expect_identical(output$where, "All countries.")
    expect_equal(rows()$value, c("FR", "US", ""))
    expect_match(geography_alt(countries()), "France 8, United States 3", fixed = TRUE)
    expect_true(inherits(geography_map(countries()), "ggplot"))
    session$setInputs(table_rows_selected = 1L)
    expect_identical(output$where, "Regions of France.")
    expect_equal(rows()$value, c("\u00cele-de-France", "Bretagne"))
    session$setInputs(table_rows_selected = 1L)
    expect_identical(output$where, "Cities of \u00cele-de-France, France.")
    expect_equal(rows()$sessions, c(5, 2))
    session$setInputs(up = 1)
    expect_identical(output$where, "Regions of France.")
    session$setInputs(up = 2)
    expect_identical(output$where, "All countries.")
  })
})
