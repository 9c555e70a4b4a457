#include "pes/html_grid.h"

#include <fmt/format.h>
#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "read/layout/html_scan.h"

namespace pes {
namespace {

// Limits no form page comes near; past them the page is refused.
constexpr std::size_t kMaxNesting = 512;              // elements inside elements
constexpr int kMaxDepth = 4096;                       // the walk descends no further
constexpr std::uint64_t kMaxCells = 1'000'000;        // cells of the grid, copies and text rows too
constexpr std::uint64_t kMaxCopiedBytes = 64u << 20;  // text repeated into spanned cells
constexpr std::uint32_t kMaxColspan = 1000;           // HTML's own limits
constexpr std::uint32_t kMaxRowspan = 65534;

bool is_html_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Text as a browser lays it out: runs of white space shown as one space, lines broken by <br>
// and by the edges of blocks. Each line keeps the offset of its first text.
class Lines {
 public:
  struct Line {
    std::string text;
    std::uint64_t offset = 0;
  };

  // A no-break space (&nbsp;, which Word writes into empty cells) counts as white space here: a
  // cell that shows nothing must read as empty.
  void text(std::string_view s, std::uint64_t offset, bool pre) {
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      if (pre && (c == '\n' || c == '\r')) {
        if (c == '\n') br();
        continue;
      }
      const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
      if (!pre && (is_html_space(c) || nbsp)) {
        space_ = true;
        i += nbsp ? 1 : 0;
        continue;
      }
      Line& line = lines_.back();
      if (line.text.empty()) {
        line.offset = offset;
      } else if (space_) {
        line.text += ' ';
      }
      space_ = false;
      line.text += c;
    }
  }
  void block() {
    if (!lines_.back().text.empty()) br();
  }
  void br() {
    lines_.emplace_back();
    space_ = false;
  }
  /// The lines, empty ones at either end dropped, then starts anew.
  std::vector<Line> take() {
    std::vector<Line> out = std::move(lines_);
    lines_.assign(1, Line{});
    space_ = false;
    while (!out.empty() && out.back().text.empty()) out.pop_back();
    const auto first =
        std::find_if(out.begin(), out.end(), [](const Line& l) { return !l.text.empty(); });
    out.erase(out.begin(), first);
    return out;
  }

 private:
  std::vector<Line> lines_ = std::vector<Line>(1);
  bool space_ = false;
};

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HGROUP:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP:
    case GUMBO_TAG_LEGEND:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_OPTION:
      return true;
    default:
      return false;
  }
}

// Elements a browser does not show as text.
bool is_hidden(const GumboElement& e) {
  switch (e.tag) {
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_NOFRAMES:
    case GUMBO_TAG_NOEMBED:
    case GUMBO_TAG_OBJECT:
      return true;
    default:
      return gumbo_get_attribute(&e.attributes, "hidden") != nullptr;
  }
}

bool is_pre(GumboTag t) {
  return t == GUMBO_TAG_PRE || t == GUMBO_TAG_LISTING || t == GUMBO_TAG_TEXTAREA ||
         t == GUMBO_TAG_PLAINTEXT;
}

const GumboVector& children_of(const GumboNode* n) {
  return n->type == GUMBO_NODE_DOCUMENT ? n->v.document.children : n->v.element.children;
}

bool is_element(const GumboNode* n) {
  return n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE;
}

const GumboNode* child_at(const GumboVector& v, unsigned i) {
  return static_cast<const GumboNode*>(v.data[i]);
}

bool holds_table(const GumboNode* n, int depth) {
  if (depth > kMaxDepth || !is_element(n)) return false;
  const GumboVector& kids = n->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i) {
    const GumboNode* c = child_at(kids, i);
    if (is_element(c) && (c->v.element.tag == GUMBO_TAG_TABLE || holds_table(c, depth + 1))) {
      return true;
    }
  }
  return false;
}

// rowspan="3" and colspan="2" as HTML reads them: leading digits; none gives `fallback`.
std::uint32_t span_of(const GumboElement& e, const char* name, std::uint32_t fallback,
                      std::uint32_t most) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  if (a == nullptr) return fallback;
  const char* s = a->value;
  while (is_html_space(*s)) ++s;
  if (*s < '0' || *s > '9') return fallback;
  std::uint64_t x = 0;
  for (; *s >= '0' && *s <= '9'; ++s)
    x = std::min<std::uint64_t>(x * 10 + static_cast<std::uint64_t>(*s - '0'), most);
  return static_cast<std::uint32_t>(x);
}

class HtmlReader {
 public:
  HtmlReader(Grid& grid, std::uint64_t base) : grid_(grid), base_(base) {}

  std::string error_en;
  std::string error_zh;

  bool read(const GumboNode* root) {
    walk(root, flow_, false, 0, false);
    flush();
    return error_en.empty();
  }

 private:
  struct Slot {
    std::string text;
    std::uint64_t offset = 0;
    bool copy_left = false;
    bool filled = false;
  };
  struct SpreadRow {
    std::vector<Slot> slots;
    std::uint64_t offset = 0;
  };

  bool failed() const { return !error_en.empty(); }
  void too_large() {
    error_en = "the page has too many cells or lines, spanned cells spread out, to be a form";
    error_zh = "网页中的单元格或文字行（跨行跨列展开后）过多，不像自评表";
  }

  // Text inside `node` into `out`; tables met outside a cell become rows of the grid.
  void walk(const GumboNode* node, Lines& out, bool in_cell, int depth, bool pre) {
    if (depth > kMaxDepth || failed()) return;
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE ||
        node->type == GUMBO_NODE_CDATA) {
      out.text(node->v.text.text, base_ + node->v.text.start_pos.offset, pre);
      return;
    }
    if (node->type != GUMBO_NODE_DOCUMENT && !is_element(node)) return;  // comments
    if (node->type != GUMBO_NODE_DOCUMENT) {
      const GumboElement& e = node->v.element;
      if (is_hidden(e)) return;
      if (e.tag == GUMBO_TAG_BR) {
        out.br();
        return;
      }
      if (e.tag == GUMBO_TAG_TABLE && !in_cell) {
        out.block();
        flush();
        table(node, depth + 1);
        return;
      }
      pre = pre || is_pre(e.tag);
      if (is_block(e.tag)) out.block();
    }
    const GumboVector& kids = children_of(node);
    for (unsigned i = 0; i < kids.length; ++i)
      walk(child_at(kids, i), out, in_cell, depth + 1, pre);
    if (node->type != GUMBO_NODE_DOCUMENT && is_block(node->v.element.tag)) out.block();
  }

  // The lines outside the tables so far: one one-cell row each.
  void flush() {
    for (Lines::Line& line : flow_.take()) {
      while (!line.text.empty() && line.text.back() == ' ') line.text.pop_back();
      if (line.text.empty()) continue;
      if (++cells_ > kMaxCells) return too_large();
      GridRow row;
      row.offset = line.offset;
      row.cells.push_back({std::move(line.text), line.offset, false});
      grid_.rows.push_back(std::move(row));
    }
  }

  void table(const GumboNode* t, int depth) {
    const GumboVector& kids = t->v.element.children;
    std::vector<const GumboNode*> loose;  // rows directly in the table
    for (unsigned i = 0; i < kids.length && !failed(); ++i) {
      const GumboNode* c = child_at(kids, i);
      if (!is_element(c)) continue;
      const GumboTag tag = c->v.element.tag;
      if (tag == GUMBO_TAG_TR) {
        loose.push_back(c);
        continue;
      }
      section(loose, depth);
      loose.clear();
      if (tag == GUMBO_TAG_CAPTION) {
        walk(c, flow_, false, depth + 1, false);
        flush();
      } else if (tag == GUMBO_TAG_THEAD || tag == GUMBO_TAG_TBODY || tag == GUMBO_TAG_TFOOT) {
        std::vector<const GumboNode*> rows;
        const GumboVector& trs = c->v.element.children;
        for (unsigned k = 0; k < trs.length; ++k) {
          const GumboNode* tr = child_at(trs, k);
          if (is_element(tr) && tr->v.element.tag == GUMBO_TAG_TR) rows.push_back(tr);
        }
        section(rows, depth);
      }
    }
    section(loose, depth);
  }

  static std::vector<const GumboNode*> cells_of(const GumboNode* tr) {
    std::vector<const GumboNode*> out;
    const GumboVector& kids = tr->v.element.children;
    for (unsigned i = 0; i < kids.length; ++i) {
      const GumboNode* c = child_at(kids, i);
      if (is_element(c) && (c->v.element.tag == GUMBO_TAG_TD || c->v.element.tag == GUMBO_TAG_TH)) {
        out.push_back(c);
      }
    }
    return out;
  }

  // A row group. A row whose cells hold tables lays out the page: its cells are read in order
  // as text and tables. Rows between such rows are spread out (rowspan, colspan) together.
  void section(const std::vector<const GumboNode*>& rows, int depth) {
    std::vector<SpreadRow> spread;
    std::size_t placed = 0;   // rows of the current run placed so far
    std::size_t run_end = 0;  // the first layout row after the current one
    for (std::size_t i = 0; i < rows.size() && !failed(); ++i) {
      const std::vector<const GumboNode*> cells = cells_of(rows[i]);
      const bool layout = std::any_of(cells.begin(), cells.end(),
                                      [&](const GumboNode* c) { return holds_table(c, depth); });
      if (layout) {
        emit(spread);
        placed = 0;
        for (const GumboNode* c : cells) {
          flow_.block();
          walk(c, flow_, false, depth + 1, false);
          flow_.block();
        }
        flush();
        continue;
      }
      if (run_end <= i) {
        run_end = i + 1;
        while (run_end < rows.size()) {
          const auto next = cells_of(rows[run_end]);
          if (std::any_of(next.begin(), next.end(),
                          [&](const GumboNode* c) { return holds_table(c, depth); })) {
            break;
          }
          ++run_end;
        }
      }
      place_row(spread, placed++, rows[i], cells, run_end - i, depth);
    }
    emit(spread);
  }

  // Places row `r` of a run, its cells in the first free slots, spread over what they span.
  void place_row(std::vector<SpreadRow>& spread, std::size_t r, const GumboNode* tr,
                 const std::vector<const GumboNode*>& cells, std::size_t rows_left, int depth) {
    if (spread.size() <= r) spread.resize(r + 1);
    spread[r].offset = base_ + tr->v.element.start_pos.offset;
    std::size_t col = 0;
    for (const GumboNode* cell : cells) {
      const GumboElement& e = cell->v.element;
      Lines lines;
      walk(cell, lines, true, depth + 1, false);
      std::string text;
      std::uint64_t offset = base_ + e.start_pos.offset;
      bool first = true;
      for (Lines::Line& line : lines.take()) {
        while (!line.text.empty() && line.text.back() == ' ') line.text.pop_back();
        if (first && !line.text.empty()) offset = line.offset;
        if (!first) text += '\n';
        first = false;
        text += line.text;
      }
      const std::uint32_t colspan =
          std::max<std::uint32_t>(1, span_of(e, "colspan", 1, kMaxColspan));
      std::uint32_t rowspan = span_of(e, "rowspan", 1, kMaxRowspan);
      if (rowspan == 0 || rowspan > rows_left) rowspan = static_cast<std::uint32_t>(rows_left);
      while (col < spread[r].slots.size() && spread[r].slots[col].filled) ++col;
      if (spread.size() < r + rowspan) spread.resize(r + rowspan);
      for (std::uint32_t dr = 0; dr < rowspan; ++dr) {
        std::vector<Slot>& slots = spread[r + dr].slots;
        if (slots.size() < col + colspan) slots.resize(col + colspan);
        for (std::uint32_t dc = 0; dc < colspan; ++dc) {
          Slot& s = slots[col + dc];
          if (s.filled) continue;  // cells that overlap: the first keeps its place
          if (++cells_ > kMaxCells || (copied_ += text.size()) > kMaxCopiedBytes) {
            return too_large();
          }
          s = {text, offset, dc > 0, true};
        }
      }
      col += colspan;
    }
  }

  void emit(std::vector<SpreadRow>& spread) {
    for (SpreadRow& sr : spread) {
      GridRow row;
      row.offset = sr.offset;
      std::size_t used = sr.slots.size();
      while (used > 0 && !sr.slots[used - 1].filled) --used;
      for (std::size_t c = 0; c < used; ++c) {
        Slot& s = sr.slots[c];
        row.cells.push_back({std::move(s.text), s.filled ? s.offset : sr.offset, s.copy_left});
      }
      grid_.rows.push_back(std::move(row));
    }
    spread.clear();
  }

  Grid& grid_;
  std::uint64_t base_;
  Lines flow_;
  std::uint64_t cells_ = 0;
  std::uint64_t copied_ = 0;
};

}  // namespace

bool read_html_grid(std::string_view text, std::uint64_t base, Grid& grid, std::string& error_en,
                    std::string& error_zh) {
  grid = Grid{};
  if (text.size() > kMaxHtmlBytes) {
    error_en =
        fmt::format("the page is larger than {} MB: too large to be a form", kMaxHtmlBytes >> 20);
    error_zh = fmt::format("网页大于 {} MB，不像自评表", kMaxHtmlBytes >> 20);
    return false;
  }
  if (const std::size_t depth = layout::html_nesting_estimate(text, kMaxNesting);
      depth > kMaxNesting) {
    error_en = fmt::format("the page nests its elements more than {} deep; no form page does",
                           kMaxNesting);
    error_zh = fmt::format("网页元素嵌套超过 {} 层，不像自评表网页", kMaxNesting);
    return false;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // errors are not used, and keeping each copies the open elements
  struct Destroy {
    const GumboOptions* options;
    void operator()(GumboOutput* out) const { gumbo_destroy_output(options, out); }
  };
  const std::unique_ptr<GumboOutput, Destroy> out(
      gumbo_parse_with_options(&options, text.data(), text.size()), Destroy{&options});
  HtmlReader reader(grid, base);
  if (!reader.read(out->document)) {
    error_en = reader.error_en;
    error_zh = reader.error_zh;
    return false;
  }
  return true;
}

}  // namespace pes
