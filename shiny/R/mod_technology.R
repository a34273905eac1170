# Technology: non-bot sessions by device type, browser and operating system (fact_session joined
# with dim_device), and the audience: language, screen class and time zone.

technology_cards <- function(ns, dimensions) {
  cards <- lapply(names(dimensions), function(label) {
    key <- dimensions[[label]]
    view_card(label, download_id = ns(paste0("download_", key)), DT::DTOutput(ns(key)))
  })
  do.call(bslib::layout_column_wrap, c(list(width = "420px", fill = FALSE), cards))
}

mod_technology_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tagList(
    technology_cards(ns, TECHNOLOGY_DIMENSIONS),
    shiny::tags$h2(class = "h4 mt-4", "Audience"),
    shiny::tags$p(class = "text-muted small",
                  paste("From each session's first page view. Screen class by the browser window's width in CSS",
                        "pixels: phone under 600, tablet 600 to 1023, desktop 1024 and up.")),
    technology_cards(ns, AUDIENCE_DIMENSIONS)
  )
}

mod_technology_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    base <- range_inputs(ctx, login_state = TRUE)
    dimensions <- c(TECHNOLOGY_DIMENSIONS, AUDIENCE_DIMENSIONS)
    shown <- lapply(names(dimensions), function(label) {
      key <- dimensions[[label]]
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
    names(shown) <- dimensions
    invisible(shown)
  })
}
