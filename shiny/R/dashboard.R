# The dashboard page: navigation of views under a bar with the global filters and the freshness
# line; the server polls the ETL status and hands every view the filters, the newest succeeded
# run id and the shared connection.

DASHBOARD_PRIMARY <- "#1f5f99"
POLL_INTERVAL_MS <- 15000L

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

#' The views: navigation label, module id and UI function.
DASHBOARD_VIEWS <- list(
  list(label = "Overview", id = "overview"),
  list(label = "Realtime", id = "realtime"),
  list(label = "Funnel", id = "funnel"),
  list(label = "Products", id = "products"),
  list(label = "Search", id = "search"),
  list(label = "Acquisition", id = "acquisition"),
  list(label = "Paths", id = "paths"),
  list(label = "Geography", id = "geography"),
  list(label = "Technology", id = "technology"),
  list(label = "Retention", id = "retention"),
  list(label = "Events", id = "events"),
  list(label = "Data health", id = "health")
)

view_ui <- function(id) {
  switch(id,
    overview = shiny::tagList(
      mod_overview_ui("overview"),
      shiny::tags$div(class = "mt-3", mod_top_products_ui("top_products"))
    ),
    realtime = mod_realtime_ui("realtime"),
    funnel = mod_funnel_ui("funnel"),
    products = mod_products_ui("products"),
    search = mod_search_ui("search"),
    acquisition = mod_acquisition_ui("acquisition"),
    paths = mod_paths_ui("paths"),
    geography = mod_geography_ui("geography"),
    technology = mod_technology_ui("technology"),
    retention = mod_retention_ui("retention"),
    events = mod_events_ui("events"),
    health = mod_health_ui("health")
  )
}

#' The page. A function of the request, so "the last 30 days" is computed per page load.
dashboard_ui <- function(request = NULL, now = Sys.time()) {
  tabs <- lapply(DASHBOARD_VIEWS, function(view) {
    bslib::nav(view$label, value = view$id,
               shiny::tags$main(class = "py-3",
                                shiny::tags$h1(class = "visually-hidden", paste("compushop analytics:", view$label)),
                                view_ui(view$id)))
  })
  do.call(bslib::page_navbar, c(tabs, list(
    title = "compushop analytics",
    id = "view",
    window_title = "compushop analytics",
    theme = dashboard_theme(),
    lang = "en",
    header = shiny::tagList(
      # No favicon request (and no 404 in the browser console).
      shiny::tags$head(shiny::tags$link(rel = "icon", href = "data:,"), plotly_shim()),
      shiny::tags$div(
        class = "container-fluid border-bottom pb-2 mb-1",
        mod_filters_ui("filters", now),
        mod_freshness_ui("freshness")
      )
    ),
    footer = datepicker_shim()
  )))
}

#' Debian's r-cran-plotly ships plotly.js v1.31, older than its R binding expects: after each
#' plot the binding reads gd._fullLayout._subplots.mapbox, which v1.31 does not set, and throws.
#' Wraps Plotly.newPlot (as plotly.js defines window.Plotly, when the first chart loads it) to
#' set an empty _subplots first; a no-op with a plotly.js that sets it.
plotly_shim <- function() {
  shiny::tags$script(shiny::HTML(paste0(
    "(function(){var P;Object.defineProperty(window,'Plotly',{configurable:true,get:function(){return P},",
    "set:function(v){P=v;if(v&&v.newPlot&&!v.__compushopShim){var np=v.newPlot;",
    "v.newPlot=function(gd){var el=typeof gd==='string'?document.getElementById(gd):gd;",
    "return Promise.resolve(np.apply(this,arguments)).then(function(r){",
    "if(el&&el._fullLayout&&!el._fullLayout._subplots)el._fullLayout._subplots={};return r;});};",
    "v.__compushopShim=true;}}});})();"
  )))
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

#' Builds the server function.
#'
#' `run_query(fn)` calls fn(con) with a warehouse connection: the app passes the process's
#' shared connection (shared_warehouse()$run), tests a transaction's. `cache` is shared by every
#' session the function serves (bindCache keys: the query, its inputs, the newest succeeded
#' run id). Every `poll_ms` the server reads the ETL status (one small query on etl_run): the
#' freshness line shows it, and when a newer run has succeeded the views' data reactives, which
#' depend on its id, query again; until then they are served from the cache.
dashboard_server <- function(run_query, cache = success_only_cache(), poll_ms = POLL_INTERVAL_MS,
                             now = Sys.time) {
  force(run_query)
  force(cache)
  function(input, output, session) {
    run_id <- shiny::reactiveVal(NULL)
    status <- shiny::reactiveVal(NULL)
    shiny::observe({
      shiny::invalidateLater(poll_ms)
      checked <- now()
      current <- tryCatch(run_query(etl_status), error = function(e) {
        message("[dashboard] loading the ETL status failed: ", conditionMessage(e))
        NULL
      })
      status(list(status = current, checked_at = checked))
      known <- shiny::isolate(run_id())
      # Unknown while the warehouse cannot be reached: -1, so the views still try (and say
      # what failed) and query again once the status is back.
      newest <- if (!is.null(current)) current$succeeded_run_id[1] else if (is.null(known)) -1 else known
      if (!identical(newest, known)) run_id(newest)
    })
    ready_run_id <- shiny::reactive({
      id <- run_id()
      shiny::req(!is.null(id))
      id
    })

    base <- dashboard_context(NULL, NULL, ready_run_id, run_query, cache)
    categories <- warehouse_reactive(base, "the categories", shiny::reactive(list()), product_categories)
    filters <- mod_filters_server("filters", categories, now)
    ctx <- dashboard_context(filters$range, filters$category, ready_run_id, run_query, cache,
                             login_state = filters$login_state)

    mod_freshness_server("freshness", status)
    mod_overview_server("overview", ctx)
    mod_top_products_server("top_products", ctx)
    mod_funnel_server("funnel", ctx)
    mod_products_server("products", ctx)
    mod_search_server("search", ctx)
    mod_acquisition_server("acquisition", ctx)
    mod_paths_server("paths", ctx)
    mod_geography_server("geography", ctx)
    mod_technology_server("technology", ctx)
    mod_realtime_server("realtime", ctx, now)
    mod_retention_server("retention", ctx, today = function() as.Date(now(), tz = "UTC"))
    mod_events_server("events", ctx)
    mod_health_server("health", ctx, now)
  }
}
