# Funnel: sessions through each shopping step for the chosen category, the drop-off between
# steps, the funnel day by day (agg_funnel_daily), and checkout abandonment (agg_checkout_daily,
# all products).

mod_funnel_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tagList(
    view_card(
      "Shopping funnel", download_id = ns("download_steps"),
      shiny::tags$p(class = "text-muted small", shiny::textOutput(ns("caption"), inline = TRUE)),
      plotly::plotlyOutput(ns("chart"), height = "300px"),
      DT::DTOutput(ns("steps"))
    ),
    view_card(
      "Funnel by day", download_id = ns("download_daily"),
      shiny::tags$p(class = "text-muted small",
                    "Sessions through each step on each day; completion: purchased / saw a product list."),
      DT::DTOutput(ns("daily"))
    ),
    view_card(
      "Checkout abandonment (all products)", download_id = ns("download_checkout"),
      shiny::uiOutput(ns("checkout"))
    )
  )
}

funnel_chart <- function(steps) {
  steps$text <- sprintf("%s (%s of the first step)", format_count(steps$sessions_through),
                        format_percent(steps$share_of_first))
  p <- plotly::plot_ly(steps, type = "bar", orientation = "h", y = ~label, x = ~sessions_through,
                       text = ~text, hoverinfo = "text+y", marker = list(color = DASHBOARD_PRIMARY))
  p <- plotly::layout(p, xaxis = list(title = "Sessions through the step", rangemode = "tozero"),
                      yaxis = list(title = "", categoryorder = "array", categoryarray = rev(steps$label)),
                      margin = list(l = 160))
  plotly_chart(p)
}

checkout_summary <- function(row) {
  item <- function(label, value) {
    shiny::tags$div(class = "col", shiny::tags$div(class = "small text-muted", label),
                    shiny::tags$div(class = "h4 mb-0", value))
  }
  shiny::tags$div(
    class = "row row-cols-2 row-cols-md-3 row-cols-lg-6 g-3",
    item("Began checkout", format_count(row$began_checkout)),
    item("Added shipping", format_count(row$added_shipping)),
    item("Purchased", format_count(row$purchased)),
    item("Abandoned", format_count(row$abandoned)),
    item("Abandonment rate", format_percent(row$abandonment_rate)),
    item("Value left in checkout", format_money(row$abandoned_value_cents))
  )
}

mod_funnel_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    steps <- warehouse_reactive(ctx, "the funnel", range_inputs(ctx, category = TRUE, login_state = TRUE), funnel_steps)
    daily <- warehouse_reactive(ctx, "the funnel by day", range_inputs(ctx, category = TRUE, login_state = TRUE), funnel_daily)
    checkout <- warehouse_reactive(ctx, "checkout abandonment", range_inputs(ctx, login_state = TRUE), checkout_abandonment)

    output$caption <- shiny::renderText({
      category <- ctx$category()
      sprintf("Sessions that reached each step and every step before it (%s). Drop-off: the share lost since the step before.",
              if (identical(category, ALL_CATEGORIES)) "all products" else paste("category", category))
    })
    output$chart <- plotly::renderPlotly(funnel_chart(steps()))
    output$steps <- DT::renderDT(dt_table(
      steps(),
      c(step_number = "#", label = "Step", sessions = "Sessions reaching it",
        sessions_through = "Sessions through", share_of_first = "Of first step", drop_off = "Drop-off"),
      counts = c("sessions", "sessions_through"), rates = c("share_of_first", "drop_off"),
      searching = FALSE, page_length = 10L
    ))
    output$daily <- DT::renderDT(dt_table(
      daily(),
      c(day = "Day", stats::setNames(FUNNEL_STEPS$label, paste0("step_", FUNNEL_STEPS$step_number)),
        completion_rate = "Completion"),
      counts = paste0("step_", 1:6), rates = "completion_rate", searching = FALSE, page_length = 10L,
      order = list(list(0L, "desc"))
    ))
    output$checkout <- shiny::renderUI(checkout_summary(checkout()))
    output$download_steps <- csv_download("funnel", steps, ctx$range)
    output$download_checkout <- csv_download("checkout-abandonment", checkout, ctx$range)
    output$download_daily <- csv_download("funnel-by-day", daily, ctx$range)
  })
}
