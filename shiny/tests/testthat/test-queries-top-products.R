# top_viewed_products() against the real warehouse; fixture rows are rolled back after each test.

test_that("products are ordered by views, then by name, with distinct visitors over the range", {
  con <- local_warehouse()
  insert_fixture(con)

  rows <- top_viewed_products(con, as.Date("2001-03-01"), as.Date("2001-03-05"))
  expect_equal(rows, data.frame(
    product_id = c("p-alpha", "p-beta", "ghost-404"),
    name = c("Alpha Laptop 14", "Beta Keyboard", "ghost-404"),
    brand = c("Acme", "Keyco", NA),
    category = c("Laptops", "Keyboards", NA),
    views = c(3, 2, 2),
    # p-alpha: A on two days and C once -> 2 visitors (not 1 + 2 summed per day)
    visitors = c(2, 1, 2)
  ))
})

test_that("a product missing from dim_product is named by its product_id", {
  con <- local_warehouse()
  insert_fixture(con)

  rows <- top_viewed_products(con, as.Date("2001-03-05"), as.Date("2001-03-05"))
  expect_identical(rows$product_id, "ghost-404")
  expect_identical(rows$name, "ghost-404")
  expect_true(is.na(rows$brand) && is.na(rows$category))
})

test_that("the limit keeps the first rows of the ordering", {
  con <- local_warehouse()
  insert_fixture(con)

  expect_identical(top_viewed_products(con, as.Date("2001-03-01"), as.Date("2001-03-05"), limit = 2)$product_id,
                   c("p-alpha", "p-beta"))
  expect_identical(top_viewed_products(con, as.Date("2001-03-01"), as.Date("2001-03-05"), limit = 1L)$product_id,
                   "p-alpha")
  expect_error(top_viewed_products(con, as.Date("2001-03-01"), as.Date("2001-03-05"), limit = 0), "limit")
  expect_error(top_viewed_products(con, as.Date("2001-03-01"), as.Date("2001-03-05"), limit = 2.5), "limit")
  expect_error(top_viewed_products(con, as.Date("2001-03-01"), as.Date("2001-03-05"), limit = "10; --"), "limit")
})

test_that("both ends of the range are inclusive, and views outside it do not count", {
  con <- local_warehouse()
  insert_fixture(con)

  # 02-28 adds p-gamma; 03-06 adds a third p-beta view, tying p-alpha: the name decides.
  rows <- top_viewed_products(con, as.Date("2001-02-28"), as.Date("2001-03-06"))
  expect_identical(rows$product_id, c("p-alpha", "p-beta", "ghost-404", "p-gamma"))
  expect_equal(rows$views, c(3, 3, 2, 1))
  expect_equal(rows$visitors, c(2, 2, 2, 1))

  rows <- top_viewed_products(con, as.Date("2001-03-03"), as.Date("2001-03-03"))
  expect_identical(rows$product_id, c("p-alpha", "ghost-404"))
  expect_equal(rows$views, c(2, 1))
})

test_that("page views of product pages are not product views, and an empty range has the same columns", {
  con <- local_warehouse()
  insert_fixture(con)
  insert_event(con, "2001-03-02", "page_view", VISITOR[["A"]], SESSION[["s1"]], "/products/p-alpha")

  rows <- top_viewed_products(con, as.Date("2001-03-02"), as.Date("2001-03-02"))
  expect_identical(nrow(rows), 0L)
  expect_identical(names(rows), c("product_id", "name", "brand", "category", "views", "visitors"))
  expect_type(rows$name, "character")
  expect_type(rows$views, "double")
})
