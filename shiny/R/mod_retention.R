# Retention: weekly cohorts of new visitors (those first seen in a week of the range) and the
# share of each that came back in the weeks after (visitor_week).

RETENTION_WEEK_CHOICES <- c("4 weeks" = "4", "8 weeks" = "8", "12 weeks" = "12")

mod_retention_ui <- function(id) {
  ns <- shiny::NS(id)
  view_card(
    "Weekly cohorts", download_id = ns("download"),
    controls = shiny::selectInput(ns("weeks"), NULL, choices = RETENTION_WEEK_CHOICES, selected = "8",
                                  width = "9rem", selectize = FALSE),
    shiny::tags$p(class = "text-muted small",
                  paste("A cohort: the visitors (browsers) first seen in a week (Monday to Sunday, UTC) that starts in",
                        "the range. Week n: the share of them with a session n weeks later. Weeks still to come are",
                        "blank. Bots never count.")),
    plotly::plotlyOutput(ns("chart"), height = "280px"),
    DT::DTOutput(ns("table"))
  )
}

retention_chart <- function(rows) {
  rows <- rows[rows$week_number > 0L, ]
  rows$cohort <- format(rows$cohort_week, "%Y-%m-%d")
  p <- plotly::plot_ly(rows, x = ~week_number, y = ~retention, color = ~cohort, type = "scatter",
                       mode = "lines+markers")
  p <- plotly::layout(p, xaxis = list(title = "Weeks after the first", dtick = 1),
                      yaxis = list(title = "", tickformat = ".0%", rangemode = "tozero"),
                      legend = list(orientation = "h", title = list(text = "Cohort")))
  plotly_chart(p)
}

#' @param today function returning today's date (UTC): weeks after it are left out
mod_retention_server <- function(id, ctx, today = function() as.Date(Sys.time(), tz = "UTC")) {
  shiny::moduleServer(id, function(input, output, session) {
    weeks <- shiny::reactive({
      value <- input$weeks
      if (is.null(value) || !value %in% RETENTION_WEEK_CHOICES) 8L else as.integer(value)
    })
    base <- range_inputs(ctx)
    rows <- warehouse_reactive(ctx, "the weekly cohorts",
                               shiny::reactive(c(base(), list(weeks = weeks(), today = today()))),
                               retention_cohorts)
    output$chart <- plotly::renderPlotly({
      data <- rows()
      shiny::validate(shiny::need(nrow(data) > 0L, "No new visitors in the weeks of this range."))
      retention_chart(data)
    })
    output$table <- DT::renderDT({
      matrix <- retention_matrix(rows(), weeks())
      week_columns <- grep("^Week ", names(matrix), value = TRUE)
      columns <- c(cohort_week = "Cohort (week of)", cohort_size = "New visitors",
                   stats::setNames(week_columns, week_columns))
      dt_table(matrix, columns, counts = "cohort_size", rates = week_columns, searching = FALSE,
               page_length = 25L)
    })
    output$download <- csv_download("weekly-cohorts", rows, ctx$range)
  })
}
