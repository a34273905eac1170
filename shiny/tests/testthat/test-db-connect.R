# Connects to the real warehouse with a password full of special characters, given
# percent-encoded in WAREHOUSE_URL, and checks the session settings the dashboard relies on.

test_that("a percent-encoded password with special characters connects", {
  base <- parse_warehouse_url(Sys.getenv("WAREHOUSE_URL"))
  admin <- warehouse_connect(base, read_only = FALSE)
  on.exit(DBI::dbDisconnect(admin), add = TRUE)

  role <- sprintf("shiny_test_%d", Sys.getpid())
  password <- "p@ss:w/rd %#?&='\"\\ ü"
  DBI::dbExecute(admin, sprintf("CREATE ROLE %s LOGIN PASSWORD %s",
                                DBI::dbQuoteIdentifier(admin, role), DBI::dbQuoteString(admin, password)))
  on.exit(DBI::dbExecute(admin, sprintf("DROP ROLE %s", DBI::dbQuoteIdentifier(admin, role))),
          add = TRUE, after = FALSE)

  encoded <- utils::URLencode(enc2utf8(password), reserved = TRUE)
  url <- sprintf("postgresql://%s:%s@%s:%d/%s", role, encoded, base$host, base$port,
                 utils::URLencode(base$dbname, reserved = TRUE))
  expect_false(grepl("@", sub("@[^@]*$", "", sub("^postgresql://", "", url)), fixed = TRUE))

  who <- with_warehouse(function(con) {
    db_query(con, "
      SELECT current_user AS who,
             current_setting('TimeZone') AS tz,
             current_setting('default_transaction_read_only') AS read_only,
             current_setting('application_name') AS app")
  }, config = parse_warehouse_url(url))
  expect_identical(who$who, role)
  expect_identical(who$tz, "UTC")
  expect_identical(who$read_only, "on")
  expect_identical(who$app, "compushop-shiny")
})

test_that("dashboard connections are read-only and closed after use", {
  config <- warehouse_config()
  expect_error(
    with_warehouse(function(con) db_query(con, "CREATE TEMP TABLE should_fail (a int)"), config),
    "read-only"
  )
  kept <- NULL
  with_warehouse(function(con) kept <<- con, config)
  expect_error(db_query(kept, "SELECT 1"))
})

test_that("a wrong password fails to connect", {
  config <- warehouse_config()
  config$password <- "definitely-not-the-password"
  expect_error(with_warehouse(function(con) NULL, config), "authentication failed")
})

test_that("one shared connection serves every query and is re-opened when it was lost", {
  config <- warehouse_config()
  warehouse <- shared_warehouse(config)
  on.exit(warehouse$close(), add = TRUE)

  pid <- function(con) db_query(con, "SELECT pg_backend_pid() AS pid")$pid
  first <- warehouse$run(pid)
  expect_identical(warehouse$run(pid), first)
  expect_identical(warehouse$connections_opened(), 1L)
  expect_identical(warehouse$run(function(con) db_query(con, "SHOW default_transaction_read_only")[[1]]), "on")

  # A query that fails on a live connection fails as it is, and the connection stays.
  expect_error(warehouse$run(function(con) db_query(con, "SELECT no_such_column FROM etl_run")), "no_such_column")
  expect_identical(warehouse$run(pid), first)
  expect_identical(warehouse$connections_opened(), 1L)

  # The warehouse ends the session (a restart, a fail-over, an idle timeout): the next query
  # notices, reconnects and succeeds.
  with_warehouse(function(admin) {
    db_query(admin, "SELECT pg_terminate_backend($1::integer)", params = list(first))
  }, config, read_only = FALSE)
  Sys.sleep(0.2)
  expect_message(second <- warehouse$run(pid), "connection was lost")
  expect_false(identical(second, first))
  expect_identical(warehouse$connections_opened(), 2L)
  expect_identical(warehouse$run(pid), second)
})

test_that("a warehouse that cannot be reached fails each query, and a later one connects", {
  attempts <- 0L
  config <- warehouse_config()
  warehouse <- shared_warehouse(connect = function() {
    attempts <<- attempts + 1L
    if (attempts == 1L) stop("could not connect") else warehouse_connect(config)
  })
  on.exit(warehouse$close(), add = TRUE)
  expect_error(warehouse$run(function(con) 1), "could not connect")
  expect_identical(warehouse$run(function(con) db_query(con, "SELECT 2 AS two")$two), 2L)
})
