# Overview: the KPIs of the range against the previous period of the same length, and their
# daily trend with the previous period overlaid (agg_daily_kpi; users from fact_session).

mod_overview_ui <- function(id) {
  ns <- shiny::NS(id)
  boxes <- lapply(seq_len(nrow(OVERVIEW_METRICS)), function(i) {
    m <- OVERVIEW_METRICS$metric[i]
    bslib::value_box(
      title = OVERVIEW_METRICS$label[i],
      value = shiny::tags$span(class = "h3 mb-1", shiny::textOutput(ns(paste0("value_", m)), inline = TRUE)),
      shiny::tags$p(class = "small mb-0", shiny::textOutput(ns(paste0("change_", m)), inline = TRUE)),
      theme_color = if (OVERVIEW_METRICS$kind[i] == "rate") "secondary" else "primary"
    )
  })
  shiny::tagList(
    shiny::tags$div(
      class = "d-flex justify-content-between align-items-center mb-2",
      shiny::tags$p(class = "text-muted small mb-0", shiny::textOutput(ns("periods"), inline = TRUE)),
      shiny::downloadButton(ns("download_kpis"), "KPIs as CSV", class = "btn-sm btn-outline-secondary")
    ),
    do.call(bslib::layout_column_wrap, c(list(width = "200px", fill = FALSE, class = "mb-3"), boxes)),
    view_card(
      "Daily trend", download_id = ns("download_daily"),
      controls = shiny::selectInput(
        ns("metric"), NULL, width = "14rem", selectize = FALSE,
        choices = stats::setNames(OVERVIEW_METRICS$metric, OVERVIEW_METRICS$label)
      ),
      plotly::plotlyOutput(ns("trend"), height = "320px")
    )
  )
}

#' One metric per day for the trend chart: the current period's days with the metric, and the
#' previous period's value on the same position (its n-th day beside the current n-th day).
trend_series <- function(current, previous, metric) {
  current <- with_rates(current)
  previous <- with_rates(previous)
  n <- nrow(current)
  prev_value <- rep(NA_real_, n)
  prev_day <- rep(as.Date(NA), n)
  k <- min(n, nrow(previous))
  if (k > 0L) {
    prev_value[seq_len(k)] <- previous[[metric]][seq_len(k)]
    prev_day[seq_len(k)] <- previous$day[seq_len(k)]
  }
  data.frame(day = current$day, current = as.numeric(current[[metric]]), previous = prev_value,
             previous_day = prev_day)
}

trend_chart <- function(series, label, kind) {
  scale <- if (kind == "money") 0.01 else 1
  tick <- switch(kind, rate = ".1%", money = "$,.2f", ",d")
  show <- function(value) {
    ifelse(is.na(value), "\u2014", format_metric(value, kind))
  }
  series$current_text <- sprintf("%s: %s", format(series$day, "%Y-%m-%d"), show(series$current))
  series$previous_text <- sprintf("%s: %s", format(series$previous_day, "%Y-%m-%d"), show(series$previous))
  p <- plotly::plot_ly(series, x = ~day)
  p <- plotly::add_trace(p, y = ~ current * scale, name = "This period", text = ~current_text,
                         hoverinfo = "text+name", mode = "lines+markers", type = "scatter", line = list(color = DASHBOARD_PRIMARY, width = 3))
  p <- plotly::add_trace(p, y = ~ previous * scale, name = "Previous period", text = ~previous_text,
                         hoverinfo = "text+name", mode = "lines+markers", type = "scatter", line = list(color = "#8a99a8", width = 2, dash = "dot"))
  p <- plotly::layout(p, xaxis = date_axis(nrow(series)), yaxis = list(title = label, tickformat = tick, rangemode = "tozero"),
                      legend = list(orientation = "h"), hovermode = "x")
  plotly_chart(p)
}

mod_overview_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    previous_inputs <- shiny::reactive({
      r <- ctx$range()
      c(previous_period(r$from, r$to), list(login_state = ctx$login_state()))
    })
    current <- warehouse_reactive(ctx, "the overview totals", range_inputs(ctx, login_state = TRUE), overview_totals)
    previous <- warehouse_reactive(ctx, "the overview totals", previous_inputs, overview_totals)
    daily <- warehouse_reactive(ctx, "the daily KPIs", range_inputs(ctx, login_state = TRUE), overview_daily)
    previous_daily <- warehouse_reactive(ctx, "the daily KPIs", previous_inputs, overview_daily)
    comparison <- shiny::reactive(compare_periods(current(), previous()))

    output$periods <- shiny::renderText({
      r <- ctx$range()
      p <- previous_period(r$from, r$to)
      sprintf("%s to %s, compared with %s to %s.", r$from, r$to, p$from, p$to)
    })
    lapply(seq_len(nrow(OVERVIEW_METRICS)), function(i) {
      metric <- OVERVIEW_METRICS$metric[i]
      kind <- OVERVIEW_METRICS$kind[i]
      output[[paste0("value_", metric)]] <- shiny::renderText({
        format_metric(comparison()$current[i], kind)
      })
      output[[paste0("change_", metric)]] <- shiny::renderText({
        c <- comparison()
        sprintf("%s vs %s", format_change(c$change[i], kind), format_metric(c$previous[i], kind))
      })
    })

    metric <- shiny::reactive({
      value <- input$metric
      if (is.null(value) || !value %in% OVERVIEW_METRICS$metric) "sessions" else value
    })
    output$trend <- plotly::renderPlotly({
      m <- OVERVIEW_METRICS[OVERVIEW_METRICS$metric == metric(), ]
      trend_chart(trend_series(daily(), previous_daily(), m$metric), m$label, m$kind)
    })

    output$download_kpis <- csv_download("kpis", function() {
      c <- comparison()
      c[, c("metric", "label", "current", "previous", "change")]
    }, ctx$range)
    output$download_daily <- csv_download("daily-kpis", function() with_rates(daily()), ctx$range)
  })
}
