# event_counts(), event_names() and recent_events() against the seeded events.

test_that("events are counted by name, people apart from bots, split by login state", {
  con <- local_warehouse()
  seed_event_counts_and_cohorts(con)

  all <- event_counts(con, "2001-03-01", "2001-03-05")
  expect_equal(all$event_name, c("page_view", "search", "purchase"))
  expect_equal(all$events, c(120, 30, 3))
  expect_equal(all$signed_in_events, c(20, 0, 2))
  expect_equal(all$anonymous_events, c(100, 30, 1))
  expect_equal(all$server_events, c(0, 0, 3))
  expect_equal(all$bot_events, c(7, 0, 0))

  signed_in <- event_counts(con, "2001-03-01", "2001-03-05", login_state = "signed_in")
  expect_equal(signed_in[, c("event_name", "events", "bot_events")],
               data.frame(event_name = c("page_view", "purchase"), events = c(20, 2), bot_events = c(0, 0)))
  expect_equal(event_names(con, "2001-03-01", "2001-03-05"), c("page_view", "purchase", "search"))
})

test_that("the newest events come a page at a time, filtered by name and login state", {
  con <- local_warehouse()
  seed_events(con)

  newest <- recent_events(con, "2001-03-05", "2001-03-05")
  expect_equal(newest$seq, c(5L, 4L, 6L, 8L, 3L, 2L, 1L, 7L))
  expect_equal(newest$is_bot, c(FALSE, FALSE, TRUE, FALSE, FALSE, FALSE, FALSE, FALSE))
  expect_equal(newest$signed_in[1:2], c(TRUE, TRUE))
  expect_equal(recent_events(con, "2001-03-05", "2001-03-05", page = 2L, page_size = 3L)$seq, c(8L, 3L, 2L))
  expect_equal(recent_events(con, "2001-03-05", "2001-03-05", event_name = "page_view")$seq, c(4L, 6L, 2L, 1L, 7L))
  expect_equal(recent_events(con, "2001-03-05", "2001-03-05", login_state = "signed_in")$seq, c(5L, 4L))
  expect_equal(nrow(recent_events(con, "2001-03-04", "2001-03-04")), 0L)
  expect_error(recent_events(con, "2001-03-05", "2001-03-05", page_size = 500L), "limit")
})
