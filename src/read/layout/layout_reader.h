// Reads forms from the printed table layout: a grid of cells (grid.h, xlsx_grid.h) in which
// the forms are found by their labels (财政项目支出绩效自评表, 项目名称, 年度资金总额, 一级指标,
// 总分, 评分等级, ...), surviving what PDF extraction does to a table.
#pragma once

#include <vector>

#include "pes/document.h"
#include "pes/grid.h"
#include "pes/templates.h"

namespace pes {

/// Appends the forms found in the grids to `doc.forms`, and the reader's findings (invalid
/// values, layout-repair notes of what was assumed) to `doc.findings`. When no form is found,
/// adds one parse-error at `where` and leaves `doc.parsed` false. Each form is read with the
/// profile of `templates` that fits it best, or the one it forces; a form no profile fits gets
/// one parse-error naming the closest profile.
void read_layout(const std::vector<Grid>& grids, Document& doc, std::uint64_t where,
                 const TemplateSet& templates);

}  // namespace pes
