# search_queries() and search_totals() against the seeded warehouse.

test_that("queries total the range, most searched first, with their rates", {
  con <- local_warehouse()
  seed_warehouse(con)

  rows <- search_queries(con, "2001-03-01", "2001-03-05")
  expect_identical(rows$query, c("laptop", "monitor", "rtx 5090", "=cmd|' /C calc'!A0", "<script>alert(1)</script>"))
  expect_equal(rows$searches, c(15, 4, 3, 2, 1))
  expect_equal(rows$zero_result_searches, c(0, 1, 3, 2, 1))
  expect_equal(rows$click_rate, c(5 / 15, 0.5, 0, 0, 0))
  expect_equal(rows$purchase_rate, c(2 / 15, 0, 0, 0, 0))
  expect_equal(rows$zero_result_rate, c(0, 0.25, 1, 1, 1))
  expect_identical(search_queries(con, "2001-03-01", "2001-03-05", limit = 2)$query, c("laptop", "monitor"))
})

test_that("zero-result queries are those that found nothing, most such searches first", {
  con <- local_warehouse()
  seed_warehouse(con)

  rows <- search_queries(con, "2001-03-01", "2001-03-05", zero_results_only = TRUE)
  # monitor (1 of 4) before <script> (1 of 1): ties go to the more searched query
  expect_identical(rows$query, c("rtx 5090", "=cmd|' /C calc'!A0", "monitor", "<script>alert(1)</script>"))
  expect_equal(rows$zero_result_searches, c(3, 2, 1, 1))
})

test_that("the totals count every search of the range", {
  con <- local_warehouse()
  seed_warehouse(con)

  totals <- search_totals(con, "2001-03-01", "2001-03-05")
  expect_equal(totals$searches, 25)
  expect_equal(totals$queries, 5)
  expect_equal(totals$zero_result_searches, 7)
  expect_equal(totals$searches_with_click, 7) # laptop 4 + 1, monitor 2
  expect_equal(totals$searches_with_purchase, 2)
  expect_equal(c(totals$zero_result_rate, totals$click_rate, totals$purchase_rate), c(0.28, 0.28, 0.08))
  expect_true(is.na(search_totals(con, "1999-01-01", "1999-01-01")$click_rate))
})
