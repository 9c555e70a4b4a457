// The layout reader's parser: walks a grid's rows, finds each block of a form by its labels
// (layout_reader.cc) and reads the indicator rows (layout_indicators.cc).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "pes/document.h"
#include "pes/finding.h"
#include "pes/grid.h"
#include "pes/labels.h"

namespace pes::layout {

enum class State : std::uint8_t { Header, Funds, Goals, Indicators, Done };

// The parts of an indicator row, in the order of the printed columns.
enum Role : std::uint8_t { kLevel1, kLevel2, kName, kTarget, kActual, kWeight, kScore, kReason };
constexpr std::size_t kRoles = 8;

// One non-empty cell of a row: its column and cleaned text.
struct Item {
  int col = 0;
  std::string text;
  std::uint64_t offset = 0;
};

class Parser {
 public:
  explicit Parser(Document& doc) : doc_(doc) {}
  /// Reads every form of a grid into the document.
  void grid(const Grid& g);
  /// Reads rows [begin, end) of a grid; finish() ends the form read last.
  void rows(const Grid& g, std::size_t begin, std::size_t end);
  void finish();

 private:
  FindingSink sink();
  // A layout-repair finding: what the reader assumed, at the cell that made it guess.
  void repair(std::uint64_t offset, FieldRef ref, std::string en, std::string zh);
  void start(std::uint64_t offset);
  // The first cell after `i` that holds a value rather than the label again.
  std::optional<Item> value_after(const std::vector<Item>& items, std::size_t i) const;
  void set_text(Text& field, const std::optional<Item>& item, std::uint64_t fallback);
  void set_number(Number& field, const Item& item, FieldRef ref);
  void row(const GridRow& row);
  void funds_row(FundsRowId id, const std::vector<Item>& items, std::size_t label,
                 std::uint64_t offset);
  void goals_row(const std::vector<Item>& items, const std::vector<std::string>& norm);
  static unsigned parents(const std::string& level2) { return level2_parents(level2); }
  // 分值 and 得分 are the rightmost two numbers side by side; the rest is read from them.
  void indicator_row(const std::vector<Item>& items, std::uint64_t offset);
  // A row with no 分值/得分 under the indicators: the rest of the row above, cut by a page break
  // or a line wrap. Each cell joins the part of the row above whose column it stands in.
  void continuation(const std::vector<Item>& items);

  Document& doc_;
  Form form_;
  bool active_ = false;
  State state_ = State::Header;
  int exp_col_ = -1;
  int ach_col_ = -1;
  int header_l1_col_ = 0;
  std::array<int, kRoles> cols_{};
  bool have_cols_ = false;
  const GridRow* row_ = nullptr;  // the row being read
};

}  // namespace pes::layout
