# Warehouse connection: configuration from the environment, one shared connection per R process.
#
# Shiny-free. The app reads its configuration once at startup (so a missing setting fails the
# start, not the first admin's page) and runs every query through shared_warehouse()'s
# run(fn): one connection per R process, shared by all its sessions, opened on first use and
# re-opened when it was lost.
#
# Why one shared connection rather than one per session or one per query (there is no pool
# package here):
#  * R serves one session at a time, so a process never runs two queries at once and one
#    connection is all it can use; RPostgreSQL's driver allows 16 open connections per process,
#    which a connection per browser tab would exhaust;
#  * RPostgreSQL has no dbIsValid(): when a query fails, run() asks the connection for
#    `SELECT 1`; if that fails too, the connection was lost (warehouse restart, fail-over, idle
#    timeout), so it is closed, a new one opened and the query run once more. A query that fails
#    on a live connection (a timeout, a bad statement) fails as it is, without a retry;
#  * the connection is read-only and in autocommit, so a failed statement leaves nothing behind.
# with_warehouse() (connect, use, close) remains for one-off scripts and tests.

WAREHOUSE_ENV_VARS <- c(
  "WAREHOUSE_URL", "WAREHOUSE_HOST", "WAREHOUSE_PORT", "WAREHOUSE_USER",
  "WAREHOUSE_PASSWORD", "WAREHOUSE_DB"
)

# libpq settings that belong in the URL's authority or path, never in its query string.
URL_PARTS_NOT_IN_QUERY <- c("host", "hostaddr", "port", "user", "password", "dbname")

new_warehouse_config <- function(host, port, user, password, dbname, options = character()) {
  structure(
    list(
      host = host, port = as.integer(port), user = user, password = password,
      dbname = dbname, options = options
    ),
    class = "warehouse_config"
  )
}

format.warehouse_config <- function(x, ...) {
  extra <- if (length(x$options) > 0) {
    paste0("?", paste0(names(x$options), "=", x$options, collapse = "&"))
  } else {
    ""
  }
  host <- if (grepl(":", x$host, fixed = TRUE)) paste0("[", x$host, "]") else x$host
  # Never show the password.
  sprintf("postgresql://%s%s@%s:%d/%s%s", x$user, if (nzchar(x$password)) ":***" else "",
          host, x$port, x$dbname, extra)
}

print.warehouse_config <- function(x, ...) {
  cat("<warehouse_config>", format(x), "\n")
  invisible(x)
}

# Percent-decodes one URL component ("%40" -> "@"); "+" stays "+" as in RFC 3986.
url_decode <- function(x) {
  if (grepl("%(?![0-9A-Fa-f]{2})", x, perl = TRUE)) {
    stop("WAREHOUSE_URL has an invalid percent-encoding: a '%' must be followed by two hex digits ",
         "(encode a literal '%' as %25)", call. = FALSE)
  }
  decoded <- utils::URLdecode(x)
  Encoding(decoded) <- "UTF-8"
  decoded
}

parse_port <- function(port, source) {
  if (!grepl("^[0-9]{1,5}$", port) || as.integer(port) < 1L || as.integer(port) > 65535L) {
    stop(sprintf("%s has an invalid port '%s' (expected 1-65535)", source, port), call. = FALSE)
  }
  as.integer(port)
}

#' Parses postgresql://user:password@host:port/database?sslmode=require
#'
#' User, password and database are percent-decoded; the port defaults to 5432. Query
#' parameters are kept as extra libpq settings (e.g. sslmode, sslrootcert, connect_timeout).
parse_warehouse_url <- function(url) {
  stopifnot(is.character(url), length(url) == 1L)
  url <- trimws(url)
  scheme <- regmatches(url, regexpr("^[A-Za-z][A-Za-z0-9+.-]*://", url))
  if (length(scheme) == 0L || !tolower(scheme) %in% c("postgresql://", "postgres://")) {
    stop("WAREHOUSE_URL must start with postgresql:// or postgres://", call. = FALSE)
  }
  rest <- substring(url, nchar(scheme) + 1L)
  rest <- sub("#.*$", "", rest)

  query <- ""
  if (grepl("?", rest, fixed = TRUE)) {
    query <- sub("^[^?]*\\?", "", rest)
    rest <- sub("\\?.*$", "", rest)
  }
  slash <- regexpr("/", rest, fixed = TRUE)
  if (slash > 0) {
    authority <- substring(rest, 1L, slash - 1L)
    path <- substring(rest, slash + 1L)
  } else {
    authority <- rest
    path <- ""
  }

  # The last "@" ends the user info, so an unencoded "@" in a password still parses.
  at <- regexpr("@[^@]*$", authority)
  userinfo <- if (at > 0) substring(authority, 1L, at - 1L) else ""
  hostport <- if (at > 0) substring(authority, at + 1L) else authority

  colon <- regexpr(":", userinfo, fixed = TRUE)
  if (colon > 0) {
    user <- url_decode(substring(userinfo, 1L, colon - 1L))
    password <- url_decode(substring(userinfo, colon + 1L))
  } else {
    user <- url_decode(userinfo)
    password <- ""
  }

  if (startsWith(hostport, "[")) {
    m <- regmatches(hostport, regexec("^\\[([0-9A-Fa-f:.]+)\\](?::([^:]*))?$", hostport))[[1]]
    if (length(m) == 0L) stop("WAREHOUSE_URL has an invalid IPv6 host", call. = FALSE)
    host <- m[2]
    port <- if (nzchar(m[3])) m[3] else ""
  } else {
    parts <- strsplit(hostport, ":", fixed = TRUE)[[1]]
    if (length(parts) > 2L) stop("WAREHOUSE_URL has an invalid host:port", call. = FALSE)
    host <- if (length(parts) >= 1L) url_decode(parts[1]) else ""
    port <- if (length(parts) == 2L) parts[2] else ""
  }
  if (!nzchar(host)) stop("WAREHOUSE_URL has no host", call. = FALSE)
  port <- if (nzchar(port)) parse_port(port, "WAREHOUSE_URL") else 5432L

  dbname <- url_decode(path)
  if (!nzchar(dbname)) stop("WAREHOUSE_URL has no database name (.../database)", call. = FALSE)
  if (!nzchar(user)) stop("WAREHOUSE_URL has no user name (postgresql://user:password@...)", call. = FALSE)

  options <- character()
  if (nzchar(query)) {
    for (pair in strsplit(query, "&", fixed = TRUE)[[1]]) {
      if (!nzchar(pair)) next
      eq <- regexpr("=", pair, fixed = TRUE)
      key <- url_decode(if (eq > 0) substring(pair, 1L, eq - 1L) else pair)
      value <- if (eq > 0) url_decode(substring(pair, eq + 1L)) else ""
      if (!grepl("^[a-z_]+$", key)) {
        stop(sprintf("WAREHOUSE_URL has an invalid parameter name '%s'", key), call. = FALSE)
      }
      if (key %in% URL_PARTS_NOT_IN_QUERY) {
        stop(sprintf("WAREHOUSE_URL: give '%s' in the URL itself, not as ?%s=", key, key), call. = FALSE)
      }
      options[[key]] <- value
    }
  }

  new_warehouse_config(host, port, user, password, dbname, options)
}

#' Reads the warehouse settings from the environment.
#'
#' WAREHOUSE_URL wins when set; otherwise WAREHOUSE_HOST, WAREHOUSE_PORT (default 5432),
#' WAREHOUSE_USER, WAREHOUSE_PASSWORD (may be empty) and WAREHOUSE_DB. Empty values count as
#' unset. `env` is a named character vector (defaults to the process environment).
warehouse_config <- function(env = Sys.getenv(WAREHOUSE_ENV_VARS, unset = "")) {
  get <- function(name) {
    value <- if (name %in% names(env)) unname(env[[name]]) else ""
    if (is.na(value)) "" else value
  }
  if (nzchar(get("WAREHOUSE_URL"))) return(parse_warehouse_url(get("WAREHOUSE_URL")))

  pg_vars <- setdiff(WAREHOUSE_ENV_VARS, "WAREHOUSE_URL")
  if (!any(vapply(pg_vars, function(v) nzchar(get(v)), logical(1)))) {
    stop("The warehouse connection is not configured: set WAREHOUSE_URL ",
         "(postgresql://user:password@host:5432/database, password percent-encoded) or ",
         "WAREHOUSE_HOST, WAREHOUSE_PORT, WAREHOUSE_USER, WAREHOUSE_PASSWORD and WAREHOUSE_DB.",
         call. = FALSE)
  }
  missing <- Filter(function(v) !nzchar(get(v)), c("WAREHOUSE_HOST", "WAREHOUSE_USER", "WAREHOUSE_DB"))
  if (length(missing) > 0) {
    stop("The warehouse connection is incomplete: ", paste(missing, collapse = ", "),
         if (length(missing) == 1) " is" else " are", " not set (or set WAREHOUSE_URL instead).",
         call. = FALSE)
  }
  port <- if (nzchar(get("WAREHOUSE_PORT"))) parse_port(get("WAREHOUSE_PORT"), "WAREHOUSE_PORT") else 5432L
  new_warehouse_config(get("WAREHOUSE_HOST"), port, get("WAREHOUSE_USER"),
                       get("WAREHOUSE_PASSWORD"), get("WAREHOUSE_DB"))
}

# One libpq conninfo string: key='value' pairs, with \ and ' escaped.
conninfo <- function(settings) {
  quoted <- gsub("(['\\\\])", "\\\\\\1", settings)
  paste0(names(settings), "='", quoted, "'", collapse = " ")
}

#' Opens a connection to the warehouse.
#'
#' Sessions run in UTC with a statement timeout; by default they are read-only (the dashboard
#' never writes; tests pass read_only = FALSE to load fixtures). Extra URL parameters such as
#' sslmode reach libpq through the database name, which libpq reads as a conninfo string.
warehouse_connect <- function(config = warehouse_config(), read_only = TRUE,
                              statement_timeout_ms = 15000L, connect_timeout_s = 10L,
                              application_name = "compushop-shiny") {
  stopifnot(inherits(config, "warehouse_config"))
  settings <- c(dbname = config$dbname, connect_timeout = as.character(connect_timeout_s),
                application_name = application_name)
  for (key in names(config$options)) settings[[key]] <- config$options[[key]]
  server_options <- paste(
    "-c TimeZone=UTC",
    sprintf("-c statement_timeout=%d", as.integer(statement_timeout_ms)),
    if (read_only) "-c default_transaction_read_only=on" else ""
  )
  DBI::dbConnect(
    RPostgreSQL::PostgreSQL(),
    host = config$host, port = as.character(config$port), user = config$user,
    password = config$password, dbname = conninfo(settings), options = trimws(server_options)
  )
}

#' Runs fn(con) on a fresh connection and always closes it, also when fn fails.
with_warehouse <- function(fn, config = warehouse_config(), ...) {
  con <- warehouse_connect(config, ...)
  on.exit(try(DBI::dbDisconnect(con), silent = TRUE), add = TRUE)
  fn(con)
}

#' Runs one statement with bind parameters ($1, $2, ...) and returns its rows.
#'
#' Use this rather than DBI::dbGetQuery: RPostgreSQL's dbGetQuery catches SQL errors, warns and
#' returns NULL, so a broken query would look like "no data". dbSendQuery(params = ) raises them.
#' (dbSendQuery + dbBind does not work with RPostgreSQL: the query runs before the bind.)
db_query <- function(con, sql, params = NULL) {
  rs <- if (is.null(params)) DBI::dbSendQuery(con, sql) else DBI::dbSendQuery(con, sql, params = params)
  on.exit(DBI::dbClearResult(rs), add = TRUE)
  if (DBI::dbHasCompleted(rs)) return(data.frame())
  DBI::dbFetch(rs, n = -1)
}

#' TRUE when the connection still answers a query.
connection_alive <- function(con) {
  if (is.null(con)) return(FALSE)
  isTRUE(tryCatch(identical(as.integer(db_query(con, "SELECT 1 AS ok")$ok), 1L),
                  error = function(e) FALSE))
}

#' One connection shared by everything in this R process, opened on first use.
#'
#' Returns list(run, close, connection): run(fn) calls fn(con) with the shared connection; when
#' fn fails and the connection no longer answers, it re-opens the connection and calls fn once
#' more. `connect` opens a connection (by default a read-only one to `config`).
shared_warehouse <- function(config = warehouse_config(),
                             connect = function() warehouse_connect(config)) {
  state <- new.env(parent = emptyenv())
  state$con <- NULL
  state$opened <- 0L
  open <- function() {
    state$con <- connect()
    state$opened <- state$opened + 1L
    state$con
  }
  close <- function() {
    if (!is.null(state$con)) try(DBI::dbDisconnect(state$con), silent = TRUE)
    state$con <- NULL
    invisible(NULL)
  }
  run <- function(fn) {
    con <- if (is.null(state$con)) open() else state$con
    tryCatch(fn(con), error = function(e) {
      if (connection_alive(con)) stop(e)
      message("[dashboard] the warehouse connection was lost (", conditionMessage(e), "); reconnecting")
      close()
      fn(open())
    })
  }
  list(run = run, close = close, connection = function() state$con,
       connections_opened = function() state$opened)
}
