# The login-state filter through every query that takes it, against the seeded warehouse.

test_that("the overview follows the login state: sessions from the day's split, users from signed-in sessions", {
  con <- local_warehouse()
  seed_warehouse(con)

  signed_in <- overview_totals(con, "2001-03-01", "2001-03-05", login_state = "signed_in")
  # Only 03-01 has a signed-in row; user u-1 signed in on 03-01 and 03-03 (sessions 2 and 4).
  expect_equal(signed_in, data.frame(sessions = 3, users = 1, page_views = 12, bounced_sessions = 1,
                                     engaged_sessions = 2, converted_sessions = 2, orders = 2,
                                     revenue_cents = 25000))
  anonymous <- overview_totals(con, "2001-03-01", "2001-03-05", login_state = "anonymous")
  # Sessions 1 and 3 (visitor 1) and 6 (visitor 5); session 5 is a bot.
  expect_equal(anonymous$sessions, 7)
  expect_equal(anonymous$users, 2)
  expect_equal(overview_daily(con, "2001-03-01", "2001-03-03", login_state = "signed_in")$sessions, c(3, 0, 0))
  expect_error(overview_totals(con, "2001-03-01", "2001-03-05", login_state = "admins"), "login_state")
})

test_that("the funnel, checkout, acquisition and technology follow the login state", {
  con <- local_warehouse()
  seed_warehouse(con)

  funnel <- funnel_steps(con, "2001-03-01", "2001-03-05", login_state = "signed_in")
  expect_equal(funnel$sessions_through, c(3, 3, 2, 2, 2, 2))
  expect_equal(funnel$drop_off, c(NA, 0, 1 / 3, 0, 0, 0))
  # Nothing was seeded for anonymous sessions: six empty steps, not an error.
  expect_equal(funnel_steps(con, "2001-03-01", "2001-03-05", login_state = "anonymous")$sessions, rep(0, 6))

  checkout <- checkout_abandonment(con, "2001-03-01", "2001-03-05", login_state = "signed_in")
  expect_equal(checkout$began_checkout, 2)
  expect_equal(checkout$abandonment_rate, 0)

  channels <- acquisition(con, "2001-03-01", "2001-03-05", login_state = "signed_in")
  expect_equal(channels[, c("value", "sessions", "revenue_cents")],
               data.frame(value = "direct", sessions = 2, revenue_cents = 10000))

  devices <- technology(con, "2001-03-01", "2001-03-05", login_state = "signed_in")
  expect_equal(devices[, c("value", "sessions", "share")], data.frame(value = "mobile", sessions = 2, share = 1))
  anonymous_devices <- technology(con, "2001-03-01", "2001-03-05", login_state = "anonymous")
  expect_equal(sum(anonymous_devices$sessions), 3)
})
