# Paths: the most common entry pages, exit pages and paths (a session's first three pages)
# (agg_page_path_daily). Paths are what shoppers' browsers sent: shown as text only.

mod_paths_ui <- function(id) {
  ns <- shiny::NS(id)
  view_card(
    "Pages and paths", download_id = ns("download"),
    controls = shiny::selectInput(ns("kind"), NULL, choices = PATH_KINDS, selected = "entry",
                                  width = "14rem", selectize = FALSE),
    shiny::tags$p(class = "text-muted small",
                  "Entry: a session's first page; exit: its last; path: its first three pages. Share: of all sessions in the range."),
    DT::DTOutput(ns("table"))
  )
}

mod_paths_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    kind <- shiny::reactive({
      value <- input$kind
      if (is.null(value) || !value %in% PATH_KINDS) "entry" else value
    })
    base <- range_inputs(ctx)
    rows <- warehouse_reactive(ctx, "the pages and paths",
                               shiny::reactive(c(base(), list(kind = kind()))), page_paths)
    output$table <- DT::renderDT(dt_table(
      rows(),
      c(path = if (kind() == "path") "Path" else "Page", sessions = "Sessions", share = "Share",
        bounce_rate = "Bounce rate", conversion_rate = "Conversion rate"),
      counts = "sessions", rates = c("share", "bounce_rate", "conversion_rate")
    ))
    output$download <- csv_download(function() paste0(kind(), "-pages"), rows, ctx$range)
  })
}
