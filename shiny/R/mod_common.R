# Shiny glue shared by the modules.

#' Runs fn(con) through run_query; when the warehouse fails, logs the cause to stderr and shows
#' the admin a short message in place of the output (instead of Shiny's raw error text, which
#' could name hosts and users). The next refresh tries again.
query_or_explain <- function(run_query, fn, what) {
  tryCatch(run_query(fn), error = function(e) {
    message(sprintf("[dashboard] loading %s failed: %s", what, conditionMessage(e)))
    shiny::validate(shiny::need(
      FALSE,
      sprintf("Could not load %s from the warehouse; the next refresh will try again.", what)
    ))
  })
}

#' A plain HTML table with a caption, column headers with scope, and optional row headers.
#' `columns` is a named character vector: names are the data.frame's columns, values the
#' header labels; `numeric` names the right-aligned columns; `row_header` the column whose cells
#' are row headers (<th scope="row">); `row_attrs(i)` returns attributes for row i.
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
