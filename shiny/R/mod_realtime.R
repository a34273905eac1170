# Realtime: visitors and events in the last 30 minutes, by minute, and the pages and products
# they are on. Refreshed while the view is open (hidden outputs do not run); results are shared
# by every session through the cache, keyed by the minute and the newest ETL run.

REALTIME_REFRESH_MS <- 15000L

mod_realtime_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tagList(
    shiny::uiOutput(ns("summary")),
    view_card("Visitors and events per minute", download_id = ns("download_minutes"),
              plotly::plotlyOutput(ns("minutes_chart"), height = "260px")),
    bslib::layout_column_wrap(
      width = "420px", fill = FALSE,
      view_card("Pages they are on", download_id = ns("download_pages"),
                shiny::tags$p(class = "text-muted small", "Each visitor's newest page view in the window."),
                DT::DTOutput(ns("pages"))),
      view_card("Products they look at", download_id = ns("download_products"),
                DT::DTOutput(ns("products")))
    )
  )
}

realtime_summary_ui <- function(row, now) {
  item <- function(label, value) {
    shiny::tags$div(class = "col", shiny::tags$div(class = "small text-muted", label),
                    shiny::tags$div(class = "h4 mb-0", value))
  }
  newest <- if (is.na(row$newest_event_at)) "no event loaded yet" else {
    sprintf("%s (%s)", format_utc_time(row$newest_event_at, "%Y-%m-%d %H:%M:%S UTC"),
            format_age(row$newest_event_at, now))
  }
  shiny::tagList(
    shiny::tags$div(
      class = "row row-cols-2 row-cols-md-4 g-3 mb-2",
      item(sprintf("Visitors, last %d min", REALTIME_MINUTES), format_count(row$visitors)),
      item("Signed in", format_count(row$signed_in_visitors)),
      item("Page views", format_count(row$page_views)),
      item("Events", format_count(row$events))
    ),
    shiny::tags$p(class = "text-muted small mb-3",
                  sprintf("From the events the ETL has loaded; the newest is from %s. Bots are left out.", newest))
  )
}

realtime_chart <- function(rows) {
  p <- plotly::plot_ly(rows, x = ~minute)
  p <- plotly::add_trace(p, y = ~events, name = "Events", type = "bar", marker = list(color = "#b9cde0"))
  p <- plotly::add_trace(p, y = ~visitors, name = "Visitors", mode = "lines+markers", type = "scatter",
                         line = list(color = DASHBOARD_PRIMARY, width = 3))
  p <- plotly::layout(p, xaxis = list(title = "", type = "date", tickformat = "%H:%M"),
                      yaxis = list(title = "", rangemode = "tozero"), legend = list(orientation = "h"),
                      hovermode = "x")
  plotly_chart(p)
}

#' @param now function returning the current time; the window ends at its minute
mod_realtime_server <- function(id, ctx, now = Sys.time, refresh_ms = REALTIME_REFRESH_MS) {
  shiny::moduleServer(id, function(input, output, session) {
    window <- shiny::reactive({
      shiny::invalidateLater(refresh_ms)
      t <- now()
      list(now = as.POSIXct(floor(as.numeric(t) / 60) * 60, origin = "1970-01-01", tz = "UTC"))
    })
    summary <- warehouse_reactive(ctx, "the realtime numbers", window, realtime_summary)
    minutes <- warehouse_reactive(ctx, "the visitors per minute", window, realtime_minutes)
    pages <- warehouse_reactive(ctx, "the pages visitors are on", window, realtime_pages)
    products <- warehouse_reactive(ctx, "the products visitors look at", window, realtime_products)

    output$summary <- shiny::renderUI(realtime_summary_ui(summary(), now()))
    output$minutes_chart <- plotly::renderPlotly(realtime_chart(minutes()))
    output$pages <- DT::renderDT(dt_table(
      pages(), c(page_path = "Page", visitors = "Visitors"), counts = "visitors", page_length = 10L
    ))
    output$products <- DT::renderDT({
      rows <- products()
      rows$name <- ifelse(is.na(rows$name), rows$product_id, rows$name)
      rows$category <- label_empty(rows$category, "(unknown)")
      dt_table(rows, c(name = "Product", category = "Category", viewers = "Viewers", views = "Views",
                       add_to_carts = "Added to cart"),
               counts = c("viewers", "views", "add_to_carts"), page_length = 10L)
    })
    output$download_minutes <- csv_download("realtime-minutes", minutes)
    output$download_pages <- csv_download("realtime-pages", pages)
    output$download_products <- csv_download("realtime-products", products)
  })
}
