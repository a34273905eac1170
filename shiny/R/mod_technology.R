# Technology: non-bot sessions by device type, browser and operating system (fact_session
# joined with dim_device).

mod_technology_ui <- function(id) {
  ns <- shiny::NS(id)
  cards <- lapply(names(TECHNOLOGY_DIMENSIONS), function(label) {
    key <- TECHNOLOGY_DIMENSIONS[[label]]
    view_card(label, download_id = ns(paste0("download_", key)), DT::DTOutput(ns(key)))
  })
  do.call(bslib::layout_column_wrap, c(list(width = "420px", fill = FALSE), cards))
}

mod_technology_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    base <- range_inputs(ctx, login_state = TRUE)
    shown <- lapply(names(TECHNOLOGY_DIMENSIONS), function(label) {
      key <- TECHNOLOGY_DIMENSIONS[[label]]
      rows <- warehouse_reactive(ctx, paste("the sessions by", tolower(label)),
                                 shiny::reactive(c(base(), list(by = key))), technology)
      shown <- shiny::reactive({
        data <- rows()
        data$value <- label_empty(data$value, "(unknown)")
        data
      })
      output[[key]] <- DT::renderDT({
        data <- shown()
        dt_table(data, stats::setNames(
          c(label, "Sessions", "Share", "Bounce rate", "Conversion rate", "Revenue"),
          c("value", "sessions", "share", "bounce_rate", "conversion_rate", "revenue_cents")),
          counts = "sessions", rates = c("share", "bounce_rate", "conversion_rate"),
          money = "revenue_cents", page_length = 10L)
      })
      output[[paste0("download_", key)]] <- csv_download(paste("sessions-by", key), rows, ctx$range)
      shown
    })
    names(shown) <- TECHNOLOGY_DIMENSIONS
    invisible(NULL)
  })
}
