# compushop analytics: the admins' dashboard over the warehouse.
# Run with shiny::runApp("shiny") or Rscript shiny/run.R. The files in R/ are loaded by Shiny
# before this one. The warehouse settings are read once here, so a missing setting stops the
# start with a clear message (see R/db.R for the variables).
#
# One warehouse connection per R process, shared by its sessions (R/db.R), and one cache of
# query results shared by its sessions, keyed on the inputs and the newest ETL run (R/mod_common.R).

config <- warehouse_config()
message("[dashboard] warehouse: ", format(config))
warehouse <- shared_warehouse(config)
shiny::onStop(warehouse$close)

shiny::shinyApp(
  ui = dashboard_ui,
  server = dashboard_server(run_query = warehouse$run, cache = success_only_cache())
)
