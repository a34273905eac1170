# Search: searches in the range, the top queries, the queries that found nothing, and how often
# a search led to a click or a purchase (agg_search_daily).

mod_search_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tagList(
    shiny::uiOutput(ns("totals")),
    bslib::layout_column_wrap(
      width = "520px", fill = FALSE,
      view_card("Top queries", download_id = ns("download_top"), DT::DTOutput(ns("top"))),
      view_card("Queries with no results", download_id = ns("download_zero"), DT::DTOutput(ns("zero")))
    )
  )
}

search_totals_ui <- function(row) {
  item <- function(label, value) {
    shiny::tags$div(class = "col", shiny::tags$div(class = "small text-muted", label),
                    shiny::tags$div(class = "h4 mb-0", value))
  }
  shiny::tags$div(
    class = "row row-cols-2 row-cols-md-3 row-cols-lg-6 g-3 mb-3",
    item("Searches", format_count(row$searches)),
    item("Distinct queries", format_count(row$queries)),
    item("Zero-result searches", format_count(row$zero_result_searches)),
    item("Zero-result rate", format_percent(row$zero_result_rate)),
    item("Search to click", format_percent(row$click_rate)),
    item("Search to purchase", format_percent(row$purchase_rate))
  )
}

SEARCH_TABLE_COLUMNS <- c(
  query = "Query", searches = "Searches", zero_result_searches = "No results",
  click_rate = "Search to click", purchase_rate = "Search to purchase"
)

mod_search_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    base <- range_inputs(ctx)
    totals <- warehouse_reactive(ctx, "the search totals", base, search_totals)
    top <- warehouse_reactive(ctx, "the top queries", base, search_queries)
    zero <- warehouse_reactive(ctx, "the zero-result queries",
                               shiny::reactive(c(base(), list(zero_results_only = TRUE))), search_queries)

    output$totals <- shiny::renderUI(search_totals_ui(totals()))
    table <- function(rows) {
      dt_table(rows, SEARCH_TABLE_COLUMNS, counts = c("searches", "zero_result_searches"),
               rates = c("click_rate", "purchase_rate"))
    }
    output$top <- DT::renderDT(table(top()))
    output$zero <- DT::renderDT(table(zero()))
    output$download_top <- csv_download("search-queries", top, ctx$range)
    output$download_zero <- csv_download("zero-result-queries", zero, ctx$range)
  })
}
