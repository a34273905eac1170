# Products: every product's list views, click-through, views, add-to-cart rate, orders, units,
# conversion and revenue for the range and category (agg_product_daily, dim_product), and a
# drill-down into one product's daily trend (select its row).

mod_products_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tagList(
    view_card(
      "Products", download_id = ns("download_products"),
      shiny::tags$p(class = "text-muted small",
                    "Click-through: clicks / list views. Add-to-cart rate and conversion: adds to cart and orders / product page views. Select a row for its daily trend."),
      DT::DTOutput(ns("table"))
    ),
    view_card(
      "Daily trend of the selected product", download_id = ns("download_daily"),
      shiny::tags$p(class = "text-muted small mb-1", shiny::textOutput(ns("selected"), inline = TRUE)),
      plotly::plotlyOutput(ns("trend"), height = "300px")
    )
  )
}

PRODUCT_TABLE_COLUMNS <- c(
  name = "Product", brand = "Brand", category = "Category", list_views = "List views",
  click_through = "Click-through", views = "Views", add_to_cart_rate = "Add-to-cart rate",
  orders = "Orders", units_sold = "Units", conversion = "Conversion", revenue_cents = "Revenue"
)

product_trend_chart <- function(rows) {
  p <- plotly::plot_ly(rows, x = ~day)
  p <- plotly::add_trace(p, y = ~views, name = "Views", mode = "lines+markers", type = "scatter", line = list(color = DASHBOARD_PRIMARY))
  p <- plotly::add_trace(p, y = ~add_to_carts, name = "Adds to cart", mode = "lines+markers", type = "scatter", line = list(color = "#e08a00"))
  p <- plotly::add_trace(p, y = ~units_sold, name = "Units sold", mode = "lines+markers", type = "scatter", line = list(color = "#2e7d4f"))
  p <- plotly::layout(p, xaxis = date_axis(nrow(rows)), yaxis = list(title = "", rangemode = "tozero"),
                      legend = list(orientation = "h"), hovermode = "x")
  plotly_chart(p)
}

mod_products_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    rows <- warehouse_reactive(ctx, "the products", range_inputs(ctx, category = TRUE), product_performance)

    output$table <- DT::renderDT(dt_table(
      rows(), PRODUCT_TABLE_COLUMNS,
      counts = c("list_views", "views", "orders", "units_sold"), money = "revenue_cents",
      rates = c("click_through", "add_to_cart_rate", "conversion"), selection = "single"
    ))

    selected <- shiny::reactive({
      i <- input$table_rows_selected
      data <- rows()
      if (length(i) != 1L || is.na(i) || i > nrow(data)) return(NULL)
      data[i, , drop = FALSE]
    })
    daily_inputs <- shiny::reactive({
      product <- selected()
      shiny::req(product)
      r <- ctx$range()
      list(product_id = product$product_id, from = r$from, to = r$to)
    })
    daily <- warehouse_reactive(ctx, "the product's daily trend", daily_inputs, product_daily)

    output$selected <- shiny::renderText({
      product <- selected()
      if (is.null(product)) return("Select a product in the table above.")
      sprintf("%s (%s, %s): %s views, %s units sold, %s.", product$name,
              ifelse(is.na(product$brand), "\u2014", product$brand),
              ifelse(is.na(product$category), "\u2014", product$category),
              format_count(product$views), format_count(product$units_sold),
              format_money(product$revenue_cents))
    })
    output$trend <- plotly::renderPlotly(product_trend_chart(daily()))
    output$download_products <- csv_download("products", rows, ctx$range)
    output$download_daily <- csv_download("product-daily", function() {
      cbind(product_id = selected()$product_id, daily())
    }, ctx$range)
  })
}
