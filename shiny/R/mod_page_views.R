# Panel: page views per day, as a chart and as a small table of the same numbers.

mod_page_views_ui <- function(id) {
  ns <- shiny::NS(id)
  bslib::card(
    bslib::card_header(shiny::tags$h2(class = "h5 mb-0", "Page views per day")),
    bslib::card_body(
      shiny::plotOutput(ns("chart"), height = "280px"),
      shiny::tags$div(
        class = "table-responsive", style = "max-height: 18rem; overflow-y: auto;",
        role = "region", tabindex = "0", `aria-label` = "Page views per day, table",
        shiny::uiOutput(ns("table"))
      )
    )
  )
}

page_views_chart <- function(rows, colour = DASHBOARD_PRIMARY) {
  ggplot2::ggplot(rows, ggplot2::aes(x = day, y = page_views)) +
    ggplot2::geom_col(fill = colour, width = 0.8) +
    ggplot2::scale_y_continuous(
      labels = function(x) format_count(x), expand = ggplot2::expansion(mult = c(0, 0.08)),
      limits = c(0, max(1, rows$page_views))
    ) +
    ggplot2::scale_x_date(date_labels = "%b %d") +
    ggplot2::labs(x = NULL, y = "Page views") +
    ggplot2::theme_minimal(base_size = 13) +
    ggplot2::theme(panel.grid.major.x = ggplot2::element_blank(),
                   panel.grid.minor = ggplot2::element_blank())
}

page_views_alt <- function(rows) {
  if (nrow(rows) == 0L) return("No days selected.")
  peak <- rows[which.max(rows$page_views), ]
  sprintf(
    "Bar chart of page views per day from %s to %s: %s page views in total; busiest day %s with %s.",
    format(min(rows$day)), format(max(rows$day)), format_count(sum(rows$page_views)),
    format(peak$day), format_count(peak$page_views)
  )
}

mod_page_views_server <- function(id, range, refresh, run_query) {
  shiny::moduleServer(id, function(input, output, session) {
    rows <- shiny::reactive({
      refresh()
      r <- range()
      query_or_explain(run_query, function(con) page_views_per_day(con, r$from, r$to),
                       "page views")
    })

    output$chart <- shiny::renderPlot(page_views_chart(rows()), res = 96,
                                      alt = shiny::reactive(page_views_alt(rows())))

    output$table <- shiny::renderUI({
      data <- rows()
      shown <- data.frame(
        day = format(data$day, "%Y-%m-%d"),
        page_views = format_plain(data$page_views),
        visitors = format_plain(data$visitors),
        sessions = format_plain(data$sessions)
      )
      r <- range()
      html_table(
        shown,
        columns = c(day = "Day (UTC)", page_views = "Page views", visitors = "Visitors",
                    sessions = "Sessions"),
        caption = sprintf("Page views per day, %s to %s", r$from, r$to),
        numeric = c("page_views", "visitors", "sessions"), row_header = "day",
        class = "table table-sm table-striped mb-0 caption-top"
      )
    })
  })
}
