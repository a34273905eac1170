# The freshness line: which ETL run the dashboard shows, its lag, and a newer run's trouble.

mod_freshness_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tags$p(class = "text-muted small mb-0", id = ns("line"),
                shiny::textOutput(ns("freshness"), inline = TRUE))
}

#' @param status reactive returning list(status = etl_status() rows or NULL when the query
#'   failed, checked_at = POSIXct)
mod_freshness_server <- function(id, status) {
  shiny::moduleServer(id, function(input, output, session) {
    output$freshness <- shiny::renderText({
      s <- status()
      shiny::req(s)
      checked <- sprintf("Checked %s.", format_utc_time(s$checked_at, "%H:%M:%S UTC"))
      if (is.null(s$status)) {
        shiny::validate(shiny::need(FALSE, paste(
          "Could not load the ETL status from the warehouse; it is tried again every few seconds.",
          checked)))
      }
      paste(freshness_text(s$status, now = s$checked_at), checked)
    })
  })
}
