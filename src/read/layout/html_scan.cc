#include "html_scan.h"

#include <algorithm>
#include <array>
#include <vector>

namespace pes::layout {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::size_t find_ci(std::string_view s, std::string_view what, std::size_t from) {
  for (std::size_t i = from; i + what.size() <= s.size(); ++i) {
    std::size_t k = 0;
    while (k < what.size() && lower(s[i + k]) == what[k]) ++k;
    if (k == what.size()) return i;
  }
  return std::string_view::npos;
}

template <std::size_t N>
bool among(std::string_view name, const std::array<std::string_view, N>& set) {
  return std::find(set.begin(), set.end(), name) != set.end();
}

constexpr std::array<std::string_view, 18> kVoid = {
    "area", "base",  "br",     "col",   "embed", "hr",     "img",      "input",   "link",
    "meta", "param", "source", "track", "wbr",   "keygen", "basefont", "bgsound", "frame"};
// Elements whose content is text up to their end tag.
constexpr std::array<std::string_view, 9> kRawText = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"};
constexpr std::array<std::string_view, 14> kFormatting = {
    "a",    "b", "big",   "code",   "em",     "font", "i",
    "nobr", "s", "small", "strike", "strong", "tt",   "u"};
// Where a search for an open element stops (the HTML "scope" boundaries).
constexpr std::array<std::string_view, 9> kScope = {"applet", "caption", "html",   "table",   "td",
                                                    "th",     "marquee", "object", "template"};
// Start tags that close an open p.
constexpr std::array<std::string_view, 34> kClosesP = {
    "address", "article", "aside",   "blockquote", "center",     "details", "dialog",
    "dir",     "div",     "dl",      "fieldset",   "figcaption", "figure",  "footer",
    "form",    "h1",      "h2",      "h3",         "h4",         "h5",      "h6",
    "header",  "hgroup",  "hr",      "main",       "menu",       "nav",     "ol",
    "p",       "pre",     "section", "summary",    "ul",         "table"};
constexpr std::array<std::string_view, 5> kTableParts = {"tbody", "thead", "tfoot", "tr",
                                                         "caption"};

class Nesting {
 public:
  std::size_t deepest = 0;

  void start(const std::string& name) {
    if (name == "li") {
      close_any({"li"}, {"ol", "ul"});
    } else if (name == "dd" || name == "dt") {
      close_any({"dd", "dt"}, {"dl"});
    } else if (name == "option" || name == "optgroup") {
      close_any({"option"}, {"select"});
    } else if (name == "td" || name == "th") {
      close_any({"td", "th"}, {"tr", "table"}, true);
    } else if (name == "tr") {
      close_any({"tr"}, {"table", "tbody", "thead", "tfoot"}, true);
    } else if (name == "tbody" || name == "thead" || name == "tfoot") {
      close_any({"tbody", "thead", "tfoot"}, {"table"}, true);
    }
    if (among(name, kClosesP)) close_any({"p"}, {"button"});
    if (name == "table") close_table_in_table();
    if (among(name, kVoid)) return;
    if (is_cell(name)) saved_.push_back(reopened_);
    open_.push_back(name);
    deepest = std::max(deepest, open_.size() + reopened_);
  }

  void end(const std::string& name) {
    if (name == "html" || name == "body" || name == "br") return;
    const bool table_part = among(name, kTableParts) || name == "table";
    for (std::size_t i = open_.size(); i-- > 0;) {
      if (open_[i] == name) {
        if (among(name, kFormatting)) {  // only it closes: what it holds stays open
          open_.erase(open_.begin() + static_cast<std::ptrdiff_t>(i));
        } else {
          pop_to(i);
        }
        return;
      }
      if (table_part ? open_[i] == "table" : among(open_[i], kScope)) break;
    }
    // An end tag with no open element: a formatting element closed earlier is now gone.
    if (among(name, kFormatting) && reopened_ > 0) --reopened_;
  }

 private:
  void pop_to(std::size_t i) {
    // From the top down: a formatting element closed by another's end is reopened by the
    // parser later; a cell's end forgets those opened inside it.
    for (std::size_t k = open_.size(); k-- > i;) {
      if (k > i && among(open_[k], kFormatting)) ++reopened_;
      if (is_cell(open_[k]) && !saved_.empty()) {
        reopened_ = saved_.back();
        saved_.pop_back();
      }
    }
    open_.resize(i);
  }

  // Closes the nearest open element named in `names`, unless one of `stops` or a scope boundary
  // comes first (`cells`: table cells and rows are no boundary to a table part).
  void close_any(std::initializer_list<std::string_view> names,
                 std::initializer_list<std::string_view> stops, bool cells = false) {
    for (std::size_t i = open_.size(); i-- > 0;) {
      const std::string& n = open_[i];
      if (std::find(names.begin(), names.end(), n) != names.end()) {
        pop_to(i);
        return;
      }
      if (std::find(stops.begin(), stops.end(), n) != stops.end()) return;
      if (among(n, kScope) && !(cells && (n == "td" || n == "th"))) return;
    }
  }

  // A table started directly in a table (not in a cell) ends the first one.
  void close_table_in_table() {
    for (std::size_t i = open_.size(); i-- > 0;) {
      const std::string& n = open_[i];
      if (n == "table") {
        pop_to(i);
        return;
      }
      if (n == "td" || n == "th" || n == "caption" || among(n, kScope)) return;
      if (!among(n, kTableParts)) return;
    }
  }

  static bool is_cell(std::string_view n) { return n == "td" || n == "th" || n == "caption"; }

  std::vector<std::string> open_;
  std::size_t reopened_ = 0;
  std::vector<std::size_t> saved_;  // reopened_ when each open cell started
};

}  // namespace

std::string html_declared_charset(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  for (std::size_t at = find_ci(head, "<meta", 0); at != std::string_view::npos;
       at = find_ci(head, "<meta", at + 5)) {
    const std::size_t end = head.find('>', at);
    const std::string_view tag =
        head.substr(at, end == std::string_view::npos ? head.npos : end - at);
    std::size_t k = find_ci(tag, "charset", 0);
    if (k == std::string_view::npos) continue;
    k += 7;
    while (k < tag.size() && is_space(tag[k])) ++k;
    if (k >= tag.size() || tag[k] != '=') continue;
    ++k;
    while (k < tag.size() && (is_space(tag[k]) || tag[k] == '"' || tag[k] == '\'')) ++k;
    std::string name;
    while (k < tag.size() && !is_space(tag[k]) && tag[k] != '"' && tag[k] != '\'' &&
           tag[k] != ';' && tag[k] != '/' && name.size() < 40) {
      name += lower(tag[k++]);
    }
    if (!name.empty()) return name;
  }
  return {};
}

std::size_t html_nesting_estimate(std::string_view text, std::size_t limit) {
  Nesting nesting;
  std::size_t i = 0;
  std::string name;
  while ((i = text.find('<', i)) != std::string_view::npos) {
    if (text.substr(i, 4) == "<!--") {
      const std::size_t end = text.find("-->", i + 4);
      if (end == std::string_view::npos) break;
      i = end + 3;
      continue;
    }
    const bool closing = i + 1 < text.size() && text[i + 1] == '/';
    std::size_t k = i + (closing ? 2 : 1);
    if (k >= text.size() || !is_alpha(text[k])) {  // <!DOCTYPE>, <?xml?>, a lone <
      i = k;
      continue;
    }
    name.clear();
    while (k < text.size() && !is_space(text[k]) && text[k] != '/' && text[k] != '>') {
      name += lower(text[k++]);
    }
    // Attributes up to the tag's end; quoted values may hold a >.
    char quote = 0;
    while (k < text.size() && (quote != 0 || text[k] != '>')) {
      if (quote != 0) {
        if (text[k] == quote) quote = 0;
      } else if ((text[k] == '"' || text[k] == '\'') && k > 0 && text[k - 1] == '=') {
        quote = text[k];
      }
      ++k;
    }
    i = k + 1;
    if (closing) {
      nesting.end(name);
      continue;
    }
    nesting.start(name);
    if (nesting.deepest > limit) break;  // deep enough to refuse: no need to look further
    if (among(name, kRawText)) {
      const std::size_t end = find_ci(text, "</" + name, i);
      if (end == std::string_view::npos) break;
      i = end;
    }
  }
  return nesting.deepest;
}

}  // namespace pes::layout
