# technology() against the seeded warehouse (fact_session joined with dim_device).

test_that("non-bot sessions by device type, browser and OS", {
  con <- local_warehouse()
  seed_warehouse(con)

  # sessions 1-6 of 03-01..03-05, less bot session 5
  type <- technology(con, "2001-03-01", "2001-03-05", "device_type")
  expect_identical(type$value, c("desktop", "mobile", "tablet"))
  expect_equal(type$sessions, c(2, 2, 1))
  expect_equal(type$share, c(0.4, 0.4, 0.2))
  expect_equal(type$bounce_rate, c(0, 1, 0))
  expect_equal(type$conversion_rate, c(0.5, 0, 0))
  expect_equal(type$revenue_cents, c(25000, 0, 0))

  browser <- technology(con, "2001-03-01", "2001-03-05", "browser_name")
  expect_identical(browser$value, c("Chrome", "Safari", ""))
  expect_equal(browser$sessions, c(2, 2, 1))
  os <- technology(con, "2001-03-01", "2001-03-05", "os_name")
  expect_identical(os$value, c("Android", "Windows", ""))

  # 02-27..03-06 adds sessions 7 and 8 on D1
  expect_equal(technology(con, "2001-02-27", "2001-03-06", "browser_name")$sessions, c(4, 2, 1))
  expect_identical(nrow(technology(con, "2001-03-02", "2001-03-02", "os_name")), 0L)
  expect_error(technology(con, "2001-03-01", "2001-03-05", "user_agent"), "must be one of")
})
