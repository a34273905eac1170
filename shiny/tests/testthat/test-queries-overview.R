# overview_totals(), overview_daily() and compare_periods() against the seeded warehouse.

test_that("the totals sum the days of the range; users are distinct over it, bots left out", {
  con <- local_warehouse()
  seed_warehouse(con)

  totals <- overview_totals(con, as.Date("2001-03-01"), as.Date("2001-03-05"))
  # sessions 10+5+5, page views 30+20+10, bounced 4+1+3, engaged 5+3+2, converted 2+1+0,
  # orders 2+1+0, revenue 25000+10000+0; users: visitor 1, user u-1 (visitors 2 and 3) and
  # visitor 5 (visitor 4 is a bot) = 3, not 8+4+5 summed per day.
  expect_equal(totals, data.frame(sessions = 20, users = 3, page_views = 60, bounced_sessions = 8,
                                  engaged_sessions = 10, converted_sessions = 3, orders = 3,
                                  revenue_cents = 35000))
  previous <- overview_totals(con, "2001-02-24", "2001-02-28")
  expect_equal(previous, data.frame(sessions = 10, users = 1, page_views = 22, bounced_sessions = 3,
                                    engaged_sessions = 5, converted_sessions = 1, orders = 1,
                                    revenue_cents = 5000))
  empty <- overview_totals(con, "1999-01-01", "1999-01-31")
  expect_equal(unlist(empty), c(sessions = 0, users = 0, page_views = 0, bounced_sessions = 0,
                                engaged_sessions = 0, converted_sessions = 0, orders = 0, revenue_cents = 0))
})

test_that("every day of the range has a row, days without data are zeros", {
  con <- local_warehouse()
  seed_warehouse(con)

  daily <- overview_daily(con, "2001-03-01", "2001-03-05")
  expect_identical(daily$day, as.Date("2001-03-01") + 0:4)
  expect_equal(daily$sessions, c(10, 0, 5, 0, 5))
  expect_equal(daily$users, c(8, 0, 4, 0, 5))
  expect_equal(daily$revenue_cents, c(25000, 0, 10000, 0, 0))
  expect_equal(with_rates(daily)$conversion_rate, c(0.2, NA, 0.2, NA, 0))
})

test_that("each KPI is compared with the previous period", {
  con <- local_warehouse()
  seed_warehouse(con)

  c <- compare_periods(overview_totals(con, "2001-03-01", "2001-03-05"),
                       overview_totals(con, "2001-02-24", "2001-02-28"))
  expect_identical(c$metric, OVERVIEW_METRICS$metric)
  # bounce 8/20 vs 3/10, engaged 10/20 vs 5/10, conversion 3/20 vs 1/10, AOV 35000/3 vs 5000/1
  expect_equal(c$current, c(20, 3, 60, 0.4, 0.5, 0.15, 3, 35000, 35000 / 3))
  expect_equal(c$previous, c(10, 1, 22, 0.3, 0.5, 0.1, 1, 5000, 5000))
  expect_equal(c$change, c(1, 2, 60 / 22 - 1, 0.1, 0, 0.05, 2, 6, 35000 / 15000 - 1))

  # Nothing before: no relative change, and rates of no sessions are unknown.
  c <- compare_periods(overview_totals(con, "2001-03-01", "2001-03-05"),
                       overview_totals(con, "1999-01-01", "1999-01-05"))
  expect_true(all(is.na(c$change)))
  expect_identical(format_metric(c$previous[4], "rate"), "\u2014")
})

test_that("the trend puts the previous period's n-th day beside the current n-th day", {
  con <- local_warehouse()
  seed_warehouse(con)

  s <- trend_series(overview_daily(con, "2001-03-01", "2001-03-05"),
                    overview_daily(con, "2001-02-24", "2001-02-28"), "sessions")
  expect_equal(s$current, c(10, 0, 5, 0, 5))
  expect_equal(s$previous, c(0, 4, 0, 6, 0))
  expect_identical(s$previous_day, as.Date("2001-02-24") + 0:4)
})

test_that("bad arguments are refused before any SQL", {
  con <- local_warehouse()
  expect_error(overview_totals(con, "2001-03-05", "2001-03-01"), "`from` must be on or before `to`")
  expect_error(overview_daily(con, "2001-03-01'; DROP TABLE agg_daily_kpi; --", "2001-03-02"), "must be a Date")
  expect_error(overview_daily(con, as.Date(NA), "2001-03-02"), "not a valid date")
  expect_error(overview_daily(con, "1990-01-01", "2001-01-01"), "limited to")
})
