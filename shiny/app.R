# compushop analytics: the admins' dashboard over the warehouse.
# Run with shiny::runApp("shiny") or Rscript shiny/run.R. The files in R/ are loaded by Shiny
# before this one. The warehouse settings are read once here, so a missing setting stops the
# start with a clear message (see R/db.R for the variables).

config <- warehouse_config()
message("[dashboard] warehouse: ", format(config))

shiny::shinyApp(
  ui = dashboard_ui,
  server = dashboard_server(run_query = function(fn) with_warehouse(fn, config))
)
