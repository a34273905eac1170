# page_paths() against the seeded warehouse.

test_that("entry pages total the range, with share, bounce and conversion rates", {
  con <- local_warehouse()
  seed_warehouse(con)

  rows <- page_paths(con, "2001-03-01", "2001-03-05", "entry")
  expect_identical(rows$path, c("/", "/products/p-alpha", "=HYPERLINK(\"http://x\")"))
  expect_equal(rows$sessions, c(8, 3, 1))
  expect_equal(rows$share, c(8, 3, 1) / 12)
  expect_equal(rows$bounce_rate, c(0.25, 1 / 3, 1))
  expect_equal(rows$conversion_rate, c(0.25, 0, 0))
  # the share is of all entry sessions, also when the limit cuts rows
  expect_equal(page_paths(con, "2001-03-01", "2001-03-05", "entry", limit = 1)$share, 8 / 12)
})

test_that("exit pages and paths are their own lists", {
  con <- local_warehouse()
  seed_warehouse(con)

  exits <- page_paths(con, "2001-03-01", "2001-03-05", "exit")
  expect_identical(exits$path, "/checkout/done")
  expect_equal(exits$conversion_rate, 1)
  paths <- page_paths(con, "2001-03-01", "2001-03-05", "path")
  expect_identical(paths$path, "/ \u2192 /products/p-alpha \u2192 /cart")
  expect_identical(nrow(page_paths(con, "2001-03-02", "2001-03-02", "entry")), 0L)
  expect_error(page_paths(con, "2001-03-01", "2001-03-05", "landing"), "must be one of")
})
