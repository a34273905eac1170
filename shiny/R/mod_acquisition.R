# Acquisition: sessions, conversion rate and revenue by channel, referrer and UTM source, medium
# and campaign (agg_channel_daily).

mod_acquisition_ui <- function(id) {
  ns <- shiny::NS(id)
  view_card(
    "Acquisition", download_id = ns("download"),
    controls = shiny::selectInput(ns("by"), NULL, choices = ACQUISITION_DIMENSIONS,
                                  selected = "channel", width = "12rem", selectize = FALSE),
    shiny::tags$p(class = "text-muted small",
                  "Sessions by where they came from (the session's landing page). (none): the session had no such value."),
    DT::DTOutput(ns("table"))
  )
}

#' Shows '' (no value) as a label.
label_empty <- function(x, label = "(none)") ifelse(is.na(x) | !nzchar(x), label, x)

mod_acquisition_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    by <- shiny::reactive({
      value <- input$by
      if (is.null(value) || !value %in% ACQUISITION_DIMENSIONS) "channel" else value
    })
    base <- range_inputs(ctx, login_state = TRUE)
    rows <- warehouse_reactive(ctx, "the acquisition numbers",
                               shiny::reactive(c(base(), list(by = by()))), acquisition)
    shown <- shiny::reactive({
      data <- rows()
      data$value <- label_empty(data$value)
      data
    })
    output$table <- DT::renderDT({
      data <- shown()
      header <- names(ACQUISITION_DIMENSIONS)[ACQUISITION_DIMENSIONS == by()]
      dt_table(data, stats::setNames(
        c(header, "Sessions", "Bounce rate", "Converted sessions", "Conversion rate", "Revenue"),
        c("value", "sessions", "bounce_rate", "converted_sessions", "conversion_rate", "revenue_cents")),
        counts = c("sessions", "converted_sessions"), rates = c("bounce_rate", "conversion_rate"),
        money = "revenue_cents")
    })
    output$download <- csv_download(function() paste0("acquisition-by-", by()), rows, ctx$range)
  })
}
