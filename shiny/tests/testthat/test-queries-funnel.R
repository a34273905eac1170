# funnel_steps() and checkout_abandonment() against the seeded warehouse.

test_that("the funnel sums sessions through each step over the range, with drop-off", {
  con <- local_warehouse()
  seed_warehouse(con)

  steps <- funnel_steps(con, "2001-03-01", "2001-03-05")
  expect_identical(steps$step, FUNNEL_STEPS$step)
  expect_identical(steps$label[1], "Saw a product list")
  # 03-01 + 03-03 (02-28 is outside)
  expect_equal(steps$sessions, c(15, 12, 6, 4, 3, 2))
  expect_equal(steps$sessions_through, c(15, 10, 5, 4, 3, 2))
  expect_equal(steps$share_of_first, c(15, 10, 5, 4, 3, 2) / 15)
  expect_equal(steps$drop_off, c(NA, 1 / 3, 0.5, 0.2, 0.25, 1 / 3))
})

test_that("a category has its own funnel; an unknown one is all zeros, still six steps", {
  con <- local_warehouse()
  seed_warehouse(con)

  laptops <- funnel_steps(con, "2001-03-01", "2001-03-05", "Laptops")
  expect_equal(laptops$sessions_through, c(6, 5, 2, 1, 0, 0))
  # after an empty step the drop-off is unknown
  expect_equal(laptops$drop_off, c(NA, 1 / 6, 0.6, 0.5, 1, NA))

  none <- funnel_steps(con, "2001-03-01", "2001-03-05", "Toasters'; --")
  expect_identical(nrow(none), 6L)
  expect_equal(none$sessions, rep(0, 6))
  expect_true(all(is.na(none$drop_off)))
  expect_error(funnel_steps(con, "2001-03-01", "2001-03-05", ""), "category")
})

test_that("checkout abandonment sums the range", {
  con <- local_warehouse()
  seed_warehouse(con)

  row <- checkout_abandonment(con, "2001-03-01", "2001-03-05")
  expect_equal(row, data.frame(began_checkout = 5, added_shipping = 3, purchased = 2, abandoned = 3,
                               abandoned_value_cents = 19999, abandonment_rate = 0.6))
  expect_true(is.na(checkout_abandonment(con, "2001-03-02", "2001-03-02")$abandonment_rate))
  expect_equal(checkout_abandonment(con, "2001-03-06", "2001-03-06")$abandonment_rate, 0)
})

test_that("the funnel day by day: sessions through each step, zeros on quiet days", {
  con <- local_warehouse()
  seed_warehouse(con)
  daily <- funnel_daily(con, "2001-03-01", "2001-03-03")
  expect_identical(daily$day, as.Date("2001-03-01") + 0:2)
  expect_equal(daily$step_1, c(10, 0, 5))
  expect_equal(daily$step_6, c(2, 0, 0))
  expect_equal(daily$completion_rate, c(0.2, NA, 0))
  laptops <- funnel_daily(con, "2001-03-01", "2001-03-01", category = "Laptops")
  expect_equal(unlist(laptops[1, paste0("step_", 1:6)], use.names = FALSE), c(6, 5, 2, 1, 0, 0))
  expect_equal(funnel_daily(con, "2001-03-01", "2001-03-01", login_state = "signed_in")$step_6, 2)
})
