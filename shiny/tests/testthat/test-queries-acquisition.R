# acquisition() against the seeded warehouse.

test_that("sessions by channel, with conversion rate and revenue", {
  con <- local_warehouse()
  seed_warehouse(con)

  rows <- acquisition(con, "2001-03-01", "2001-03-05", "channel")
  expect_identical(rows$value, c("direct", "paid_search", "organic_search", "email"))
  expect_equal(rows$sessions, c(8, 4, 3, 1))
  expect_equal(rows$converted_sessions, c(2, 0, 1, 0))
  expect_equal(rows$conversion_rate, c(0.25, 0, 1 / 3, 0))
  expect_equal(rows$bounce_rate, c(3 / 8, 0.5, 1 / 3, 0))
  expect_equal(rows$revenue_cents, c(15000, 0, 15000, 0))
})

test_that("referrers and UTM tags, '' where the session had none", {
  con <- local_warehouse()
  seed_warehouse(con)

  ref <- acquisition(con, "2001-03-01", "2001-03-05", "referrer_host")
  expect_identical(ref$value, c("", "google.com"))
  expect_equal(ref$sessions, c(9, 7))
  expect_equal(ref$revenue_cents, c(15000, 15000))
  source <- acquisition(con, "2001-03-01", "2001-03-05", "utm_source")
  expect_identical(source$value, c("", "google", "newsletter"))
  expect_equal(source$sessions, c(11, 4, 1))
  medium <- acquisition(con, "2001-03-01", "2001-03-05", "utm_medium")
  expect_identical(medium$value, c("", "cpc", "email"))
  campaign <- acquisition(con, "2001-03-01", "2001-03-05", "utm_campaign")
  expect_identical(campaign$value, c("", "spring"))
  expect_equal(campaign$sessions, c(11, 5))
  expect_equal(campaign$conversion_rate, c(3 / 11, 0))
  expect_error(acquisition(con, "2001-03-01", "2001-03-05", "channel; DROP TABLE x"), "must be one of")
})
