# retention_cohorts() and retention_matrix() against the seeded visitor weeks.

test_that("cohorts are the weeks of the range; each week counts the visitors back, until today", {
  con <- local_warehouse()
  seed_event_counts_and_cohorts(con)

  rows <- retention_cohorts(con, "2001-03-01", "2001-03-05", weeks = 3L, today = as.Date("2001-03-20"))
  # 2001-03-01 is in the week from 02-26: cohorts 02-26 (v1, v2, v3) and 03-05 (v4); v5 came first
  # on 02-19. The week from 03-26 has not begun on 03-20.
  expect_equal(format(rows$cohort_week), c(rep("2001-02-26", 4), rep("2001-03-05", 3)))
  expect_equal(rows$week_number, c(0:3, 0:2))
  expect_equal(rows$cohort_size, c(3, 3, 3, 3, 1, 1, 1))
  expect_equal(rows$visitors, c(3, 2, 0, 1, 1, 1, 0))
  expect_equal(rows$retention, c(1, 2 / 3, 0, 1 / 3, 1, 1, 0))

  matrix <- retention_matrix(rows, 3L)
  expect_equal(names(matrix), c("cohort_week", "cohort_size", "Week 0", "Week 1", "Week 2", "Week 3"))
  expect_equal(matrix[["Week 3"]], c(1 / 3, NA))
  expect_error(retention_cohorts(con, "2001-03-01", "2001-03-05", weeks = 27L), "limit")
})
