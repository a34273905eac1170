test_that("a full URL is parsed and its parts are percent-decoded", {
  # password: p@ss:w/rd %#?&'"\ (each special character percent-encoded)
  url <- "postgresql://shop%20admin:p%40ss%3Aw%2Frd%20%25%23%3F%26%27%22%5C@db.internal.example:6543/ware%2Dhouse"
  config <- parse_warehouse_url(url)
  expect_s3_class(config, "warehouse_config")
  expect_identical(config$host, "db.internal.example")
  expect_identical(config$port, 6543L)
  expect_identical(config$user, "shop admin")
  expect_identical(config$password, "p@ss:w/rd %#?&'\"\\")
  expect_identical(config$dbname, "ware-house")
  expect_identical(config$options, character())
})

test_that("defaults and variants of the URL are accepted", {
  config <- parse_warehouse_url("postgres://reader@localhost/warehouse")
  expect_identical(config$port, 5432L)
  expect_identical(config$password, "")
  expect_identical(config$user, "reader")

  # An unencoded "@" in the password still parses: the last "@" ends the user info.
  expect_identical(parse_warehouse_url("postgresql://u:a@b@h:1/d")$password, "a@b")
  # A "+" is a plus, not a space.
  expect_identical(parse_warehouse_url("postgresql://u:a+b@h/d")$password, "a+b")

  ipv6 <- parse_warehouse_url("postgresql://u:p@[::1]:5433/d")
  expect_identical(ipv6$host, "::1")
  expect_identical(ipv6$port, 5433L)

  tls <- parse_warehouse_url("postgresql://u:p@h/d?sslmode=verify-full&sslrootcert=%2Fetc%2Fca.pem")
  expect_identical(tls$options, c(sslmode = "verify-full", sslrootcert = "/etc/ca.pem"))
})

test_that("invalid URLs fail with a clear message", {
  expect_error(parse_warehouse_url("mysql://u:p@h/d"), "must start with postgresql://")
  expect_error(parse_warehouse_url("postgresql://u:p@/d"), "no host")
  expect_error(parse_warehouse_url("postgresql://u:p@h:5432"), "no database name")
  expect_error(parse_warehouse_url("postgresql://u:p@h:5432/"), "no database name")
  expect_error(parse_warehouse_url("postgresql://h:5432/d"), "no user name")
  expect_error(parse_warehouse_url("postgresql://u:p@h:99999/d"), "invalid port")
  expect_error(parse_warehouse_url("postgresql://u:p@h:abc/d"), "invalid port")
  expect_error(parse_warehouse_url("postgresql://u:100%@h/d"), "percent-encoding")
  expect_error(parse_warehouse_url("postgresql://u:p@h/d?password=x"), "not as \\?password=")
})

test_that("the configuration never prints the password", {
  config <- parse_warehouse_url("postgresql://u:s3cret%21@h:5432/d?sslmode=require")
  expect_identical(format(config), "postgresql://u:***@h:5432/d?sslmode=require")
  expect_false(any(grepl("s3cret", capture.output(print(config)))))
})

test_that("WAREHOUSE_URL wins over the PG-style variables", {
  config <- warehouse_config(c(
    WAREHOUSE_URL = "postgresql://u:p@from-url:1/d", WAREHOUSE_HOST = "from-vars",
    WAREHOUSE_USER = "x", WAREHOUSE_DB = "y"
  ))
  expect_identical(config$host, "from-url")
})

test_that("the PG-style variables are used when WAREHOUSE_URL is unset or empty", {
  config <- warehouse_config(c(
    WAREHOUSE_URL = "", WAREHOUSE_HOST = "wh.internal", WAREHOUSE_PORT = "5433",
    WAREHOUSE_USER = "reader", WAREHOUSE_PASSWORD = "p@ss word", WAREHOUSE_DB = "warehouse"
  ))
  expect_identical(unclass(config)[c("host", "port", "user", "password", "dbname")], list(
    host = "wh.internal", port = 5433L, user = "reader", password = "p@ss word", dbname = "warehouse"
  ))
  # The password is taken literally (no URL decoding), and the port defaults to 5432.
  config <- warehouse_config(c(WAREHOUSE_HOST = "h", WAREHOUSE_USER = "u",
                               WAREHOUSE_PASSWORD = "a%40b", WAREHOUSE_DB = "d"))
  expect_identical(config$password, "a%40b")
  expect_identical(config$port, 5432L)
})

test_that("a missing configuration fails with a clear error", {
  expect_error(warehouse_config(character()), "not configured: set WAREHOUSE_URL")
  expect_error(warehouse_config(c(WAREHOUSE_URL = "", WAREHOUSE_HOST = "")), "not configured")
  expect_error(warehouse_config(c(WAREHOUSE_HOST = "h", WAREHOUSE_USER = "u")),
               "WAREHOUSE_DB is not set")
  expect_error(warehouse_config(c(WAREHOUSE_PASSWORD = "p")),
               "WAREHOUSE_HOST, WAREHOUSE_USER, WAREHOUSE_DB are not set")
  expect_error(warehouse_config(c(WAREHOUSE_HOST = "h", WAREHOUSE_USER = "u", WAREHOUSE_DB = "d",
                                  WAREHOUSE_PORT = "x")), "WAREHOUSE_PORT has an invalid port")
})

test_that("libpq conninfo values are quoted", {
  expect_identical(conninfo(c(dbname = "it's", sslrootcert = "C:\\ca")),
                   "dbname='it\\'s' sslrootcert='C:\\\\ca'")
})
