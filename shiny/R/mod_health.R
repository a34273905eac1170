# Data health: the ETL's latest runs, the failing data checks of the latest checked run, the
# lake reconciliation's findings, orders reconciled with the shop, the daily bot and lost-event
# shares, and the privacy log.

mod_health_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tagList(
    view_card("ETL runs", download_id = ns("download_runs"),
              shiny::tags$p(class = "text-muted small",
                            "The newest 50 runs. Ago: time since the run finished (started, for a run still going)."),
              DT::DTOutput(ns("runs"))),
    bslib::layout_column_wrap(
      width = "520px", fill = FALSE,
      view_card("Failing data checks (latest checked run)", download_id = ns("download_checks"),
                shiny::uiOutput(ns("checks_note")), DT::DTOutput(ns("checks"))),
      view_card("Lake reconciliation", download_id = ns("download_reconciliation"),
                shiny::uiOutput(ns("reconciliation_note")), DT::DTOutput(ns("reconciliation")))
    ),
    view_card("Orders reconciled with the shop", download_id = ns("download_shop"),
              shiny::uiOutput(ns("shop_note")), DT::DTOutput(ns("shop"))),
    view_card("Bots and lost events per day", download_id = ns("download_daily"),
              shiny::tags$p(class = "text-muted small",
                            "Bot share: bot sessions / all sessions. Lost: browser events the tracker numbered that never arrived / (tracked + lost)."),
              plotly::plotlyOutput(ns("daily_chart"), height = "260px"),
              DT::DTOutput(ns("daily"))),
    view_card("Privacy log (erasure and retention)", download_id = ns("download_privacy"),
              shiny::tags$p(class = "text-muted small",
                            "A person is named only by the SHA-256 of their id."),
              DT::DTOutput(ns("privacy")))
  )
}

#' The runs as shown: times as text, the age of each run, flags as yes/no.
runs_for_display <- function(runs, now = Sys.time()) {
  ref <- ifelse(is.na(runs$finished_at), runs$started_at, runs$finished_at)
  data.frame(
    run_id = runs$run_id, status = runs$status,
    started = format_utc_time(runs$started_at, "%Y-%m-%d %H:%M:%S"),
    ago = vapply(ref, function(t) {
      format_duration(as.numeric(now) - as.numeric(t))
    }, character(1)),
    duration_s = runs$duration_s, passes = runs$passes,
    backlog = ifelse(runs$backlog, "yes", "no"), objects_loaded = runs$objects_loaded,
    objects_quarantined = runs$objects_quarantined, events_loaded = runs$events_loaded,
    rejected = runs$rejected, duplicates = runs$duplicates, checks_failed = runs$checks_failed,
    checks_warned = runs$checks_warned, reconciled = ifelse(runs$reconciled, "yes", "no"),
    error = runs$error, stringsAsFactors = FALSE
  )
}

health_chart <- function(rows) {
  p <- plotly::plot_ly(rows, x = ~day)
  p <- plotly::add_trace(p, y = ~bot_share, name = "Bot share", mode = "lines+markers", type = "scatter", line = list(color = "#b00020"))
  p <- plotly::add_trace(p, y = ~lost_share, name = "Events lost", mode = "lines+markers", type = "scatter", line = list(color = "#e08a00"))
  p <- plotly::layout(p, xaxis = date_axis(nrow(rows)), yaxis = list(title = "", tickformat = ".1%", rangemode = "tozero"),
                      legend = list(orientation = "h"), hovermode = "x")
  plotly_chart(p)
}

mod_health_server <- function(id, ctx, now = Sys.time) {
  shiny::moduleServer(id, function(input, output, session) {
    none <- shiny::reactive(list())
    runs <- warehouse_reactive(ctx, "the ETL runs", shiny::reactive(list(limit = 50L)), etl_runs)
    checks <- warehouse_reactive(ctx, "the data checks", none, failing_checks)
    reconciliation <- warehouse_reactive(ctx, "the lake reconciliation", none, lake_reconciliation)
    last_reconciled <- warehouse_reactive(ctx, "the lake reconciliation", none, last_reconciliation)
    daily <- warehouse_reactive(ctx, "the daily bot and lost-event shares", range_inputs(ctx), daily_health)
    privacy <- warehouse_reactive(ctx, "the privacy log", shiny::reactive(list(limit = 100L)), privacy_log)
    shop <- warehouse_reactive(ctx, "the orders reconciled with the shop", range_inputs(ctx), shop_reconciliation)

    shown_runs <- shiny::reactive(runs_for_display(runs(), now()))
    output$runs <- DT::renderDT(dt_table(
      shown_runs(),
      c(run_id = "Run", status = "Status", started = "Started (UTC)", ago = "Ago",
        duration_s = "Duration (s)", passes = "Passes", backlog = "Backlog",
        objects_loaded = "Objects", objects_quarantined = "Quarantined", events_loaded = "Events loaded",
        rejected = "Rejected", duplicates = "Duplicates", checks_failed = "Checks failed",
        checks_warned = "Checks warned", reconciled = "Reconciled", error = "Error"),
      counts = c("objects_loaded", "events_loaded", "rejected", "duplicates"), page_length = 10L,
      order = list(list(0L, "desc"))
    ))
    output$checks_note <- shiny::renderUI({
      rows <- checks()
      if (nrow(rows) == 0L) return(shiny::tags$p(class = "text-success mb-0", "No data check failed in the latest checked run."))
      shiny::tags$p(class = "text-danger", sprintf("%s in run #%s.", plural(nrow(rows), "failing check"),
                                                   format_plain(rows$run_id[1])))
    })
    output$checks <- DT::renderDT(dt_table(
      checks(), c(check_name = "Check", severity = "Severity", failures = "Failing rows", sample = "Sample"),
      counts = "failures", page_length = 10L
    ))
    output$reconciliation_note <- shiny::renderUI({
      last <- last_reconciled()
      if (is.na(last$run_id)) return(shiny::tags$p(class = "text-muted mb-0", "The lake has not been reconciled yet."))
      shiny::tags$p(
        class = if (isTRUE(last$objects_missing > 0)) "text-warning" else "text-success",
        sprintf("Run #%s reconciled %s at %s: %s listed, %s the manifest had not loaded (loaded by that run).",
                format_plain(last$run_id), plural(last$days, "day"), format_utc_time(last$reconciled_at),
                plural(last$objects_listed, "object"), plural(last$objects_missing, "object"))
      )
    })
    output$reconciliation <- DT::renderDT(dt_table(
      reconciliation(), c(day = "Day", objects_listed = "Objects listed", objects_missing = "Objects missing"),
      counts = c("objects_listed", "objects_missing"), page_length = 10L, searching = FALSE
    ))
    output$shop_note <- shiny::renderUI({
      rows <- shop()
      if (nrow(rows) == 0L) {
        return(shiny::tags$p(class = "text-muted mb-0",
                             "No shop totals for these days yet: the ETL reads them when it can reach the shop's database."))
      }
      off <- rows[rows$orders_difference != 0 | rows$revenue_difference_cents != 0, ]
      shiny::tags$p(
        class = if (nrow(off) > 0L) "text-warning" else "text-success",
        sprintf("%s checked: the shop has %s and %s; the warehouse %s and %s. %s.",
                plural(nrow(rows), "day"), plural(sum(rows$shop_orders), "order"),
                format_money(sum(rows$shop_revenue_cents)), plural(sum(rows$warehouse_orders), "order"),
                format_money(sum(rows$warehouse_revenue_cents)),
                if (nrow(off) > 0L) paste(plural(nrow(off), "day"), "differ (an order's event late, lost or doubled)") else "Every day matches")
      )
    })
    output$shop <- DT::renderDT(dt_table(
      shop(), c(day = "Day", shop_orders = "Shop orders", warehouse_orders = "Warehouse orders",
                orders_difference = "Difference", shop_revenue_cents = "Shop revenue",
                warehouse_revenue_cents = "Warehouse revenue", revenue_difference_cents = "Revenue difference"),
      counts = c("shop_orders", "warehouse_orders", "orders_difference"),
      money = c("shop_revenue_cents", "warehouse_revenue_cents", "revenue_difference_cents"),
      page_length = 10L, searching = FALSE, order = list(list(0L, "desc"))
    ))
    output$daily_chart <- plotly::renderPlotly(health_chart(daily()))
    output$daily <- DT::renderDT(dt_table(
      daily(), c(day = "Day", sessions = "Sessions", bot_sessions = "Bot sessions", bot_share = "Bot share",
                 tracked_events = "Events tracked", lost_events = "Events lost", lost_share = "Share lost"),
      counts = c("sessions", "bot_sessions", "tracked_events", "lost_events"),
      rates = c("bot_share", "lost_share"), page_length = 10L, searching = FALSE,
      order = list(list(0L, "desc"))
    ))
    output$privacy <- DT::renderDT({
      rows <- privacy()
      rows$started <- format_utc_time(rows$started_at, "%Y-%m-%d %H:%M:%S")
      rows$subject <- ifelse(nzchar(rows$subject_hash),
                             paste0(rows$subject_kind, " ", substr(rows$subject_hash, 1L, 12L), "\u2026"), "")
      rows$cutoff_text <- ifelse(is.na(rows$cutoff), "", format(rows$cutoff))
      dt_table(rows, c(action_id = "#", action = "Action", status = "Status", started = "Started (UTC)",
                       subject = "Subject (hash)", cutoff_text = "Cutoff", events_deleted = "Events deleted",
                       sessions_deleted = "Sessions deleted", events_pseudonymized = "Events pseudonymized",
                       objects_rewritten = "Objects rewritten", objects_deleted = "Objects deleted",
                       error = "Error"),
               counts = c("events_deleted", "sessions_deleted", "events_pseudonymized"), page_length = 10L)
    })
    output$download_runs <- csv_download("etl-runs", runs)
    output$download_checks <- csv_download("failing-data-checks", checks)
    output$download_reconciliation <- csv_download("lake-reconciliation", reconciliation)
    output$download_daily <- csv_download("bots-and-lost-events", daily, ctx$range)
    output$download_shop <- csv_download("orders-reconciled-with-shop", shop, ctx$range)
    output$download_privacy <- csv_download("privacy-log", privacy)
  })
}
