#include "html_page.h"

#include <fmt/format.h>

#include "pes/report.h"

namespace pes {
namespace {

constexpr std::string_view kStyle = R"css(
:root{--bad:#cf222e;--bad-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--ok:#1a7f37;
--ok-bg:#dafbe1;--notice:#0969da;--line:#d0d7de;--muted:#57606a}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1120px;padding:16px;color:#1f2328;background:#fff;
font:15px/1.5 system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC","Noto Sans SC",
"PingFang SC","Microsoft YaHei",sans-serif}
h1{font-size:1.5em;margin:0 0 .3em}h2{font-size:1.2em;margin:1.6em 0 .6em;
border-bottom:1px solid var(--line);padding-bottom:.2em}h3{font-size:1.05em;margin:0 0 .2em}
.verdict{border-radius:8px;padding:14px 18px;border:1px solid}
.verdict.ok{background:var(--ok-bg);border-color:var(--ok)}
.verdict.warn{background:var(--warn-bg);border-color:var(--warn)}
.verdict.bad{background:var(--bad-bg);border-color:var(--bad)}
.verdict p{margin:0}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(300px,1fr));gap:16px}
#charts>figure{margin-top:16px}
figure{margin:0;border:1px solid var(--line);border-radius:8px;padding:10px}
figcaption{font-weight:600;margin-bottom:6px}
svg.chart{width:100%;height:auto;display:block}svg.columns{font-size:15px}
svg.bars{font-size:11px}
svg .grid{stroke:#eaeef2}svg .tick{text-anchor:end;fill:var(--muted)}
svg .label,svg .value{text-anchor:middle}svg .value{font-weight:600}svg .label{font-size:.8em}
svg .name{text-anchor:end}svg .count{fill:var(--muted)}svg .legend{fill:var(--muted)}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{border-bottom:1px solid var(--line);padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f6f8fa;white-space:nowrap}td.n,th.n{text-align:right;white-space:nowrap}
code{font:.9em ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.sev{font-weight:600;white-space:nowrap}.sev.error{color:var(--bad)}
.sev.warning{color:var(--warn)}.sev.notice{color:var(--notice)}.sev.accepted{color:var(--muted)}
tr.error td{background:var(--bad-bg)}tr.warning td{background:var(--warn-bg)}
tr.notice td{background:#ddf4ff}
article.form{border:1px solid var(--line);border-left:6px solid var(--ok);border-radius:6px;
padding:10px 14px;margin:0 0 14px}
article.form.bad{border-left-color:var(--bad)}article.form.warn{border-left-color:var(--warn)}
article table{margin:6px 0}
.meta,.note,footer{color:var(--muted)}.meta{margin:0 0 6px}.clean{color:var(--ok)}
footer{margin-top:2em;font-size:.85em}
@media (max-width:600px){body{padding:10px;font-size:14px}h1{font-size:1.25em}
figure{overflow-x:auto}svg.bars{min-width:580px}
.charts{grid-template-columns:1fr}th,td{padding:3px 5px}}
@media print{@page{size:A4;margin:14mm 12mm}
body{max-width:none;padding:0;font-size:10pt}
.verdict,tr.error td,tr.warning td,tr.notice td,th,svg{-webkit-print-color-adjust:exact;
print-color-adjust:exact}
.scroll{overflow:visible}figure,article.form,tr{break-inside:avoid}
h2{break-after:avoid}.charts{grid-template-columns:1fr 1fr}a{color:inherit;text-decoration:none}}
)css";

}  // namespace

void open_page(std::string& page, bool chinese) {
  fmt::format_to(
      std::back_inserter(page),
      "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"generator\" content=\"pes {}\">\n<title>{}</title>\n<style>{}</style>\n"
      "</head>\n<body>\n",
      chinese ? "zh-CN" : "en", pes_version(),
      chinese ? "财政项目支出绩效自评表检查报告"
              : "Performance self-evaluation forms: check report",
      kStyle);
}

void close_page(std::string& page, bool chinese) {
  fmt::format_to(std::back_inserter(page), "<footer>{}</footer>\n</body>\n</html>\n",
                 chinese ? fmt::format("由 pes {} 生成", pes_version())
                         : fmt::format("Made by pes {}", pes_version()));
}

}  // namespace pes
