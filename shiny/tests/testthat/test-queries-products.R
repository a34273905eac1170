# product_performance(), top_products() and product_daily() against the seeded warehouse.

test_that("products total the range, most viewed first, with their rates", {
  con <- local_warehouse()
  seed_warehouse(con)

  rows <- product_performance(con, "2001-03-01", "2001-03-05")
  expect_identical(rows$product_id, c("p-alpha", "p-beta", "ghost-404", "p-gamma"))
  expect_identical(rows$name, c("Alpha Laptop 14", "Beta Keyboard", "ghost-404", "Gamma Monitor"))
  expect_identical(rows$brand, c("Acme", "Keyco", NA, "Viewit"))
  expect_identical(rows$category, c("Laptops", "Keyboards", NA, "Monitors"))
  expect_equal(rows$list_views, c(30, 40, 0, 5))
  expect_equal(rows$clicks, c(6, 4, 0, 0))
  expect_equal(rows$views, c(10, 6, 4, 0))
  expect_equal(rows$add_to_carts, c(3, 3, 0, 0))
  expect_equal(rows$orders, c(1, 1, 0, 0))
  expect_equal(rows$units_sold, c(2, 1, 0, 0))
  expect_equal(rows$revenue_cents, c(20000, 5000, 0, 0))
  expect_equal(rows$click_through, c(0.2, 0.1, NA, 0))
  expect_equal(rows$add_to_cart_rate, c(0.3, 0.5, 0, NA))
  expect_equal(rows$conversion, c(0.1, 1 / 6, 0, NA))
})

test_that("the category filter keeps that category's products", {
  con <- local_warehouse()
  seed_warehouse(con)

  expect_identical(product_performance(con, "2001-03-01", "2001-03-05", "Laptops")$product_id, "p-alpha")
  expect_identical(nrow(product_performance(con, "2001-03-01", "2001-03-05", "Toasters")), 0L)
  empty <- product_performance(con, "1999-01-01", "1999-01-02")
  expect_identical(names(empty)[1:4], c("product_id", "name", "brand", "category"))
  expect_type(empty$views, "double")
})

test_that("the top products have views and keep the first rows", {
  con <- local_warehouse()
  seed_warehouse(con)

  expect_identical(top_products(con, "2001-03-01", "2001-03-05")$product_id, c("p-alpha", "p-beta", "ghost-404"))
  expect_identical(top_products(con, "2001-03-01", "2001-03-05", limit = 2)$product_id, c("p-alpha", "p-beta"))
  # 02-28 adds 50 views to p-beta
  expect_identical(top_products(con, "2001-02-28", "2001-03-05", limit = 1)$product_id, "p-beta")
  expect_error(top_products(con, "2001-03-01", "2001-03-05", limit = 0), "limit")
  expect_error(top_products(con, "2001-03-01", "2001-03-05", limit = 2.5), "limit")
  expect_error(top_products(con, "2001-03-01", "2001-03-05", limit = "10; --"), "limit")
})

test_that("one product's days have a row each, zeros where nothing happened", {
  con <- local_warehouse()
  seed_warehouse(con)

  daily <- product_daily(con, "p-alpha", "2001-03-01", "2001-03-04")
  expect_identical(daily$day, as.Date("2001-03-01") + 0:3)
  expect_equal(daily$views, c(8, 0, 2, 0))
  expect_equal(daily$units_sold, c(2, 0, 0, 0))
  expect_equal(daily$revenue_cents, c(20000, 0, 0, 0))
  expect_equal(sum(product_daily(con, "nope", "2001-03-01", "2001-03-04")$views), 0)
  expect_error(product_daily(con, NA_character_, "2001-03-01", "2001-03-04"), "product_id")
})
