# Panel (on the overview): the most viewed products in the range, as a plain HTML table whose
# rows carry data-product-id and name the product in a row header.

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
    add_to_carts = format_plain(rows$add_to_carts),
    units_sold = format_plain(rows$units_sold),
    stringsAsFactors = FALSE
  )
  html_table(
    shown,
    columns = c(rank = "#", name = "Product", brand = "Brand", category = "Category",
                views = "Views", add_to_carts = "Adds to cart", units_sold = "Units sold"),
    caption = sprintf("Most viewed products, %s to %s%s", from, to,
                      if (any(unknown)) " (\u2014: no product details in the warehouse yet)" else ""),
    numeric = c("rank", "views", "add_to_carts", "units_sold"), row_header = "name",
    row_attrs = function(i) list(`data-product-id` = rows$product_id[i]),
    class = "table table-sm table-hover align-middle mb-0 caption-top"
  )
}

mod_top_products_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    limit <- shiny::reactive({
      value <- suppressWarnings(as.integer(input$limit))
      if (length(value) != 1L || is.na(value) || !value %in% TOP_PRODUCT_LIMITS) 10L else value
    })
    base <- range_inputs(ctx, category = TRUE)
    inputs <- shiny::reactive(c(base(), list(limit = limit())))
    rows <- warehouse_reactive(ctx, "the top products", inputs, top_products)
    output$table <- shiny::renderUI({
      r <- ctx$range()
      top_products_table(rows(), r$from, r$to)
    })
  })
}
