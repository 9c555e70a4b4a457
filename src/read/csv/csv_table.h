// Splits CSV text into rows of cells (RFC 4180, through libcsv), keeping each cell's offset.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace pes {

struct CsvCell {
  /// Unquoted; unquoted cells lose surrounding spaces. A view into the text split_csv() was
  /// given where the cell stands there as is, else into its table's `owned` texts (a workbook
  /// sheet's cells view its grid's).
  std::string_view text;
  std::uint64_t offset = 0;  ///< where the cell starts (its opening quote, if quoted)
  bool error = false;        ///< a workbook's error cell (t="e"); CSV has none
};

struct CsvRow {
  std::vector<CsvCell> cells;
  std::uint64_t offset = 0;  ///< where the row starts

  bool blank() const;  ///< every cell empty or white space
};

/// Why the text is not well-formed CSV.
enum class CsvError : std::uint8_t {
  None,
  StrayQuote,     ///< a quote inside an unquoted cell, or text after a closing quote
  UnclosedQuote,  ///< a quoted cell that never ends
  OutOfMemory,
};

struct CsvTable {
  std::vector<CsvRow> rows;  ///< blank lines are skipped
  /// The cells that differ from their bytes in the text (a doubled quote inside); a deque, so
  /// that the views of earlier cells stay valid as it grows.
  std::deque<std::string> owned;
  CsvError error = CsvError::None;
  std::uint64_t error_offset = 0;  ///< the stray quote, or where the unclosed cell starts
  std::uint64_t error_cell = 0;    ///< where the cell with the error starts
};

/// Splits `text` (UTF-8) into rows and cells. Offsets are into `text` plus `base`. The cells
/// view `text`, which must outlive `out`'s use.
void split_csv(std::string_view text, std::uint64_t base, CsvTable& out);

/// The offsets (into `text` plus `base`) of the line ends inside quoted cells of well-formed
/// CSV text, ascending; a CR LF is one line end, at its CR. A spreadsheet starts no row there.
void find_quoted_line_ends(std::string_view text, std::uint64_t base,
                           std::vector<std::uint64_t>& out);

}  // namespace pes
