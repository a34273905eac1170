# realtime_*() against events seeded around 2001-03-05 12:30 (seed_events()).

NOW <- as.POSIXct("2001-03-05 12:30:20", tz = "UTC")

test_that("the window counts visitors and events of people, by minute, and says how fresh the data is", {
  con <- local_warehouse()
  seed_events(con)

  summary <- realtime_summary(con, now = NOW)
  # Visitors 1, 2 and 3 (the bot and the event before 12:01 are out); 1 is signed in.
  expect_equal(summary$visitors, 3)
  expect_equal(summary$events, 6)
  expect_equal(summary$page_views, 3)
  expect_equal(summary$signed_in_visitors, 1)
  expect_equal(summary$newest_event_at, as.POSIXct("2001-03-05 12:30:10", tz = "UTC"))

  minutes <- realtime_minutes(con, now = NOW)
  expect_equal(nrow(minutes), 30L)
  expect_equal(minutes$minute[1], as.POSIXct("2001-03-05 12:01:00", tz = "UTC"))
  expect_equal(minutes$minute[30], as.POSIXct("2001-03-05 12:30:00", tz = "UTC"))
  busy <- minutes[minutes$events > 0, ]
  expect_equal(format(busy$minute, "%H:%M", tz = "UTC"), c("12:10", "12:11", "12:15", "12:29", "12:30"))
  expect_equal(busy$events, c(1, 2, 1, 1, 1))
  expect_equal(busy$visitors, c(1, 1, 1, 1, 1))

  # A shorter window ending at the same minute.
  expect_equal(realtime_summary(con, now = NOW, minutes = 5L)$visitors, 1)
  expect_error(realtime_minutes(con, now = NOW, minutes = 0), "minutes")
  expect_error(realtime_minutes(con, now = "12:30"), "now")
})

test_that("each visitor is on their newest page; products count viewers, views and adds to cart", {
  con <- local_warehouse()
  seed_warehouse(con)
  seed_events(con)

  expect_equal(realtime_pages(con, now = NOW),
               data.frame(page_path = c("/cart", "/products/p-alpha"), visitors = c(1, 1)))
  products <- realtime_products(con, now = NOW)
  expect_equal(products$product_id, c("p-alpha", "p-beta"))
  expect_equal(products$name, c("Alpha Laptop 14", "Beta Keyboard"))
  expect_equal(products$viewers, c(1, 1))
  expect_equal(products$add_to_carts, c(1, 0))
})

test_that("an empty warehouse gives a quiet window, not an error", {
  con <- local_warehouse()
  expect_equal(sum(realtime_minutes(con, now = NOW)$events), 0)
  expect_true(is.na(realtime_summary(con, now = NOW)$newest_event_at))
  expect_equal(nrow(realtime_pages(con, now = NOW)), 0L)
})

test_that("without a time the window ends at the warehouse's now", {
  con <- local_warehouse()
  seed_events(con)
  minutes <- realtime_minutes(con)
  expect_equal(nrow(minutes), 30L)
  expect_lt(abs(as.numeric(difftime(minutes$minute[30], Sys.time(), units = "mins"))), 2)
  expect_equal(sum(minutes$events), 0)
})
