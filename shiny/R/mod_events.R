# Events: counts by event name and login state, and pages of the newest events as loaded, for
# debugging the tracker. Everything a browser sent is shown as text.

mod_events_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tagList(
    view_card("Events by name", download_id = ns("download_counts"),
              shiny::tags$p(class = "text-muted small",
                            paste("People's events (bots apart), split by the event's own login state; server: the",
                                  "shop's signed events (orders, catalog). Follows the Shoppers filter.")),
              DT::DTOutput(ns("counts"))),
    view_card(
      "Newest events", download_id = ns("download_sample"),
      controls = shiny::tagList(
        shiny::selectInput(ns("event_name"), NULL, choices = c("All events" = ""), width = "13rem",
                           selectize = FALSE),
        shiny::actionButton(ns("newer"), "Newer", class = "btn-sm btn-outline-secondary"),
        shiny::tags$span(class = "small text-muted", shiny::textOutput(ns("page_label"), inline = TRUE)),
        shiny::actionButton(ns("older"), "Older", class = "btn-sm btn-outline-secondary")
      ),
      shiny::tags$p(class = "text-muted small",
                    paste("Newest first by the clock-corrected time (UTC), bots included. The table shows a visitor's first",
                          "8 characters and properties' first 140; the CSV has them whole (properties up to 500).")),
      DT::DTOutput(ns("sample"))
    )
  )
}

EVENT_PAGE_SIZE <- 50L

mod_events_server <- function(id, ctx, page_size = EVENT_PAGE_SIZE) {
  shiny::moduleServer(id, function(input, output, session) {
    base <- range_inputs(ctx, login_state = TRUE)
    counts <- warehouse_reactive(ctx, "the event counts", base, event_counts)
    names_in_range <- warehouse_reactive(ctx, "the event names", range_inputs(ctx), event_names)

    shiny::observe({
      known <- names_in_range()
      selected <- shiny::isolate(input$event_name)
      if (is.null(selected) || !selected %in% known) selected <- ""
      shiny::updateSelectInput(session, "event_name", choices = c("All events" = "", stats::setNames(known, known)),
                               selected = selected)
    })
    event_name <- shiny::reactive({
      value <- input$event_name
      if (is.null(value) || length(value) != 1L) "" else value
    })

    # A new filter starts at the newest page again.
    page <- shiny::reactiveVal(1L)
    shiny::observeEvent(list(base(), event_name()), page(1L), ignoreInit = TRUE)
    shiny::observeEvent(input$newer, page(max(1L, page() - 1L)))
    shiny::observeEvent(input$older, {
      if (nrow(sample()) == page_size) page(page() + 1L)
    })

    sample <- warehouse_reactive(
      ctx, "the newest events",
      shiny::reactive(c(base(), list(event_name = event_name(), page = page(), page_size = page_size))),
      recent_events
    )

    output$counts <- DT::renderDT(dt_table(
      counts(), c(event_name = "Event", events = "Events", signed_in_events = "Signed in",
                  anonymous_events = "Anonymous", server_events = "Server (signed)", bot_events = "Bots"),
      counts = c("events", "signed_in_events", "anonymous_events", "server_events", "bot_events"),
      page_length = 25L
    ))
    output$page_label <- shiny::renderText({
      rows <- sample()
      first <- (page() - 1L) * page_size
      if (nrow(rows) == 0L) sprintf("Page %d: none", page()) else {
        sprintf("Page %d: events %s to %s", page(), format_count(first + 1L), format_count(first + nrow(rows)))
      }
    })
    output$sample <- DT::renderDT({
      rows <- sample()
      rows$time <- format_utc_time(rows$derived_at, "%m-%d %H:%M:%S")
      # Short in the table (the CSV has them whole): the visitor's first block, properties cut.
      rows$visitor <- substr(rows$anonymous_id, 1L, 8L)
      rows$properties <- vapply(rows$properties, shorten, character(1), max = 140L)
      rows$login <- ifelse(rows$signed_in, "signed in", "anonymous")
      rows$source <- ifelse(rows$trusted, "server", ifelse(rows$is_bot, "bot", "browser"))
      dt_table(rows, c(time = "Time (UTC)", event_name = "Event", source = "Source", login = "Login",
                       page_path = "Page", product_id = "Product", seq = "Seq",
                       visitor = "Visitor", properties = "Properties", flags = "Flags"),
               page_length = page_size, searching = FALSE)
    })
    output$download_counts <- csv_download("events-by-name", counts, ctx$range)
    output$download_sample <- csv_download("newest-events", sample, ctx$range)
  })
}
