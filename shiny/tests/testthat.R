# Runs the dashboard's tests: Rscript shiny/tests/testthat.R (from any directory).
# The query tests need a migrated warehouse in WAREHOUSE_URL; `npm run test:r` starts a
# throwaway one and runs these same tests.

tests_dir <- local({
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(file_arg) == 1L) dirname(normalizePath(sub("^--file=", "", file_arg))) else "."
})
testthat::test_dir(file.path(tests_dir, "testthat"), stop_on_failure = TRUE)
