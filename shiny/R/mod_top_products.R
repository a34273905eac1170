# Panel: the most viewed products in the range.

TOP_PRODUCT_LIMITS <- c("Top 10" = 10L, "Top 25" = 25L, "Top 50" = 50L)

mod_top_products_ui <- function(id) {
  ns <- shiny::NS(id)
  bslib::card(
    bslib::card_header(
      class = "d-flex justify-content-between align-items-center gap-2",
      shiny::tags$h2(class = "h5 mb-0", "Top viewed products"),
      shiny::tags$div(
        class = "d-flex align-items-center gap-2",
        shiny::tags$label(`for` = ns("limit"), class = "small text-muted mb-0", "Show"),
        shiny::tags$select(
          id = ns("limit"), class = "form-select form-select-sm w-auto",
          lapply(names(TOP_PRODUCT_LIMITS), function(label) {
            shiny::tags$option(value = TOP_PRODUCT_LIMITS[[label]], label)
          })
        )
      )
    ),
    bslib::card_body(
      shiny::tags$div(class = "table-responsive", shiny::uiOutput(ns("table")))
    )
  )
}

top_products_table <- function(rows, from, to) {
  if (nrow(rows) == 0L) {
    return(shiny::tags$p(class = "text-muted mb-0",
                         sprintf("No product views from %s to %s.", from, to)))
  }
  unknown <- is.na(rows$brand)
  shown <- data.frame(
    rank = as.character(seq_len(nrow(rows))),
    name = rows$name,
    brand = ifelse(unknown, "\u2014", rows$brand),
    category = ifelse(is.na(rows$category), "\u2014", rows$category),
    views = format_plain(rows$views),
    visitors = format_plain(rows$visitors),
    stringsAsFactors = FALSE
  )
  html_table(
    shown,
    columns = c(rank = "#", name = "Product", brand = "Brand", category = "Category",
                views = "Views", visitors = "Visitors"),
    caption = sprintf("Most viewed products, %s to %s%s", from, to,
                      if (any(unknown)) " (\u2014: no product details in the warehouse yet)" else ""),
    numeric = c("rank", "views", "visitors"), row_header = "name",
    row_attrs = function(i) list(`data-product-id` = rows$product_id[i]),
    class = "table table-sm table-hover align-middle mb-0 caption-top"
  )
}

mod_top_products_server <- function(id, range, refresh, run_query) {
  shiny::moduleServer(id, function(input, output, session) {
    limit <- shiny::reactive({
      value <- suppressWarnings(as.integer(input$limit))
      if (length(value) != 1L || is.na(value) || !value %in% TOP_PRODUCT_LIMITS) 10L else value
    })
    rows <- shiny::reactive({
      refresh()
      r <- range()
      n <- limit()
      query_or_explain(run_query, function(con) top_viewed_products(con, r$from, r$to, n),
                       "the top products")
    })
    output$table <- shiny::renderUI({
      r <- range()
      top_products_table(rows(), r$from, r$to)
    })
  })
}
