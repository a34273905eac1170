# Launcher: Rscript shiny/run.R (from the repository root or from shiny/).
# SHINY_HOST (default 127.0.0.1) and SHINY_PORT (default 3838) choose where it listens;
# the warehouse comes from WAREHOUSE_URL or WAREHOUSE_HOST/PORT/USER/PASSWORD/DB (see R/db.R).

app_dir <- local({
  file_arg <- grep("^--file=", commandArgs(trailingOnly = FALSE), value = TRUE)
  if (length(file_arg) == 1L) dirname(normalizePath(sub("^--file=", "", file_arg))) else "shiny"
})

host <- Sys.getenv("SHINY_HOST", "127.0.0.1")
if (!nzchar(host)) host <- "127.0.0.1"
port_text <- Sys.getenv("SHINY_PORT", "3838")
if (!nzchar(port_text)) port_text <- "3838"
port <- suppressWarnings(as.integer(port_text))
if (is.na(port) || port < 1L || port > 65535L || !grepl("^[0-9]+$", port_text)) {
  stop("SHINY_PORT must be a port number (1-65535), got '", port_text, "'", call. = FALSE)
}

# Shiny takes a set SHINY_PORT to mean "running inside Shiny Server" (it warns about the
# server's version and turns off server-side bookmarking); this launcher is not Shiny Server.
Sys.unsetenv("SHINY_PORT")

shiny::runApp(app_dir, host = host, port = port, launch.browser = FALSE)
