# The dashboard page: controls, header and panels, wired to the warehouse.

DASHBOARD_PRIMARY <- "#1f5f99"
REFRESH_INTERVAL_MS <- 30000L

#' Bootstrap 5 with system fonts only: nothing is fetched from the internet at runtime.
dashboard_theme <- function() {
  system_sans <- bslib::font_collection(
    "system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial",
    "Noto Sans", "Liberation Sans", "sans-serif"
  )
  bslib::bs_theme(
    version = 5, primary = DASHBOARD_PRIMARY, secondary = "#5a6b7b", success = "#2e7d4f",
    base_font = system_sans, heading_font = system_sans,
    code_font = bslib::font_collection("ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace")
  )
}

#' The page. A function of the request, so "the last 30 days" is computed per page load.
dashboard_ui <- function(request = NULL, now = Sys.time()) {
  range <- default_range(30L, now)
  bslib::page_navbar(
    title = "compushop analytics",
    window_title = "compushop analytics",
    theme = dashboard_theme(),
    lang = "en",
    bslib::nav(
      "Overview",
      shiny::tags$head(
        # No favicon request (and no 404 in the browser console).
        shiny::tags$link(rel = "icon", href = "data:,")
      ),
      shiny::tags$main(
        class = "py-3",
        shiny::tags$h1(class = "visually-hidden", "compushop analytics overview"),
        shiny::tags$div(
          class = "d-flex flex-wrap align-items-end gap-3 mb-2",
          shiny::dateRangeInput(
            "range", "Date range (UTC days)", start = range$from, end = range$to,
            format = "yyyy-mm-dd", weekstart = 1
          ),
          shiny::tags$div(
            class = "form-group shiny-input-container d-flex align-items-center gap-2",
            shiny::actionButton("refresh", "Refresh", class = "btn-primary"),
            shiny::tags$span(class = "text-muted small",
                             sprintf("Updates every %d s.", REFRESH_INTERVAL_MS %/% 1000L))
          )
        ),
        mod_header_ui("header"),
        bslib::layout_column_wrap(
          width = "480px", fill = FALSE,
          mod_page_views_ui("page_views"),
          mod_top_products_ui("top_products")
        )
      ),
      datepicker_shim()
    )
  )
}

#' Debian's r-cran-shiny ships an older bootstrap-datepicker (libjs-twitter-bootstrap-datepicker)
#' whose document-ready hook calls $.fn.datepicker after Shiny has renamed it to bsDatepicker,
#' which throws a page error. Runs after the head scripts and before document-ready; a no-op
#' wherever $.fn.datepicker exists.
datepicker_shim <- function() {
  shiny::tags$script(shiny::HTML(
    "if (window.jQuery && !jQuery.fn.datepicker && jQuery.fn.bsDatepicker) jQuery.fn.datepicker = jQuery.fn.bsDatepicker;"
  ))
}

#' The selected range as list(from, to), or a validation message instead of the outputs.
validated_range <- function(value) {
  shiny::validate(shiny::need(length(value) == 2L && !anyNA(value), "Choose a start and an end date."))
  from <- as.Date(value[1])
  to <- as.Date(value[2])
  shiny::validate(shiny::need(from <= to, "The start date must be on or before the end date."))
  shiny::validate(shiny::need(as.integer(to - from) < MAX_RANGE_DAYS,
                              sprintf("Choose at most %d days.", MAX_RANGE_DAYS)))
  list(from = from, to = to)
}

#' Builds the server function. `run_query(fn)` calls fn(con) with a warehouse connection; the
#' app passes one that opens and closes a connection per call (see db.R), tests may pass a fake.
dashboard_server <- function(run_query, refresh_ms = REFRESH_INTERVAL_MS) {
  force(run_query)
  function(input, output, session) {
    range <- shiny::reactive(validated_range(input$range))
    # Fires every refresh_ms and on the Refresh button; its value is the time of the refresh.
    refresh <- shiny::reactive({
      shiny::invalidateLater(refresh_ms)
      input$refresh
      Sys.time()
    })
    mod_header_server("header", range, refresh, run_query)
    mod_page_views_server("page_views", range, refresh, run_query)
    mod_top_products_server("top_products", range, refresh, run_query)
  }
}
