# The global filters: a period preset, the date range it sets (or a custom one), the category
# (for the views whose data has one: funnel and products) and the login state (for the views
# counted by session or event: overview, funnel, acquisition, technology, retention, events).

DATE_PRESETS <- c("Last 7 days" = "7", "Last 30 days" = "30", "Last 90 days" = "90",
                  "This month" = "month", "Custom" = "custom")

mod_filters_ui <- function(id, now = Sys.time()) {
  ns <- shiny::NS(id)
  range <- default_range(30L, now)
  shiny::tags$div(
    class = "d-flex flex-wrap align-items-end gap-3",
    shiny::selectInput(ns("preset"), "Period", choices = DATE_PRESETS, selected = "30",
                       width = "11rem", selectize = FALSE),
    shiny::dateRangeInput(ns("range"), "Dates (UTC days)", start = range$from, end = range$to,
                          format = "yyyy-mm-dd", weekstart = 1),
    shiny::selectInput(ns("category"), "Category (funnel, products)",
                       choices = c("All categories" = ALL_CATEGORIES), selected = ALL_CATEGORIES,
                       width = "14rem", selectize = FALSE),
    shiny::selectInput(ns("login_state"), "Shoppers (sessions, events)", choices = LOGIN_STATES,
                       selected = LOGIN_STATES[["All shoppers"]], width = "13rem", selectize = FALSE)
  )
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

#' The category choices: "All categories" and each known category (shown as text).
category_choices <- function(categories) {
  categories <- categories[!is.na(categories) & nzchar(categories) & categories != ALL_CATEGORIES]
  c(c("All categories" = ALL_CATEGORIES), stats::setNames(categories, categories))
}

#' @param categories reactive returning the known categories
#' @param now function returning the current time (the presets are relative to today, UTC)
#' @return list(range = reactive list(from, to), category = reactive string, login_state =
#'   reactive string)
mod_filters_server <- function(id, categories, now = Sys.time) {
  shiny::moduleServer(id, function(input, output, session) {
    # A preset sets the range; editing the range by hand makes the preset "Custom".
    shiny::observeEvent(input$preset, {
      r <- preset_range(input$preset, now())
      if (!is.null(r)) shiny::updateDateRangeInput(session, "range", start = r$from, end = r$to)
    }, ignoreInit = TRUE)
    shiny::observeEvent(input$range, {
      value <- input$range
      if (length(value) == 2L && !anyNA(value)) {
        preset <- matching_preset(value[1], value[2], input$preset, now())
        if (!identical(preset, input$preset)) shiny::updateSelectInput(session, "preset", selected = preset)
      }
    }, ignoreInit = TRUE)

    shiny::observe({
      known <- categories()
      selected <- shiny::isolate(input$category)
      if (is.null(selected) || !selected %in% known) selected <- ALL_CATEGORIES
      shiny::updateSelectInput(session, "category", choices = category_choices(known), selected = selected)
    })

    list(
      range = shiny::reactive(validated_range(input$range)),
      category = shiny::reactive({
        value <- input$category
        if (is.null(value) || length(value) != 1L || !nzchar(value)) ALL_CATEGORIES else value
      }),
      login_state = shiny::reactive({
        value <- input$login_state
        if (is.null(value) || length(value) != 1L || !value %in% LOGIN_STATES) LOGIN_STATES[["All shoppers"]] else value
      })
    )
  })
}
