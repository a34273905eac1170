# geography(), country_name() and map_regions() against the seeded places; the audience
# dimensions of technology().

test_that("sessions roll up by country, then drill into a country's regions and a region's cities", {
  con <- local_warehouse()
  seed_geography(con)

  countries <- geography(con, "2001-03-01", "2001-03-05")
  expect_equal(countries$value, c("FR", "US", ""))
  expect_equal(countries$sessions, c(8, 3, 2))
  expect_equal(countries$users, c(7, 3, 2))
  expect_equal(countries$share, c(8, 3, 2) / 13)
  expect_equal(countries$conversion_rate, c(1 / 8, 1 / 3, 0))
  expect_equal(countries$revenue_cents, c(20000, 5000, 0))

  regions <- geography(con, "2001-03-01", "2001-03-05", level = "region", country = "FR")
  expect_equal(regions$value, c("\u00cele-de-France", "Bretagne"))
  expect_equal(regions$sessions, c(7, 1))
  cities <- geography(con, "2001-03-01", "2001-03-05", level = "city", country = "FR", region = "\u00cele-de-France")
  expect_equal(cities[, c("value", "sessions")], data.frame(value = c("Paris", "Versailles"), sessions = c(5, 2)))

  signed_in <- geography(con, "2001-03-01", "2001-03-05", login_state = "signed_in")
  expect_equal(signed_in[, c("value", "sessions", "users")], data.frame(value = "FR", sessions = 2, users = 1))
  expect_equal(nrow(geography(con, "2001-02-01", "2001-02-27")), 0L)
  expect_error(geography(con, "2001-03-01", "2001-03-05", level = "street"), "level")
})

test_that("country codes become names and map regions, offline", {
  expect_equal(country_name(c("FR", "US", "", "ZZ")), c("France", "United States", "(unknown)", "ZZ"))
  regions <- map_regions(c("FR", "FI"))
  expect_true(all(c("France", "Finland") %in% regions$region))
  expect_true(all(c("France", "Finland") %in% ggplot2::map_data("world")$region))
})

test_that("the audience: sessions by language and screen class, unknown where the tracker said nothing", {
  con <- local_warehouse()
  seed_warehouse(con)
  languages <- technology(con, "2001-03-01", "2001-03-05", by = "language")
  expect_equal(languages[, c("value", "sessions")], data.frame(value = c("", "en-US", "fr-FR"), sessions = c(3, 1, 1)))
  screens <- technology(con, "2001-03-01", "2001-03-05", by = "screen_class", login_state = "signed_in")
  expect_equal(screens[, c("value", "sessions")], data.frame(value = c("", "phone"), sessions = c(1, 1)))
})
