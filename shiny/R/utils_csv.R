# CSV downloads that are safe to open in a spreadsheet. Shiny-free.
#
# Shoppers typed some of what the tables hold (search queries, paths). A cell that starts with
# =, +, -, @ (or a tab or carriage return) is read as a formula by Excel, LibreOffice and Google
# Sheets ("CSV injection"), so such a cell is written with a leading apostrophe, which
# spreadsheets show as text. Numbers are written as plain digits, so a negative number gets the
# apostrophe too: a CSV cell never starts with one of those characters.

CSV_FORMULA_START <- "^[=+@\t\r-]"

#' Makes every cell of a data.frame text that no spreadsheet takes for a formula.
csv_safe <- function(df) {
  out <- lapply(df, function(col) {
    text <- if (inherits(col, "Date")) {
      format(col, "%Y-%m-%d")
    } else if (inherits(col, "POSIXct")) {
      format(col, "%Y-%m-%d %H:%M:%S", tz = "UTC")
    } else if (is.numeric(col)) {
      ifelse(is.na(col), NA_character_, trimws(formatC(as.numeric(col), format = "fg", digits = 15)))
    } else {
      as.character(col)
    }
    ifelse(!is.na(text) & grepl(CSV_FORMULA_START, text), paste0("'", text), text)
  })
  as.data.frame(out, stringsAsFactors = FALSE, col.names = names(df), check.names = FALSE)
}

#' Writes a data.frame as UTF-8 CSV with csv_safe() cells; NA as an empty cell.
write_csv_safe <- function(df, file) {
  utils::write.csv(csv_safe(df), file, row.names = FALSE, na = "", fileEncoding = "UTF-8")
  invisible(file)
}

#' A file name for a download: compushop-<what>-<from>-to-<to>.csv
csv_filename <- function(what, from = NULL, to = NULL) {
  range <- if (is.null(from)) "" else sprintf("-%s-to-%s", format(as.Date(from)), format(as.Date(to)))
  sprintf("compushop-%s%s.csv", gsub("[^a-z0-9-]+", "-", tolower(what)), range)
}
