# Shiny glue shared by the modules: loading data through the shared connection and the cache,
# failures shown in their own panel, tables (plain HTML and DT) and CSV downloads.

#' Runs fn(con) through run_query; when the warehouse fails, logs the cause to stderr and shows
#' the admin a short message in place of the output (instead of Shiny's raw error text, which
#' could name hosts and users). Only that panel shows the message; the others keep working.
query_or_explain <- function(run_query, fn, what) {
  tryCatch(run_query(fn), error = function(e) {
    message(sprintf("[dashboard] loading %s failed: %s", what, conditionMessage(e)))
    shiny::validate(shiny::need(
      FALSE,
      sprintf("Could not load %s from the warehouse. It is tried again when new data arrives, or reload the page.", what)
    ))
  })
}

#' A cache for shiny::bindCache() shared by every session of the process that keeps results
#' only. bindCache stores errors too, which would pin a passing warehouse failure (or a
#' validation message) to its inputs until the next ETL run; this cache drops them, so the next
#' session asking the same question queries again.
success_only_cache <- function(inner = cachem::cache_mem(max_size = 128 * 1024^2, max_age = 24 * 3600)) {
  list(
    get = function(key) inner$get(key),
    set = function(key, value) {
      if (isTRUE(value$error)) return(invisible(FALSE))
      inner$set(key, value)
    },
    exists = function(key) inner$exists(key),
    size = function() inner$size(),
    reset = function() inner$reset()
  )
}

#' What every view needs: the global filters, the newest succeeded ETL run id (the data
#' reactives depend on it, so they re-query only when a new run has committed), the function
#' that runs a query on the shared connection, and the cache shared across sessions.
dashboard_context <- function(range, category, run_id, run_query, cache,
                              login_state = shiny::reactive(LOGIN_STATES[["All shoppers"]])) {
  list(range = range, category = category, login_state = login_state, run_id = run_id,
       run_query = run_query, cache = cache)
}

#' A reactive holding fn(con, <inputs()>) for the current inputs, cached across sessions by
#' `what`, the inputs and the newest succeeded run id. `inputs` is a reactive returning a named
#' list of fn's arguments (after con). A failure shows `what` in a short message.
warehouse_reactive <- function(ctx, what, inputs, fn) {
  force(fn)
  # The query itself is part of the key (two panels may name theirs alike).
  query_key <- rlang::hash(list(formals(fn), body(fn)))
  shiny::bindCache(
    shiny::reactive({
      args <- inputs()
      query_or_explain(ctx$run_query, function(con) do.call(fn, c(list(con), args)), what)
    }),
    query_key, inputs(), ctx$run_id(),
    cache = ctx$cache
  )
}

#' A date x axis: day ticks (one a day up to a month, plotly's choice beyond).
date_axis <- function(days) {
  axis <- list(title = "", type = "date", tickformat = "%b %d")
  if (days <= 31L) axis$dtick <- 86400000
  axis
}

#' A plotly chart that works with the plotly.js Debian's r-cran-plotly ships (v1.31): the
#' R package's extra mode bar buttons and its TypedArray polyfill (which needs a `GLOBAL`
#' browsers do not have) are left out; charts use only traces and attributes v1.31 knows
#' (no hovertemplate, no funnel trace, no unified hover).
plotly_chart <- function(p) {
  p <- plotly::config(p, displaylogo = FALSE)
  built <- plotly::plotly_build(p)
  built$x$config$modeBarButtonsToAdd <- NULL
  built$dependencies <- Filter(function(d) !identical(d$name, "typedarray"), built$dependencies)
  built
}

#' The range, category and login-state inputs most views query with.
range_inputs <- function(ctx, category = FALSE, login_state = FALSE) {
  shiny::reactive({
    r <- ctx$range()
    args <- list(from = r$from, to = r$to)
    if (category) args$category <- ctx$category()
    if (login_state) args$login_state <- ctx$login_state()
    args
  })
}

#' A plain HTML table with a caption, column headers with scope, and optional row headers.
#' `columns` is a named character vector: names are the data.frame's columns, values the
#' header labels; `numeric` names the right-aligned columns; `row_header` the column whose cells
#' are row headers (<th scope="row">); `row_attrs(i)` returns attributes for row i. Cells are
#' text: htmltools escapes them.
html_table <- function(rows, columns, caption, numeric = character(), row_header = NULL,
                       row_attrs = NULL, class = "table table-sm table-hover align-middle mb-0") {
  align <- function(col) if (col %in% numeric) "text-end" else NULL
  head <- shiny::tags$thead(shiny::tags$tr(lapply(names(columns), function(col) {
    shiny::tags$th(scope = "col", class = align(col), columns[[col]])
  })))
  body <- shiny::tags$tbody(lapply(seq_len(nrow(rows)), function(i) {
    cells <- lapply(names(columns), function(col) {
      value <- rows[[col]][i]
      if (identical(col, row_header)) {
        shiny::tags$th(scope = "row", class = align(col), value)
      } else {
        shiny::tags$td(class = align(col), value)
      }
    })
    attrs <- if (is.null(row_attrs)) list() else row_attrs(i)
    do.call(shiny::tags$tr, c(attrs, cells))
  }))
  shiny::tags$table(class = class, shiny::tags$caption(caption), head, body)
}

#' A DT table for display: `columns` maps the data.frame's columns to their headers (others are
#' left out); counts get separators, money (cents) dollars, rates percentages, on the client, so
#' sorting stays numeric. Every cell is escaped (escape = TRUE): queries and paths are what
#' shoppers typed, and are shown as text, never as markup.
dt_table <- function(rows, columns, counts = character(), money = character(),
                     rates = character(), selection = "none", page_length = 25L,
                     order = NULL, searching = TRUE) {
  shown <- rows[, names(columns), drop = FALSE]
  for (col in money) shown[[col]] <- shown[[col]] / 100
  options <- list(pageLength = page_length, lengthMenu = c(10, 25, 50, 100), searching = searching,
                  autoWidth = FALSE, scrollX = TRUE, language = list(emptyTable = "No data for this range."))
  if (!is.null(order)) options$order <- order
  table <- DT::datatable(
    shown, colnames = unname(columns), rownames = FALSE, escape = TRUE, selection = selection,
    class = "compact stripe hover", style = "default", options = options
  )
  index <- function(cols) match(cols, names(columns))
  if (length(counts)) table <- DT::formatRound(table, index(counts), digits = 0, mark = ",")
  if (length(money)) table <- DT::formatCurrency(table, index(money), currency = "$", digits = 2)
  if (length(rates)) table <- DT::formatPercentage(table, index(rates), digits = 1)
  table
}

#' A card with a heading, an optional control row, a CSV download button and its body.
view_card <- function(title, ..., download_id = NULL, controls = NULL, class = NULL) {
  bslib::card(
    class = class,
    bslib::card_header(
      class = "d-flex flex-wrap justify-content-between align-items-center gap-2",
      shiny::tags$h2(class = "h5 mb-0", title),
      shiny::tags$div(
        class = "d-flex flex-wrap align-items-center gap-2",
        controls,
        if (!is.null(download_id)) {
          shiny::downloadButton(download_id, "CSV", class = "btn-sm btn-outline-secondary",
                                `aria-label` = paste("Download", title, "as CSV"))
        }
      )
    ),
    bslib::card_body(...)
  )
}

#' A downloadHandler writing data() as a CSV safe for spreadsheets (see utils_csv.R). `what`
#' names the file: a string, or a function returning one.
csv_download <- function(what, data, range = NULL) {
  shiny::downloadHandler(
    filename = function() {
      name <- if (is.function(what)) what() else what
      if (is.null(range)) csv_filename(name) else csv_filename(name, range()$from, range()$to)
    },
    content = function(file) write_csv_safe(data(), file),
    contentType = "text/csv"
  )
}
