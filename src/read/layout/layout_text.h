// Text clean-up for the layout reader: what PDF extraction does to a cell's text, undone.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace pes::layout {

/// Trims white space and turns TeX math (`$\geq 90.00(\%)$`) into plain text (`≥90.00(%)`).
std::string clean_cell(std::string_view text);
/// Removes <p>…</p> (and <br>) markup: paragraphs are joined with "\n".
std::string strip_markup(std::string_view text);
/// Appends a continuation to a text: directly, or with a space between two ASCII words.
void join_text(std::string& text, std::string_view more);
/// True if the cell's text reads as a number ("3,827.50", "98.48").
bool is_number(std::string_view text);
/// The unit of the amounts a normalized label states: (万元) or (元) after a label (项目资金
/// (万元)), or after 单位: anywhere (金额单位：元, 项目资金(单位:元), a title's （单位：万元）).
std::optional<std::string_view> stated_unit(std::string_view norm);
/// The year a title gives ("(2023年度)", "2022年度项目支出绩效自评表"), white space removed.
std::optional<int> year_in(std::string_view s);

}  // namespace pes::layout
