# Geography: a world map of sessions by country (drawn offline from R's `maps` package, no tile
# server) and a table that drills down country → region → city (agg_geo_daily).

DBIP_ATTRIBUTION <- shiny::tags$p(
  class = "text-muted small mb-0",
  "Places come from the shopper's address at the edge, which is never stored. ",
  shiny::tags$a(href = "https://db-ip.com", target = "_blank", rel = "noopener", "IP Geolocation by DB-IP"),
  " (CC BY 4.0), or CloudFront's viewer location."
)

mod_geography_ui <- function(id) {
  ns <- shiny::NS(id)
  shiny::tagList(
    view_card("Sessions by country", shiny::plotOutput(ns("map"), height = "380px"), DBIP_ATTRIBUTION),
    view_card(
      "Countries, regions and cities", download_id = ns("download"),
      controls = shiny::uiOutput(ns("up_control"), inline = TRUE),
      shiny::tags$p(class = "small mb-2", shiny::textOutput(ns("where"), inline = TRUE)),
      shiny::tags$p(class = "text-muted small",
                    "Choose a row to see its regions, then its cities. Users: distinct each day, summed over the days."),
      DT::DTOutput(ns("table"))
    )
  )
}

#' The world map: countries shaded by their sessions (none: light grey).
geography_map <- function(countries) {
  world <- ggplot2::map_data("world")
  regions <- map_regions(countries$value)
  regions$sessions <- countries$sessions[match(regions$code, countries$value)]
  world$sessions <- regions$sessions[match(world$region, regions$region)]
  ggplot2::ggplot(world, ggplot2::aes(x = long, y = lat, group = group, fill = sessions)) +
    ggplot2::geom_polygon(colour = "white", linewidth = 0.1) +
    ggplot2::scale_fill_gradient(low = "#c6d9ec", high = DASHBOARD_PRIMARY, na.value = "#e9ecef",
                                 name = "Sessions", labels = function(x) format_count(x)) +
    ggplot2::coord_quickmap(ylim = c(-56, 84)) +
    ggplot2::theme_void() +
    ggplot2::theme(legend.position = "bottom")
}

#' The map's text alternative: the countries with the most sessions.
geography_alt <- function(countries, top = 5L) {
  if (nrow(countries) == 0L) return("World map: no sessions with a known country in this range.")
  head <- utils::head(countries, top)
  sprintf("World map of sessions by country. Most sessions: %s.",
          paste(sprintf("%s %s", country_name(head$value), format_count(head$sessions)), collapse = ", "))
}

mod_geography_server <- function(id, ctx) {
  shiny::moduleServer(id, function(input, output, session) {
    # Where the table is: all countries, one country's regions, or one region's cities.
    place <- shiny::reactiveVal(list(country = NULL, region = NULL))
    level <- shiny::reactive({
      p <- place()
      if (is.null(p$country)) "country" else if (is.null(p$region)) "region" else "city"
    })
    base <- range_inputs(ctx, login_state = TRUE)
    countries <- warehouse_reactive(ctx, "the sessions by country", base, geography)
    rows <- warehouse_reactive(ctx, "the sessions by place",
                               shiny::reactive(c(base(), list(level = level()), place())), geography)

    shiny::observeEvent(input$table_rows_selected, {
      chosen <- rows()[input$table_rows_selected, ]
      p <- place()
      if (nrow(chosen) != 1L || level() == "city") return()
      if (level() == "country") place(list(country = chosen$value, region = NULL))
      else place(list(country = p$country, region = chosen$value))
    })
    shiny::observeEvent(input$up, {
      p <- place()
      if (!is.null(p$region)) place(list(country = p$country, region = NULL))
      else place(list(country = NULL, region = NULL))
    })

    # Shown once there is a level to go up to.
    output$up_control <- shiny::renderUI({
      if (level() == "country") return(NULL)
      shiny::actionButton(session$ns("up"), "Up one level", class = "btn-sm btn-outline-secondary")
    })
    output$where <- shiny::renderText({
      p <- place()
      if (is.null(p$country)) "All countries."
      else if (is.null(p$region)) sprintf("Regions of %s.", country_name(p$country))
      else sprintf("Cities of %s, %s.", label_empty(p$region, "(unknown region)"), country_name(p$country))
    })
    output$map <- shiny::renderPlot(geography_map(countries()), alt = shiny::reactive(geography_alt(countries())))
    output$table <- DT::renderDT({
      data <- rows()
      data$name <- if (level() == "country") {
        ifelse(nzchar(data$value), sprintf("%s (%s)", country_name(data$value), data$value), country_name(data$value))
      } else {
        label_empty(data$value, "(unknown)")
      }
      dt_table(data, c(name = names(GEO_LEVELS)[GEO_LEVELS == level()], sessions = "Sessions", share = "Share",
                       users = "Users", conversion_rate = "Conversion rate", revenue_cents = "Revenue"),
               counts = c("sessions", "users"), rates = c("share", "conversion_rate"), money = "revenue_cents",
               selection = if (level() == "city") "none" else "single")
    })
    output$download <- csv_download(function() paste0("sessions-by-", level()), rows, ctx$range)
    invisible(place)
  })
}
