# Header: KPI totals for the selected range and the data freshness line.

# A KPI number: the same look bslib gives a plain value, around a text output.
kpi_value <- function(output_id) {
  shiny::tags$span(class = "h2 mb-2", shiny::textOutput(output_id, inline = TRUE))
}

mod_header_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tagList(
    bslib::layout_column_wrap(
      width = "220px", fill = FALSE, class = "mb-2",
      bslib::value_box(
        title = "Page views", value = kpi_value(ns("page_views")),
        theme_color = "primary"
      ),
      bslib::value_box(
        title = "Visitors", value = kpi_value(ns("visitors")),
        theme_color = "secondary"
      ),
      bslib::value_box(
        title = "Product views", value = kpi_value(ns("product_views")),
        theme_color = "success"
      )
    ),
    shiny::tags$p(class = "text-muted small mb-3", id = ns("freshness_line"),
                  shiny::textOutput(ns("freshness"), inline = TRUE))
  )
}

#' @param range reactive returning list(from = Date, to = Date)
#' @param refresh reactive that invalidates on every timed or manual refresh
#' @param run_query function(fn) calling fn(con) with a warehouse connection
mod_header_server <- function(id, range, refresh, run_query) {
  shiny::moduleServer(id, function(input, output, session) {
    kpis <- shiny::reactive({
      refresh()
      r <- range()
      query_or_explain(run_query, function(con) kpi_summary(con, r$from, r$to), "the totals")
    })
    load <- shiny::reactive({
      refresh()
      query_or_explain(run_query, last_load, "the ETL status")
    })
    problem <- shiny::reactive({
      refresh()
      query_or_explain(run_query, run_problem, "the ETL status")
    })

    output$page_views <- shiny::renderText(format_count(kpis()$page_views))
    output$visitors <- shiny::renderText(format_count(kpis()$visitors))
    output$product_views <- shiny::renderText(format_count(kpis()$product_views))
    output$freshness <- shiny::renderText({
      checked <- refresh()
      trimws(paste(freshness_text(load(), now = checked), run_problem_text(problem()),
                   sprintf("Checked %s.", format_utc_time(checked, "%H:%M:%S UTC"))))
    })
  })
}
