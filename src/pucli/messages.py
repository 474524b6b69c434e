"""Chinese and English wording of every problem code.

A :class:`~pucli.problems.Problem` keeps its ``message`` in English (stable for JSON,
logs and tests) and may carry ``params``. The catalog maps each code to one or more
``(zh, en)`` templates with named fields. To show a problem in Chinese, the renderer
takes the fields from ``params`` when the problem carries them, else reads them back
out of the English message by matching it against the code's English templates; a
message that matches none is shown as stored (in English) rather than guessed.

Hints are translated the same way through :data:`HINTS` (matched by text, whatever the
code). Stdlib only: every command imports this when it prints a problem.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import Any

Pair = tuple[str, str]  # (zh template, en template)

MESSAGES: dict[str, list[Pair]] = {
    # files and encodings
    "missing-file": [("找不到文件", "file not found")],
    "missing-folder": [("找不到数据文件夹", "data folder not found")],
    "unreadable-file": [
        ("无法读取文件：{reason}", "cannot read file: {reason}"),
        ("这是文件夹，不是文件", "is a folder, not a file"),
        ("这是文件，不是文件夹", "is a file, not a folder"),
        ("无法读取工作簿：{reason}", "cannot read workbook: {reason}"),
    ],
    "file-too-large": [("文件大小 {size} MiB，pucli 不读取超过 {limit} MiB 的文件",
                        "file is {size} MiB; pucli refuses files over {limit} MiB"),
                       ("文件大小 {size}，pucli 不读取超过 {limit} 的文件",
                        "file is {size}; pucli refuses files over {limit}"),
                       ("工作簿解压后为 {size}，pucli 不读取解压后超过 {limit} 的工作簿",
                        "workbook unpacks to {size}; pucli refuses files over {limit}")],
    "empty-file": [
        ("文件是空的", "file is empty"),
        ("文件中没有 YAML 文档", "file holds no YAML document"),
        ("没有可导入的行", "no rows to import"),
    ],
    "encoding": [
        ("文件是 {name} 编码（以 {name2} 字节顺序标记开头）；pucli 只读 UTF-8",
         "file is {name}-encoded (it starts with a {name2} byte-order mark); pucli reads UTF-8"),
        ("文件看起来是 UTF-16 编码（没有字节顺序标记）；pucli 只读 UTF-8",
         "file looks UTF-16-encoded (no byte-order mark); pucli reads UTF-8"),
        ("文件看起来是 UTF-16 编码；pucli 只读 UTF-8",
         "file looks UTF-16-encoded; pucli reads UTF-8"),
        ("文件不是 UTF-8：看起来是 GBK 编码（中文 Windows 上的 Excel/WPS 默认这样保存）；"
         "pucli 只读 UTF-8，否则会读成乱码",
         "file is not UTF-8: it looks GBK-encoded, as Excel/WPS on Chinese Windows save it; "
         "pucli reads UTF-8 only, so it would be read as mojibake"),
        ("文件不是有效的 UTF-8（字节 {byte}）", "file is not valid UTF-8 (byte {byte})"),
        ("文件既不是 UTF-8，也不是 GBK 中文文本（可能是 Big5、Shift-JIS、Latin-1，"
         "或有字节损坏的 UTF-8）",
         "file is neither UTF-8 nor GBK Chinese text (it may be Big5, Shift-JIS or Latin-1, "
         "or UTF-8 with a damaged byte)"),
        ("无法解码文件：{reason}", "cannot decode the file: {reason}"),
    ],
    "binary-file": [("文件含有 NUL 字节：这是二进制文件，不是文本",
                     "file contains NUL bytes: it is binary, not text")],
    "hidden-sheet": [("第一个工作表 '{sheet}' 是隐藏的", "the first sheet '{sheet}' is hidden")],
    "special-file": [("这是{kind}，不是普通文件", "is {kind}, not a regular file")],
    "read-only-data": [("内置数据文件夹是只读的", "the bundled data folder is read-only")],
    "dangling-link": [("是指向不存在文件的符号链接（{target}）",
                       "is a symbolic link to a missing file ({target})")],
    # YAML
    "yaml-syntax": [("YAML 语法错误：{detail}", "{detail}")],
    "too-deep": [("嵌套超过 {depth} 层", "nesting deeper than {depth} levels")],
    "multiple-documents": [("文件中有不止一个 YAML 文档",
                            "file holds more than one YAML document")],
    "alias-bomb": [("文档展开后的节点远多于其本身所含（别名炸弹？）",
                    "document expands to far more nodes than it contains (an alias bomb?)")],
    "recursive-alias": [("别名指向包含它自身的节点", "alias refers to a node that contains it")],
    "complex-key": [("映射的键必须是普通值", "a mapping key must be a plain value")],
    "unsupported-tag": [
        ("不支持合并键（'<<'）", "merge keys ('<<') are not supported"),
        ("pucli 数据文件中不允许使用标签 '{tag}'",
         "tag '{tag}' is not allowed in pucli data files"),
    ],
    "duplicate-key": [("键 '{key}' 重复（第一次出现在第 {line} 行）；YAML 会悄悄只保留最后一个",
                       "duplicate key '{key}' (first on line {line}); YAML would silently "
                       "keep only the last one")],
    # schema
    "wrong-type": [
        ("顶层应为键值映射，实际是{kind}", "expected a mapping of keys at the top, found {kind}"),
        ("{detail}（实际为 {got}）", "{detail} (got {got})"),
        ("{detail}", "{detail}"),
    ],
    "unknown-field": [("未知字段 '{field}'", "unknown field '{field}'")],
    "missing-field": [("缺少必填字段 '{field}'", "missing required field '{field}'")],
    "invalid-value": [
        ("不允许 '{value}'：{detail}", "'{value}' is not allowed: {detail}"),
        ("无法读取 '{value}'：{detail}", "cannot read '{value}': {detail}"),
        ("{detail}（实际为 {got}）", "{detail} (got {got})"),
        ("{detail}", "{detail}"),
        ("tolerance 只适用于 direction: about", "tolerance applies only to direction: about"),
        ("只有 township_group 才有 members", "only a township_group has members"),
        ("举措需要责任单位（units 或 lead）", "a measure needs its units (or lead)"),
        ("这一项需要 value（增长目标可以只写 growth）",
         "a figure needs a value (or, for a growth target, growth)"),
    ],
    "invalid-date": [
        ("无法把 '{value}' 读成期限", "cannot read '{value}' as a deadline"),
        ("'{value}' 没有说是哪一年，而方案跨越多年",
         "'{value}' does not say which year, and the plan spans several years"),
        ("'{value}' 不是日期：节点需要一个日期", "'{value}' is not a date: a milestone needs one"),
        ("'{value}' 不是真实存在的日期（{detail}）", "'{value}' is not a real date ({detail})"),
        ("'{value}' 不是日期", "'{value}' is not a date"),
        ("'{value}' 不是 YYYY-MM-DD 形式的日期", "'{value}' is not a date in the form YYYY-MM-DD"),
        ("日期 {date} 超出 {low}–{high} 年的范围", "date {date} is outside {low}–{high}"),
        ("'{value}' 带有时刻；日期不带时刻", "'{value}' has a time of day; a date has none"),
        ("{detail}（实际为 {got}）", "{detail} (got {got})"),
    ],
    "growth-out-of-range": [("从 {a}（{d1}）到 {b}（{d2}）意味着每年增长超过 {rate}",
                             "{a} ({d1}) to {b} ({d2}) is growth of more than {rate} a year")],
    "projection-out-of-range": [("实际值的 {method} 趋势在 {date} 之前超过 {max}",
                                 "the {method} trend of the actuals passes {max} before {date}")],
    "invalid-name": [("'{name}' 含有不可见字符（{char}），在第 {pos} 个字符",
                      "'{name}' contains an invisible character ({char}) at position {pos}")],
    "invalid-number": [
        ("'{value}' 不是数字", "'{value}' is not a number"),
        ("{detail}（实际为 {got}）", "{detail} (got {got})"),
    ],
    "out-of-range": [
        ("value_max 小于 value", "value_max is below value"),
        ("进度 {value} 不在 0–100 之间", "percent {value} is outside 0–100"),
        ("{detail}（实际为 {got}）", "{detail} (got {got})"),
    ],
    "empty-value": [("{detail}（实际为 {got}）", "{detail} (got {got})"),
                    ("{detail}", "{detail}")],
    # the plan's cross-references
    "duplicate-id": [
        ("部分编号 {id} 出现了两次", "section id {id} appears twice"),
        ("举措编号 {id} 出现了 {count} 次", "measure id {id} appears {count} times"),
    ],
    "id-sequence": [("举措编号为 {id}，此处应为 {expected}",
                     "measure id {id} where {expected} is expected")],
    "duplicate-unit": [
        ("责任单位 '{unit}' 登记了两次", "unit '{unit}' is registered twice"),
        ("'{unit}' 的别名 '{alias}' 已指向 '{other}'",
         "alias '{alias}' of '{unit}' already names '{other}'"),
        ("责任单位 '{unit}' 在本举措中列了两次", "unit '{unit}' is listed twice for this measure"),
    ],
    "unused-unit": [("责任单位 '{unit}' 没有负责任何举措",
                     "unit '{unit}' is responsible for no measure")],
    "unknown-section": [("第 {section} 部分不存在", "section {section} does not exist")],
    "unknown-unit": [("未知的责任单位 '{unit}'", "unknown unit '{unit}'")],
    "csv-separator": [("各列用{name}分隔，而不是逗号",
                       "the columns are separated by {name}, not commas")],
    "too-large": [("{column} 有 {digits} 位数字，超过任何市场主体数",
                   "{column} has {digits} digits, more than any count of entities")],
    "done-not-complete": [("状态为已完成，但进度为 {percent}",
                           "status done but percent {percent}")],
    "unknown-metric": [("未知的指标 '{metric}'", "unknown metric '{metric}'")],
    "unknown-region": [("没有地区 '{region}' 的数据行", "no rows for region '{region}'")],
    "kinds-on-metric": [("'{name}' 指标的行填写了 {kind}",
                         "{kind} is given on a '{name}' row")],
    "metric-mismatch": [("{metric} 为 {value}，但 {date} 的总量行（第 {line} 行）给出 {metric} "
                         "{other}",
                         "{metric} {value}, but the total row of {date} (line {line}) gives "
                         "{metric} {other}")],
    "alias-used": [("'{alias}' 是 '{unit}' 的别名", "'{alias}' is an alias of '{unit}'")],
    "unit-not-responsible": [("'{unit}' 不是举措 {measure} 的责任单位",
                              "'{unit}' is not responsible for measure {measure}")],
    "quote-not-in-text": [("量化承诺的引文在举措原文中找不到",
                           "commitment quote is not found in the measure's text")],
    "extension-without-due": [("有延期记录，但举措没有原定的 'due'",
                               "extensions given but the measure has no original 'due'")],
    "extension-not-later": [("延期到 {due} 并没有把期限推迟到 {previous} 之后",
                             "extension to {due} does not move the deadline later than "
                             "{previous}")],
    "due-before-plan": [("期限 {due} 早于方案印发日期（{issued}）",
                         "due {due} is before the plan was issued ({issued})")],
    # targets
    "duplicate-date": [
        ("同一日期 {date} 有两个 '{metric}' 数值", "two '{metric}' figures dated {date}"),
        ("{date}{where} 有第二行（第一行在第 {line} 行）",
         "a second row for {date}{where} (first on line {line})"),
    ],
    "target-before-baseline": [("目标日期 {date} 不在基数日期（{base}）之后",
                                "target dated {date} is not after the baseline ({base})")],
    "inconsistent-targets": [
        ("{a} + {b} = {sum}，不等于 {value}", "{a} + {b} = {sum}, not {value}"),
        ("{a} × (1 + {rate}) = {implied}，不等于 {value}（实际为 {actual}）",
         "{a} × (1 + {rate}) = {implied}, not {value} (that is {actual})"),
        ("目标隐含两条路径：{start}（{start_date}）按每年 {rate} 增长，到 {end_date} 达到 "
         "{implied}，而不是 {end}；从 {start2} 达到 {end2} 需要每年增长 {needed}",
         "the targets imply two paths: {start} ({start_date}) growing {rate} a year reaches "
         "{implied} by {end_date}, not {end}; reaching {end2} from {start2} takes {needed} "
         "a year"),
        ("{a} + {b} = {sum}，不等于 {value}（按基数起算，increase_from: baseline）",
         "{a} + {b} = {sum}, not {value}, counting from the baseline (increase_from: baseline)"),
        ("{a} + {b} = {sum}，不等于 {value}（按上一个数起算，increase_from: previous）",
         "{a} + {b} = {sum}, not {value}, counting from the previous figure "
         "(increase_from: previous)"),
        ("{a} × (1 + {rate}) = {implied}，不等于 {value}（实际为 {actual}；按基数起算，"
         "increase_from: baseline）",
         "{a} × (1 + {rate}) = {implied}, not {value} (that is {actual}), counting from the "
         "baseline (increase_from: baseline)"),
        ("{a} × (1 + {rate}) = {implied}，不等于 {value}（实际为 {actual}；按上一个数起算，"
         "increase_from: previous）",
         "{a} × (1 + {rate}) = {implied}, not {value} (that is {actual}), counting from the "
         "previous figure (increase_from: previous)"),
    ],
    # issue 11: regional targets, acknowledgements, nested sections, pucli init
    "file-exists": [("文件已存在；pucli init 从不覆盖文件",
                     "file exists; pucli init never overwrites")],
    "section-cycle": [("部分 {id} 嵌套在自身之内", "section {id} is nested inside itself")],
    "regions-do-not-add-up": [
        ("'{metric}' 各地区 {date} 的目标合计为 {sum}，不等于全域目标 {total}（{names}）",
         "the regional targets of '{metric}' for {date} add up to {sum}, not the whole "
         "region's {total} ({names})"),
    ],
    "stale-acknowledgement": [
        ("acknowledge[{i}] 确认的 {code}（位置 {at}）已不再出现",
         "acknowledge[{i}] names {code} at {at}, which no longer occurs"),
    ],
    # CSV files
    "csv-syntax": [
        ("无法读取表头行：{detail}", "cannot read the header row: {detail}"),
        ("CSV 格式错误：{detail}", "malformed CSV: {detail}"),
    ],
    "csv-columns": [("此行有 {n} 个字段，表头有 {m} 个",
                     "row has {n} fields, the header has {m}")],
    "unknown-column": [
        ("未知的列 '{column}'", "unknown column '{column}'"),
        ("{file} 没有列 '{column}'", "{file} has no column '{column}'"),
    ],
    "duplicate-column": [("列 '{column}' 出现了两次", "column '{column}' appears twice"),
                         ("列 '{column}' 出现了两次", "the column '{column}' appears twice"),
                         ("列 '{a}' 和 '{b}' 都对应 '{target}'",
                          "the columns '{a}' and '{b}' both give '{target}'")],
    "missing-column": [
        ("缺少必需的列 '{column}'", "missing required column '{column}'"),
        ("没有对应 '{column}' 的列", "no column for '{column}'"),
        ("台账没有 {columns} 列", "the ledger has no column for {columns}"),
    ],
    # actuals.csv
    "not-a-number": [("{column} '{value}' 不是数字", "{column} '{value}' is not a number")],
    "not-whole": [("{column} {value} 不是整数", "{column} {value} is not a whole number")],
    "negative-count": [("{column} {value} 是负数", "{column} {value} is negative")],
    "bad-date": [
        ("日期 {date} 超出 {low}–{high} 年的范围", "date {date} is outside {low}–{high}"),
        ("日期 '{value}' 不是 YYYY-MM-DD 格式", "date '{value}' is not YYYY-MM-DD"),
        ("日期 '{value}' 不是真实存在的日期", "date '{value}' is not a real date"),
        ("日期 '{value}' 不是日期（应写作 YYYY-MM-DD）",
         "date '{value}' is not a date (YYYY-MM-DD)"),
        ("日期 '{value}' {detail}", "date '{value}' {detail}"),
    ],
    "future-date": [
        ("日期 {date} 在将来（今天是 {today}）", "date {date} is in the future (today is {today})"),
        ("报送日期 {date} 晚于今天（{today}）", "entry dated {date}, after today ({today})"),
    ],
    "not-period-end": [("日期 {date} 不是月末", "date {date} is not a month end")],
    "missing-value": [("total 为空", "total is empty"),
                      ("这一行是空的：日期和总数都是必填项",
                       "the row is empty: date and total are required")],
    "kinds-sum": [
        ("enterprises + individual_businesses + cooperatives = {parts}，但 total 为 {total}",
         "enterprises + individual_businesses + cooperatives = {parts}, but total is {total}"),
        ("已填各类之和为 {parts}，超过总数 {total}",
         "the kinds given add up to {parts}, more than the total {total}"),
    ],
    "net-change": [("总数自 {prev}（第 {line} 行）起变化 {change}，但 new − cancelled = "
                    "{new} − {cancelled} = {net}",
                    "total rose by {change} since {prev} (line {line}), but new − cancelled "
                    "= {new} − {cancelled} = {net}")],
    "bad-map": [
        ("--map '{item}' 不是 源列=目标列 的形式", "--map '{item}' is not SOURCE=COLUMN"),
        ("--map '{item}'：未知的列 '{column}'", "--map '{item}': unknown column '{column}'"),
        ("--map：文件中没有列 '{column}'", "--map: the file has no column '{column}'"),
        ("--map：'{source}' 映射了两次，分别到 '{a}' 和 '{b}'",
         "--map: '{source}' is mapped twice, to '{a}' and '{b}'"),
        ("--map：'{a}' 和 '{b}' 都映射到 '{target}'",
         "--map: '{a}' and '{b}' are both mapped to '{target}'"),
    ],
    "unknown-sheet": [("没有工作表 '{sheet}'", "no sheet '{sheet}'")],
    # progress.csv
    "unknown-status": [("未知的状态 '{status}'", "unknown status '{status}'"),
                       ("'{status}' 不是可选状态", "'{status}' is not one of the choices")],
    # returned forms (pucli collect)
    "not-a-form": [("文件中没有 pucli 填报表编号", "no pucli form id in this file")],
    "form-other-plan": [("这份表属于另一个方案", "the form belongs to another plan")],
    "form-other-period": [("这份表是 {period} 的，不是 {wanted} 的",
                           "the form is for {period}, not {wanted}")],
    "form-altered": [("这份表发出时有 {rows} 行；行被增加、删除或移动过",
                      "the form was sent with {rows} rows; rows were added, removed or moved")],
    "identity-changed": [("这一行的标识单元格被改动过",
                          "an identifying cell of this row was changed")],
    "unknown-event": [("未知的事件 '{event}'", "unknown event '{event}'")],
    "not-on-form": [("这一行不是表中的事项", "this row is not one of the form's items")],
    "missing-status": [("这一行已填写，但没有填状态", "the row is filled in but has no status")],
    "date-before-period": [("报送日期 {date} 早于本期 {period} 的开始（{start}）",
                            "report dated {date}, before the period {period} began ({start})")],
    "unknown-measure": [
        ("'{value}' 不是举措编号", "'{value}' is not a measure number"),
        ("没有第 {measure} 项举措", "no measure {measure}"),
    ],
    "before-plan": [("报送日期 {date} 早于方案印发（{issued}）",
                     "entry dated {date}, before the plan was issued ({issued})")],
    "ledger-invalid": [("未追加：台账有错误", "not appended: the ledger has errors")],
    # options and usage
    "usage": [("xlsx 输出需要指定文件", "xlsx output needs a file"),
              ("{detail}", "{detail}")],
    "method": [
        ("方法 {method} 至少需要 {n} 个实际数，现有 {k} 个",
         "method '{method}' needs at least {n} actuals; there is {k}"),
        ("方法 {method} 至少需要 {n} 个实际数，现有 {k} 个",
         "method '{method}' needs at least {n} actuals; there are {k}"),
        ("方法 {method} 按增长率计算，需要大于零的实际数；{date} 的实际数为 {value}",
         "method '{method}' works on growth rates, which need counts above zero; the actual "
         "of {date} is {value}"),
        ("seasonal 需要连续的月末数", "seasonal needs consecutive month ends"),
        ("damped-trend 至少需要 {n} 个同一间隔上的实际数（月末、季末或年末；缺期不多于实有期）",
         "damped-trend needs at least {n} actuals on one spacing (month, quarter or year "
         "ends; no more dates missing than present)"),
        ("{detail}", "{detail}")],
    "missing-extra": [("写 .docx 需要 python-docx 包",
                       "writing .docx needs the python-docx package")],
}

HINTS: list[Pair] = [
    ("换一个新文件夹，或先把这个文件移走", "choose a new folder, or move the file away"),
    ("写一个新的或已有的文件夹", "name a new or existing folder"),
    ("写日期（2023-06-30）或方案原文的说法：{x}",
     "write a date (2023-06-30) or the plan's words: {x}"),
    ("每个举措一个编号；方案自己的序号写在 'number'",
     "give each measure its own id; the plan's own numbering goes in 'number'"),
    ("parent 写上一级标题，例如（一）的上一级是 二、",
     "parent names the enclosing heading, e.g. 二、 for （一）"),
    ("先在 units: 中登记每个成员", "register each member under units: first"),
    ("设置 kind: township_group，或删除 members", "set kind: township_group, or remove members"),
    ("已确认：{x}", "acknowledged: {x}"),
    ("按基数起算时成立：如果方案的增量是从基数算起，加上 'increase_from: baseline'",
     "it holds counting from the baseline: if the plan counts the increase from there, add "
     "'increase_from: baseline'"),
    ("逐个核对各地区的数；如果方案本身就留有未分配到地区的部分，在 acknowledge: 下确认这条警告",
     "check each region's figure; if the plan itself leaves part of the total unassigned, "
     "acknowledge this warning under acknowledge:"),
    ("删除这一项，或改正其代码和位置（每条警告的位置后面都写着）",
     "remove the entry, or correct its code and path (shown after each warning's location)"),
    ("是不是 '{x}'？", "did you mean '{x}'?"),
    ("改用 --method drift（匀速净增），它适用于零值",
     "use --method drift (constant net increase), which works with zeros"),
    ("改用 --method {x}", "use --method {x}"),
    ("是不是 {x}？", "did you mean {x}?"),
    ("写举措编号：是不是 {x}？", "write the measure's number: did you mean {x}?"),
    ("改写为 '{x}'", "write '{x}'"),
    ("使用以下之一：{x}", "use one of {x}"),
    ("可以填的字段：{x}", "allowed here: {x}"),
    ("在这一项中加上 '{x}'", "add '{x}' to this entry"),
    ("部分编号为 {x}", "sections are {x}"),
    ("该举措的责任单位：{x}", "units responsible for it: {x}"),
    ("从以下选择：{x}", "choose one of: {x}"),
    ("举措编号为 {x}；见 `pucli measures`", "measures run {x}; see `pucli measures`"),
    ("举措编号为 {x}", "measures run {x}"),
    ("列：{x}", "columns: {x}"),
    ("表头必须包括：{x}", "the header must include: {x}"),
    ("工作表：{x}", "sheets: {x}"),
    ("匹配多个责任单位：{x}", "matches several units: {x}"),
    ("这里必须是{x}", "this must be {x}"),
    ("日期写作 YYYY-MM-DD，例如 {x}", "write dates as YYYY-MM-DD, e.g. {x}"),
    ("日期写作 YYYY-MM-DD，且这一天要存在", "write dates as YYYY-MM-DD with a day that exists"),
    ("行是期末日期：是不是 {x}？", "rows are period ends; did you mean {x}?"),
    ("把文件保存为 UTF-8（Excel/WPS：另存为 → 'CSV UTF-8'；编辑器：编码选 UTF-8），"
     "或用 `pucli recode {x}` 转换",
     "save the file as UTF-8 (Excel/WPS: 另存为 → 'CSV UTF-8'; editors: encoding UTF-8), "
     "or convert it with `pucli recode {x}`"),
    ("把文件保存为 UTF-8（Excel/WPS：另存为 → 'CSV UTF-8'），或用 "
     "`pucli recode {x} --from 编码`（big5、shift_jis、latin-1 等）转换",
     "save it as UTF-8 (Excel/WPS: 另存为 → 'CSV UTF-8'), or convert it with "
     "`pucli recode {x} --from ENCODING` (big5, shift_jis, latin-1 …)"),
    ("YAML 用空格缩进，不能用制表符：把制表符换成空格",
     "YAML indents with spaces, never tabs: replace the tab with spaces"),
    ("检查这里附近的缩进和引号", "check indentation and quoting near this point"),
    ("先定义锚点（&name），再使用别名（*name）",
     "define the anchor (&name) before using the alias (*name)"),
    ("值中含有 ': ' 时要加引号，或修正缩进",
     "quote a value that contains ': ', or fix the indentation"),
    ("别名（*name）不能指向自身锚点的上级",
     "an alias (*name) cannot point at its own anchor's parent"),
    ("删除嵌套的别名（*name）", "remove the nested aliases (*name)"),
    ("方案文件只需要几层嵌套", "plan files need only a few levels of nesting"),
    ("写全键名", "write the keys out in full"),
    ("每个期末只保留一行；改正第一行", "keep one row per period end; correct the first row "
     "instead"),
    ("new 和 cancelled 是自上一行以来的登记和注销数；核对这三个数（确有差异的，例如主体迁入"
     "迁出，会保留并由 `pucli quality` 标出）",
     "new and cancelled count the registrations since the previous row; check the three "
     "numbers (a real difference, e.g. entities moving in or out, is kept and flagged by "
     "`pucli quality`)"),
    ("已完成的举措进度为 100%：改正进度，或把状态报为 in_progress（推进中）",
     "a finished measure is 100 %: correct the percent, or report in_progress"),
    ("类型列是市场主体总数的分项：其他指标的行请留空",
     "the kind columns break down the total of market entities: leave them empty on rows "
     "of another metric"),
    ("每个日期只有一个数：改正两行中的一行", "one count per date: correct one of the two rows"),
    ("把文件保存为逗号分隔的 CSV（Excel/WPS：另存为 → 'CSV UTF-8'）",
     "save the file as comma-separated CSV (Excel/WPS: 另存为 → 'CSV UTF-8')"),
    ("确认这是不是要读的文件；统计导出的工作簿解压后最多几 MiB",
     "check that this is the right file; a statistics export unpacks to a few MiB at most"),
    ("确认这是不是要读的文件（10 万条报送的台账约 8 MB）；大小上限的说明见 docs/hardening.md",
     "check that this is the right file (a ledger of 100,000 reports is about 8 MB); the "
     "limits are explained in docs/hardening.md"),
    ("在 {file} 的表头先加上 '{x}'，或不填这个值",
     "add '{x}' to the header of {file} first, or leave the value out"),
    ("例如 --map 统计日期=date --map 总数=total", "e.g. --map 统计日期=date --map 总数=total"),
    ("用 --map 源列={x} 指定一列；文件中的列：{y}",
     "map one with --map SOURCE={x}; the file's columns: {y}"),
    ("去掉标签；方案文件只含普通文本、数字和日期",
     "remove the tag; plan files hold plain text, numbers and dates"),
    ("合并这两项，或给其中一项改名", "merge the two entries, or rename one of them"),
    ("从版本控制恢复内容，或参考 README 中此文件的最简形式",
     "restore its content from version control, or see the README for the minimal form of "
     "this file"),
    ("参考 README 中此文件的最简形式", "see the README for the minimal form of this file"),
    ("参考 README 中此文件的格式", "see the README for this file's form"),
    ("用阿拉伯数字（11236，而不是一万一千二百三十六）",
     "write numbers with Arabic digits (11236, not 一万一千二百三十六)"),
    ("比率写成小数：15% 写 0.15", "write rates as fractions: 0.15 for 15 %"),
    ("去掉千位分隔符（11236，而不是 11,236）",
     "drop the thousands separators (11236, not 11,236)"),
    ("只用小写字母、数字和下划线", "use lower-case letters, digits and underscores"),
    ("举措编号从 1 开始依次排列、各出现一次", "measure ids run 1, 2, 3 … once each"),
    ("编号从 1 开始、不留空缺、按方案顺序；重新编号或补回缺少的举措",
     "ids run from 1 without gaps, in the plan's order; renumber or restore the missing "
     "measure"),
    ("每个部分各用一个编号", "give each section its own id"),
    ("只保留一项；其他写法放在 'aliases' 下",
     "keep one entry; put other spellings under 'aliases'"),
    ("一个别名只能指向一个责任单位", "an alias must name only one unit"),
    ("删除它，或把它加到它负责的举措中", "remove it, or add it to the measures it serves"),
    ("先把它加入 'units' 登记表", "add it to the 'units' registry first"),
    ("每个责任单位只列一次", "list each responsible unit once"),
    ("照原文逐字引用，与 'text' 一致", "quote the plan's words exactly, as in 'text'"),
    ("原定期限保留在 'due' 中；延期会推迟它",
     "keep the original deadline in 'due'; extensions move it"),
    ("延期按时间先后列出，每次都晚于上一次",
     "list extensions oldest first, each later than the one before"),
    ("每个日期只保留一个数值", "keep one figure per date"),
    ("目标日期应在其增长所依据的基数之后", "a target lies after the baseline it grows from"),
    ("对照方案原文核对这些数字", "check the figures against the plan's text"),
    ("`pucli project` 会同时给出两种解读；如果方案本身如此，无需修改",
     "both readings are shown by `pucli project`; no change is needed if the plan itself "
     "says so"),
    ("写整数，例如 1250", "write a whole number, e.g. 1250"),
    ("计数是整数；在 metrics[].unit 中声明了 %、万吨、亿元等单位的指标可以有小数",
     "counts are whole numbers; a metric declared with a unit such as %, 万吨 or 亿元 "
     "(metrics[].unit) may have decimals"),
    ("按小数写，例如 4.5", "write the figure as a decimal, e.g. 4.5"),
    ("数量不能小于零", "counts cannot be below zero"),
    ("期末日期写作 YYYY-MM-DD，例如 2022-12-31",
     "write the period end as YYYY-MM-DD, e.g. 2022-12-31"),
    ("实际值是观测到的数量；预测由 `pucli project` 给出",
     "actuals are observed counts; projections come from `pucli project`"),
    ("每行都需要总数", "every row needs the total count"),
    ("三类市场主体之和就是总数", "the three kinds of market entity make up the total"),
    ("含逗号的字段要加引号（\"a, b\"）", "quote fields that contain commas (\"a, b\")"),
    ("补上缺少的字段（空字段也要留逗号：a,,b）",
     "fill in the missing fields (empty ones too: a,,b)"),
    ("这一行用的是中文全角逗号“，”：CSV 的字段之间要用英文逗号“,”",
     "the row is separated by full-width commas '，' (Chinese input): CSV needs ',' between "
     "fields"),
    ("全角冒号“：”（中文输入）不是 YAML 的冒号：请输入英文冒号加空格“: ”",
     "a full-width colon '：' (Chinese input) is not a YAML colon: type ': '"),
    ("检查这一行的引号", "check the quotes on this row"),
    ("报送日期写当天；检查年份和月份", "date a report on the day it was made; check the year "
     "and month"),
    ("进度写 0 到 100 之间的数字，例如 60", "write a percent as a number from 0 to 100, e.g. 60"),
    ("见 `pucli units` 中的登记表", "see `pucli units` for the registry"),
    ("先修正上面的行（见 `pucli validate`），再重新报送",
     "fix the rows above (see `pucli validate`), then run the update again"),
    ("在表头加上该列，或不使用这个选项",
     "add the column to the header row, or leave the option out"),
    ("用 --data DIR（或设置 PUCLI_DATA）指向存放台账的文件夹",
     "pass --data DIR (or set PUCLI_DATA) to the folder that holds your ledger"),
    ("用 --data DIR 或设置 PUCLI_DATA 指向含有 measures.yaml 和 targets.yaml 的文件夹",
     "pass --data DIR or set PUCLI_DATA to a folder holding measures.yaml and targets.yaml"),
    ("创建它，或用 --data / PUCLI_DATA 指向存放它的文件夹",
     "create it, or point --data / PUCLI_DATA at the folder that holds it"),
    ("检查是不是选错了文件", "check that this is the right file"),
    ("检查是不是选错了文件；很大的台账可按年份拆分",
     "check that this is the right file; split very large ledgers by year"),
    ("删除 '---' 分隔符及其后的内容", "remove the '---' separator and what follows"),
    ("在 Excel/WPS 中另存为 .xlsx", "save it as .xlsx from Excel/WPS"),
    ("用 --from 指定编码（例如 --from gbk）", "name the encoding with --from (e.g. --from gbk)"),
    ("加上 -o 文件.xlsx", "add -o FILE.xlsx"),
    ("从下拉列表选择状态：{x}", "pick a status from the list: {x}"),
    ("收集 `pucli forms` 生成、按原样交回的填报表（表单编号在隐藏的 L 列）",
     "collect the forms made by `pucli forms`, returned as they were sent (the id is in the "
     "hidden column L)"),
    ("用 --data 指向这份表所属方案的数据文件夹再收集",
     "collect it with --data pointing at the plan it was made for"),
    ("用 --period {x} 收集", "collect it with --period {x}"),
    ("按发出时的样子填写；表格损坏的，用 `pucli forms --unit` 重新生成一份",
     "fill in the form as sent: ask for a new form with `pucli forms --unit` if it was "
     "damaged"),
    ("标识列已锁定：把这一行恢复原样，或用 `pucli forms --unit` 重新生成一份",
     "identifying cells are locked: restore the row as sent, or ask for a new form with "
     "`pucli forms --unit`"),
    ("核对报送日期的年份和月份", "check the year and month of the report date"),
    ("只填写表中列出的事项；表中没有的事项，先加入方案",
     "report on the items listed; an item missing from the form is added to the plan first"),
    ("用 pip install 'pucli[docx]' 安装（或改用 --format html）",
     "install it with: pip install 'pucli[docx]'  (or choose --format html)"),
    ("写一天确实存在的日期，例如 2023-02-28", "write a day that exists, e.g. 2023-02-28"),
    ("检查年份", "check the year"),
    ("重新输入名称；从 Word 或网页粘贴的文字可能带有不可见字符",
     "retype the name; text pasted from Word or a web page can carry invisible characters"),
    ("用普通数字 0-9 书写，例如 12", "write the number in plain digits 0-9, e.g. 12"),
    ("编号从 1 到 {max}", "numbers run from 1 to {max}"),
    ("写有限的数（不能是 .inf 或 .nan）", "write a finite number (not .inf or .nan)"),
    ("写 true 或 false", "write true or false"),
    ("写 true 或 false：YAML 1.2（编辑器、check-jsonschema）把 '{word}' 读作文本，而不是是/否",
     "write true or false: YAML 1.2 (editors, check-jsonschema) reads '{word}' as text, not "
     "as a yes/no"),
    ("数字不加引号（写 {number}，而不是 '{quoted}'）",
     "write the number without quotes ({number}, not '{quoted}')"),
    ("这里写数字，不是 {word}", "write a number here, not {word}"),
    ("写整数，不带小数点", "write a whole number, without a decimal point"),
    ("日期写作 YYYY-MM-DD，而不是秒数或天数",
     "write the date as YYYY-MM-DD, not as a number of seconds or days"),
    ("写一个数，例如 1250 或 0.15", "write a number, e.g. 1250 or 0.15"),
    ("对照方案原文核对该数字及其日期", "check the figure and its date against the plan's text"),
    ("检查最近的数量及其日期（是否多写或错位了一位数字？），或换一种 --method",
     "check the latest counts and their dates (a misplaced digit?), or choose another "
     "--method"),
    ("用 --sheet 指定要导入的工作表", "name the sheet to import with --sheet"),
    ("用 --sheet 指定要导入的工作表（可见的：{sheets}）",
     "name the sheet to import with --sheet (visible: {sheets})"),
    ("在 Excel/WPS 中打开并重新另存为 .xlsx", "open it in Excel/WPS and save it again as .xlsx"),
    ("每个导出列只映射一次", "map each export column once"),
    ("每个 actuals 列只映射一个导出列", "map one export column to each actuals column"),
    ("在导出文件中重命名或删除其中一列，或用 --map 指定一列",
     "rename or remove one of them in the export, or map one with --map"),
    ("指向数据文件本身；管道或设备不能当作数据文件读取",
     "point pucli at the data file itself; a pipe or a device cannot be read as a data file"),
    ("把链接指向该文件，或删除这个链接", "point the link at the file, or remove the link"),
    ("写上期末日期和数量，例如 2024-12-31 9190",
     "give the period-end date and the count, e.g. 2024-12-31 9190"),
    ("指标：{x}", "metrics: {x}"),
    ("地区：{x}", "regions: {x}"),
    ("actuals.csv 没有 region 列", "actuals.csv has no region column"),
    ("{x}", "{x}"),  # anything else: shown as written (kept last)
]

# Phrases pydantic and PyYAML put into messages: translated inside the fields above.
PHRASES: list[Pair] = [
    ("应为有效的整数，无法把字符串解析为整数",
     "Input should be a valid integer, unable to parse string as an integer"),
    ("应为有效的数字，无法把字符串解析为数字",
     "Input should be a valid number, unable to parse string as a number"),
    ("应为有效日期（YYYY-MM-DD），输入太短", "Input should be a valid date or datetime, input is "
     "too short"),
    ("应为有效日期（YYYY-MM-DD），日期分隔符不对", "Input should be a valid date or datetime, "
     "invalid date separator"),
    ("应为有效日期（YYYY-MM-DD）", "Input should be a valid date or datetime"),
    ("应为有效日期（YYYY-MM-DD）", "Input should be a valid date"),
    ("应为 true 或 false（是/否请写 true/false）", "Input should be a valid boolean, unable to "
     "interpret input"),
    ("应为 true 或 false", "Input should be a valid boolean"),
    ("应为有效的整数，而不是带小数的数", "Input should be a valid integer, got a number with a "
     "fractional part"),
    ("应为有效的整数", "Input should be a valid integer"),
    ("应为有效的数字", "Input should be a valid number"),
    ("应为有限的数", "Input should be a finite number"),
    ("应为列表", "Input should be a valid list"),
    ("应为文本", "Input should be a valid string"),
    ("应为映射", "Input should be a valid dictionary"),
    ("应为映射", "Input should be a mapping"),
    ("应大于或等于", "Input should be greater than or equal to"),
    ("应小于或等于", "Input should be less than or equal to"),
    ("应大于", "Input should be greater than"),
    ("应小于", "Input should be less than"),
    ("应为", "Input should be"),
    ("不能为空", "String should have at least 1 character"),
    ("日期超出该月的天数", "day is out of range for month"),
    ("月份必须在 1..12 之间", "month must be in 1..12"),
    ("发现违反缩进的制表符", "found a tab character that violates indentation"),
    ("扫描普通值时", "while scanning a plain scalar"),
    ("这里不允许出现映射值", "mapping values are not allowed here"),
    (" 地区 ", " for region "),
]

# Whole fields that are one English word or two (kinds of YAML value, in messages and hints).
WORDS: dict[str, str] = {"a named pipe (FIFO)": "命名管道（FIFO）", "a device": "设备",
                         "a socket": "套接字", "not a regular file": "特殊文件",
                         "a list": "列表", "a plain text value": "普通文本值", "a number": "数字",
                         "nothing": "空", "text": "文本", "a mapping": "映射"}

# -- The command line ------------------------------------------------------------------
# click's usage errors, matched like problem messages (fields may hold other templates:
# "Invalid value for '--by': 'x' is not one of 'unit', 'measure'." is worded in two steps).
USAGE: list[Pair] = [
    ("没有这个选项：{name}", "No such option: {name}"),
    ("{message}（可用的选项：{options}）", "{message} (Possible options: {options})"),
    ("缺少参数 {name}。{rest}", "Missing argument {name}.{rest}"),
    ("缺少选项 {name}。{rest}", "Missing option {name}.{rest}"),
    ("缺少 {name}。{rest}", "Missing parameter {name}.{rest}"),
    ("可选：{choices}", " Choose from:\n\t{choices}"),
    ("{hint} 的值无效：{message}", "Invalid value for {hint}: {message}"),
    ("值无效：{message}", "Invalid value: {message}"),
    ("{value} 不是可选的值（{choices}）。", "{value} is not one of {choices}."),
    ("{value} 不是整数。", "{value} is not a valid integer."),
    ("{value} 不是数字。", "{value} is not a valid float."),
    ("{value} 不是 true 或 false。{rest}", "{value} is not a valid boolean.{rest}"),
    ("{value} 不是有效的 {kind}。", "{value} is not a valid {kind}."),
    ("{value} 不在 {range} 的范围内。", "{value} is not in the range {range}."),
    ("文件 {path} 不存在。", "File {path} does not exist."),
    ("文件夹 {path} 不存在。", "Directory {path} does not exist."),
    ("路径 {path} 不存在。", "Path {path} does not exist."),
    ("没有命令 {name}。", "No such command {name}."),
    ("没有命令 {name}", "No such command {name}"),
    ("{message}。是不是 {x}？", "{message}. Did you mean {x}?"),
    ("{message} 是不是 {x}？", "{message} Did you mean {x}?"),
    ("缺少命令。", "Missing command."),
    ("多余的参数（{args}）", "Got unexpected extra argument ({args})"),
    ("多余的参数（{args}）", "Got unexpected extra arguments ({args})"),
    ("多余的参数（{args}）", "Got unexpected extra argument(s) ({args})"),
    ("选项 {name} 需要一个值。", "Option {name} requires an argument."),
    ("选项 {name} 需要 {n} 个值。", "Option {name} requires {n} arguments."),
    ("选项 {name} 不接受值。", "Option {name} does not take a value."),
    # pucli's own checks of option values
    ("'{value}' 不是日期；写成 YYYY-MM-DD，例如 2025-12-31",
     "'{value}' is not a date; write YYYY-MM-DD, e.g. 2025-12-31"),
    ("'{value}' 不是时间跨度；写天数或周数，例如 14d 或 2w",
     "'{value}' is not a span; write days or weeks, e.g. 14d or 2w"),
    ("无法从 '{name}' 看出格式；文件名用 .md、.html 或 .docx 结尾，或指定 --format",
     "cannot tell the format from '{name}'; name the file .md, .html or .docx, or give "
     "--format"),
    ("{kind} 格式要写入文件：加上 -o 文件.{suffix}",
     "{kind} is written to a file: add -o FILE.{suffix}"),
    ("--since {since} 不早于 --as-of {day}", "--since {since} is not before --as-of {day}"),
    ("图表只能写成 .png 或 .svg", "the chart is written as .png or .svg"),
    ("图表只能写成 .png、.svg 或 .pdf", "the chart is written as .png, .svg or .pdf"),
    ("'{text}' 不是图表尺寸；请写 slide、a4 或以像素计的 宽x高，如 1280x720",
     "'{text}' is not a chart size; write slide, a4 or WIDTHxHEIGHT in pixels, e.g. 1280x720"),
    ("'{text}'：宽 200–10000、高 150–10000 像素",
     "'{text}': width 200–10000 and height 150–10000 pixels"),
    ("'{value}' 不是本方案的报送期；按 `pucli forms` 的写法，例如 2025Q1",
     "'{value}' is not a reporting period of this plan; write it as `pucli forms` labels it, "
     "e.g. 2025Q1"),
    ("那里没有 .xlsx 或 .csv 填报表", "no .xlsx or .csv forms there"),
    ("'{value}' 不是用普通数字 0-9 写的整数",
     "'{value}' is not a whole number in plain digits 0-9"),
    ("{number} 小于 {min}", "{number} is below {min}"),
    ("{number} 大于 {max}", "{number} is above {max}"),
    ("日期 {date} 超出 {low}–{high} 年的范围；检查年份",
     "date {date} is outside {low}–{high}; check the year"),
]

# click's fixed words on a help page (and typer's, which it words through gettext).
HELP_PAGE: list[Pair] = [
    ("用法：", "Usage: "), ("[选项]", "[OPTIONS]"), ("命令 [参数]...", "COMMAND [ARGS]..."),
    ("\n选项：\n", "\nOptions:\n"), ("\n参数：\n", "\nArguments:\n"),
    ("\n命令：\n", "\nCommands:\n"), ("显示本帮助并退出。", "Show this message and exit."),
    ("选项", "Options"), ("参数", "Arguments"), ("命令", "Commands"),
    ("默认：{default}", "default: {default}"), ("必填", "required"),
    ("环境变量：{var}", "env var: {var}"), ("（动态）", "(dynamic)"),
]

# The help of every option and argument, by its English text (shared options once).
HELP: list[Pair] = [
    ("显示版本并退出。", "Show the version and exit."),
    ("出错时显示调用栈。", "Show tracebacks."),
    ("消息、标签和帮助的语言：zh（默认）或 en；也可用环境变量 $PUCLI_LANG。",
     "Language of messages, labels and help: zh (default) or en; also $PUCLI_LANG."),
    ("为当前 shell 安装命令补全。", "Install completion for the current shell."),
    ("显示当前 shell 的命令补全脚本，可复制或自行安装。",
     "Show completion for the current shell, to copy it or customize the installation."),
    ("数据文件夹（默认：$PUCLI_DATA、./data、内置数据）。",
     "Data folder (default: $PUCLI_DATA, ./data, bundled copy)."),
    ("有警告也算失败。", "Fail on warnings too."),
    ("text 供人阅读，json 供编辑器和 CI 使用。", "text for people, json for editors and CI."),
    ("这一类市场主体的数量（三类之和即总数）。",
     "Count of this kind of market entity (the three kinds make up the total)."),
    ("写入的文件夹。", "Folder to write into."),
    ("新的方案文件夹。", "The new plan folder."),
    ("一个指标：total、enterprises、gdp … 或其中文名称（默认：每个有目标的指标）。",
     "One metric: total, enterprises, gdp, … or its Chinese label (default: every metric "
     "with a target)."),
    ("要转换为 UTF-8 的数据文件。", "The data file to convert to UTF-8."),
    ("文件原来的编码（默认：自动识别 GBK/GB18030、UTF-16、UTF-32）。",
     "Its encoding (default: detect GBK/GB18030, UTF-16, UTF-32)."),
    ("责任单位名称或别名。", "Unit name or alias."),
    ("标题或正文中的词。", "Word in title or text."),
    ("输出格式。", "Output format."),
    ("写入这个文件，而不是输出到屏幕（xlsx 必须指定）。",
     "Write to this file instead of stdout (required for xlsx)."),
    ("供 Windows 上的 Excel 打开的 CSV：UTF-8 BOM，CRLF 换行（只用于 csv 格式）。",
     "CSV for Excel on Windows: UTF-8 BOM, CRLF line ends (csv format only)."),
    ("举措编号。", "Measure number."),
    ("回放：只计入这一天（YYYY-MM-DD）及以前的实际数。",
     "Replay: only actuals up to this date (YYYY-MM-DD) count."),
    ("预测方法（默认：根据数据选择，并给出理由）。",
     "Projection method (default: chosen from the data, with the reason printed)."),
    ("同时把图表画到 文件.png 或 文件.svg。", "Also draw the chart to FILE.png or FILE.svg."),
    ("同时把图表画到 文件.png、文件.svg 或 文件.pdf。",
     "Also draw the chart to FILE.png, FILE.svg or FILE.pdf."),
    ("图表尺寸：slide（1920×1080，投影用）、a4（A4 页面正文宽度，300 dpi）或以像素计的 宽x高，"
     "如 1280x720。",
     "slide (1920×1080), a4 (the text width of an A4 page, 300 dpi) or WIDTHxHEIGHT in "
     "pixels, e.g. 1280x720."),
    ("列名：用当前语言的文字（xlsx 的默认）或代码（csv 和 md 的默认；JSON 的键始终是代码）。",
     "Column names: words in the output language (the default for xlsx) or codes (the "
     "default for csv and md; JSON keys are always codes)."),
    ("指标：total（默认）、enterprises、high_tech …，或其中文名称。",
     "The metric: total (default), enterprises, high_tech, … or its Chinese label."),
    ("从每个起点向前预测的步数。", "Steps ahead to forecast from each origin."),
    ("第一个起点时已知的实际数个数。", "Actuals known at the first origin."),
    ("region 列中的一个地区。", "A region of the region column."),
    ("region 列中的一个地区（默认：全域）。",
     "A region of the region column (default: the whole)."),
    ("按这一天计算，YYYY-MM-DD（默认：今天）；之后的报送不计。",
     "Compute as on this date, YYYY-MM-DD (default: today); later reports are ignored."),
    ("只看方案的这一部分。", "Only this section of the plan."),
    ("按责任单位或举措分组。", "Group rows by unit or measure."),
    ("有逾期事项时以退出码 3 结束。", "Exit 3 when anything is overdue."),
    ("向前看的时间：14d、2w、30。", "Span ahead: 14d, 2w, 30."),
    ("按责任单位或按部分统计。", "Count per unit or per section."),
    ("报送单位（名称或别名）。", "Reporting unit (name or alias)."),
    ("not_started（未开始）、in_progress（推进中）、done（已完成）或 blocked（受阻）。",
     "not_started, in_progress, done or blocked."),
    ("完成百分比，0–100。", "Percent done, 0–100."),
    ("做了什么；任意文字。", "What was done; any text."),
    ("文号、链接……", "Document number, link …"),
    ("报送日期，YYYY-MM-DD（默认：今天）。", "Report date, YYYY-MM-DD (default: today)."),
    ("要写的文件；不指定 --format 时由后缀（.md、.html、.docx）决定格式。"
     "不加 -o 时 Markdown 输出到屏幕，不含图表。",
     "File to write; its suffix (.md, .html, .docx) sets the format unless --format is "
     "given. Markdown without -o goes to stdout, without the chart."),
    ("md、html（单个自包含文件）或 docx（Word/WPS）。",
     "md, html (one self-contained file) or docx (Word/WPS)."),
    ("按这一天出简报，YYYY-MM-DD（默认：今天）；之后的报送和实际数不计。",
     "The brief as on this date, YYYY-MM-DD (default: today); later reports and actuals "
     "are ignored."),
    ("终期评估（整个规划期），或会议简报。默认：--as-of 晚于规划期结束时出终期评估。",
     "The final evaluation (终期评估) of the whole plan, or the meeting brief. Default: the "
     "final evaluation once --as-of is past the plan's end."),
    ("与这一天（例如上次会议）比较：新报送、新逾期、新完成。",
     "Compare with this date (e.g. the last meeting's): new reports, newly overdue, newly "
     "done."),
    ("期末日期，YYYY-MM-DD。", "Period end, YYYY-MM-DD."),
    ("DATE 时的数量：全部市场主体，或 --metric 指定的指标。",
     "The count at DATE: of all market entities, or of --metric."),
    ("上一行以来的新登记数。", "Registrations since the previous row."),
    ("上一行以来的注销数。", "Deregistrations since the previous row."),
    ("下级地区（空白：全域）。", "Sub-region (blank: the whole)."),
    ("数字的来源。", "Where the figure comes from."),
    ("所计的指标（默认：total），写名称或中文名称。",
     "The metric counted (default: total), by name or Chinese label."),
    ("CSV 或 .xlsx 导出文件。", "A CSV or .xlsx export."),
    ("源列=目标列：导出文件的哪一列对应 actuals 的哪一列（可重复）。"
     "已叫 date、total … 的列无需映射。",
     "SOURCE=COLUMN: which export column holds which actuals column (repeat). Columns "
     "already named date, total, … need no mapping."),
    ("工作表（默认：第一个）。", "Worksheet (default: the first)."),
    ("只检查，不写入。", "Check only, write nothing."),
    # forms, collect, remind
    ("填报表写入的文件夹（不存在时创建）。", "Folder to write the forms to (created if missing)."),
    ("只看这个单位（名称或别名）；可重复，指定多个。",
     "Only this unit (name or alias); repeat for several."),
    ("按这一天，YYYY-MM-DD（默认：今天）。", "As on this date, YYYY-MM-DD (default: today)."),
    ("交回期限，YYYY-MM-DD（默认：本期报送期限）。",
     "Return deadline, YYYY-MM-DD (default: the period's report deadline)."),
    ("所有单位合成一个工作簿，每个单位一个工作表，而不是每个单位一个文件。",
     "One workbook with a sheet per unit instead of a file each."),
    ("每张表同时写一份 CSV。", "Also write each form as CSV."),
    ("交回的填报表（.xlsx 或 .csv），或存放它们的文件夹。",
     "Returned forms (.xlsx or .csv), or folders of them."),
    ("收集的报送期，例如 2025Q1（默认：最近一次发表的报送期）。",
     "The period collected, e.g. 2025Q1 (default: the latest period forms were sent for)."),
    ("一张表有行被拒绝时，仍接收其中合格的行（默认：一张表的行要么全收，要么全不收）。",
     "Take a form's valid rows even when some are refused (default: all of a form's rows or "
     "none)."),
    ("检查并报告；不写入。", "Check and report; write nothing."),
    ("只看这个单位。", "Only this unit."),
    ("每份通知以 .txt 和 .docx 写入的文件夹（默认：文字输出到屏幕）。",
     "Folder to write each notice to as .txt and .docx (default: the text on stdout)."),
    ("要求在这一天前回复，YYYY-MM-DD（默认：已发填报表的交回期限，若已过则为一周后）。",
     "Report back by this date, YYYY-MM-DD (default: the deadline of the forms sent, if still "
     "ahead, else a week on)."),
    ("通知的落款（默认：专班办公室）。",
     "Who signs the notice (default: 专班办公室 / the working-group office)."),
]

# Each command's help and example, by the command's path ("" is pucli itself). The
# English is the command's docstring; a new command needs its entry here.
COMMAND_HELP: dict[str, str] = {
    "": "把县级政策方案变成可核对、可跟踪、可预测的数据。\n\n"
        "退出码：0 正常；1 数据无效或写入被拒绝；2 用法错误（选项或选项值不对）；"
        "3 发现逾期事项（加 --fail 时）；70 内部错误。",
    "init": "新建方案文件夹：写入带注释、可通过校验的 measures.yaml 和 targets.yaml 模板，"
            "以及只有表头的 actuals.csv 和 progress.csv。从不覆盖已有文件。\n\n"
            "示例：pucli init data && pucli validate --data data",
    "validate": "检查每个数据文件：结构、交叉引用、数字是否一致。\n\n"
                "以编译器的格式（文件:行:列）报告每个文件中的每个问题；全部无误时退出码 0，"
                "有任何无效之处（加 --strict 时有任何警告）时退出码 1。\n\n"
                "示例：pucli validate --data data --strict",
    "schema": "为 measures.yaml 和 targets.yaml 写出 JSON Schema 文件（供编辑器和 CI 使用）。\n\n"
              "示例：pucli schema -o schemas",
    "recode": "把保存为 GBK（中文 Windows 上的 Excel/WPS）或 UTF-16 的数据文件转换为 UTF-8。\n\n"
              "文件以原子方式替换。CSV 文件加上 UTF-8 BOM，Excel 仍能正确打开。\n\n"
              "示例：pucli recode data/progress.csv",
    "measures": "列出方案中的举措，可按责任单位、部分或关键词筛选。\n\n"
                "示例：pucli measures --unit 县行政审批局 --section 2",
    "show": "完整显示一项举措：原文、责任单位、量化承诺、期限。\n\n示例：pucli show 44",
    "units": "责任矩阵：每个单位牵头和配合的举措。\n\n"
             "示例：pucli units --format csv --excel -o units.csv",
    "project": "对照方案目标预测每个有目标的指标（或 --metric 指定的指标）。\n\n"
               "按年末（实际数按月时按月末）列出规划路径的两种解读、实际数、带 80% 区间的预测"
               "和差距；"
               "再列出每个目标的评级及其依据，以及仍需的年均增长。每个指标用它自己的单位，"
               "并按目标的方向（不低于、不超过、左右）评级。\n\n"
               "示例：pucli project --as-of 2023-06-30 --chart docs/project.png",
    "backtest": "用实际数对每种预测方法在相同起点上做滚动起点回测（MAPE、MASE、相对 MAE、"
                "80% 区间覆盖率）。\n\n"
                "从每个起点出发，每种方法用此前的实际数预测之后 --horizon 个实际数；每种方法、"
                "每个步长一行。MASE 按 Hyndman 与 Koehler 的定义（误差除以样本内一步变化的平均"
                "绝对值）；rel_mae 小于 1 表示胜过“不变”的朴素预测。\n\n"
                "示例：pucli backtest --horizon 4",
    "quality": "发展质量：结构、活力和预警提示，并附通俗解读。\n\n"
               "结构是企业在全部市场主体中的占比；活力是新登记、注销、净增长、注销率，以及净增长占"
               "新登记的比例——最近 12 个月与此前 12 个月相比。预警（考核前登记激增、净变化 ≠ 新登记"
               " − 注销、增长主要来自个体工商户、激增后注销猛增）是请人复核的提示；阈值在 "
               "targets.yaml 的 quality: 部分。csv/xlsx 列出各项指标和预警；md 是简报所用的"
               "章节。\n\n"
               "示例：pucli quality --as-of 2023-12-31 --format md",
    "overdue": "谁在什么事项上逾期、逾期多久：举措、节点和进度报送。\n\n"
               "列出逾期和即将到期的事项（阈值在 measures.yaml 的 plan.severity 中），按责任单位"
               "分组，逾期最久的在前。牵头单位已报送完成的举措不会列出。\n\n"
               "示例：pucli overdue --as-of 2025-04-15 --by unit --fail",
    "due": "即将到期（尚未逾期）的事项：一段时间内到期的期限和报送。\n\n"
           "示例：pucli due --within 14d --unit 县行政审批局",
    "status": "按最新状态计数、完成比例，以及从未报送的单位。\n\n"
              "每个“举措 × 责任单位”计一次；按单位统计时是一张排名表，完成最好的在前。\n\n"
              "示例：pucli status --by section",
    "ledger": "台账：每项举措的每个责任单位一行，附最近一次报送。\n\n"
              "示例：pucli ledger --format xlsx -o 台账.xlsx",
    "update": "向 progress.csv 追加一条进度报送，写入前先对照方案检查。\n\n"
              "有任何问题都不写入。多人同时运行也安全。\n\n"
              "示例：pucli update 12 --unit 县行政审批局 --status in_progress --percent 60 "
              "--note \"完成初稿\"",
    "brief": "会议简报：实际数与目标对比及图表、谁逾期、谁未报送、各部分进度，以及上次会议以来"
             "的变化。逐项清单都放在文末附件中。\n\n"
             "规划期结束后（或加 --final）改为终期评估：各目标是否完成及实际与规划的年均增速，"
             "各举措和责任单位的最终状态，各完成时限延误多久，按单位和按部分的完成情况，以及"
             "方案自身的不一致之处。\n\n"
             "默认中文，`pucli --lang en` 为英文。HTML 是一个自包含文件（图表内嵌）；"
             ".docx 按 GB/T 9704 公文格式排版，含真正的 "
             "Word 表格，图表为图片（需要 `pip install 'pucli[docx]'`）；Markdown 把图表写成与 "
             "文件.md 同目录的 文件.png。\n\n"
             "示例：pucli brief --as-of 2025-06-30 --since 2025-03-31 -o 简报.docx\n\n"
             "示例：pucli brief --final --as-of 2026-03-31 -o 终期评估.docx",
    "forms": "为本期生成填报表：每个单位一个 .xlsx。\n\n"
             "每张表列出该单位未完成的举措及其最近一次报送，并留出填写的列：状态（下拉选择）、"
             "进度（0–100）、进展、佐证和报送日期。标识列已锁定（无密码）。发出的填报表记入数据"
             "文件夹的 collection.csv，`pucli collect` 和 `pucli brief` 据此知道谁还没有交回。\n\n"
             "示例：pucli forms --as-of 2025-03-20 -o 填报表/",
    "collect": "把交回的填报表读入台账（progress.csv），每一行都先检查。\n\n"
               "填报表必须属于本方案和本期，标识单元格未改动；各行像 `pucli update` 那样检查。"
               "每张表的行一次追加，要么全收，要么全不收（见 --partial）；同一张表收两次不会重复"
               "追加。最后列出已交回和未交回的单位。有任何行被拒绝时退出码 1。\n\n"
               "示例：pucli collect 收回/ --dry-run",
    "remind": "为每个有逾期或即将到期事项的单位写一份催办通知。\n\n"
              "每份通知列出事项及其期限、逾期天数，以及回复期限。纯文本（可粘贴到消息中）输出到"
              "屏幕，或加 -o 为每个单位写一份 .txt 和一份 .docx（A4，GB/T 9704 页边距）。默认"
              "中文，`pucli --lang en` 为英文。\n\n"
              "示例：pucli remind --as-of 2025-04-08 -o 催办/",
    "actuals": "把观测到的数量记入 actuals.csv。",
    "actuals add": "向 actuals.csv 追加一个观测数（先检查，再追加）。\n\n"
                   "不加 --metric 时为市场主体总数；加上时为该指标的数量（例如 --metric high_tech，"
                   "或其中文名称 高新技术企业）。\n\n"
                   "示例：pucli actuals add 2022-12-31 1250 --source \"县市场监管局 2022年报\"",
    "actuals import": "从登记统计导出文件（CSV 或 .xlsx）导入多行。\n\n"
                      "每一行都像 `pucli validate` 检查 actuals.csv 那样检查；合格的行一次写入，"
                      "每个被拒绝的行都报告原因。有任何行被拒绝时退出码 1。--metric 给出每一行的"
                      "指标（除非有列映射到 metric）。\n\n"
                      "示例：pucli actuals import 登记统计.xlsx --map 统计截止日=date "
                      "--map 市场主体总数=total",
}


@cache
def _pattern(template: str) -> re.Pattern[str]:
    """The English template as a regex whose named groups capture its fields."""
    parts = re.split(r"\{(\w+)\}", template)
    out = []
    for i, part in enumerate(parts):
        out.append(f"(?P<{part}>.*?)" if i % 2 else re.escape(part))
    return re.compile("".join(out) + r"\Z", re.DOTALL)


def fill(pairs: list[Pair], text: str, params: Mapping[str, Any] | None = None) -> str | None:
    """The Chinese of ``text``: from ``params`` with the first template they fill, else from
    the first English template ``text`` matches; None when nothing fits."""
    if params:
        for zh, _en in pairs:
            try:
                return zh.format(**{k: phrase(str(v)) for k, v in params.items()})
            except (KeyError, IndexError):
                continue
    for zh, en in _most_fixed_text_first(tuple(pairs)):
        match = _pattern(en).match(text)
        if match:
            return zh.format(**{k: phrase(v) for k, v in match.groupdict().items()})
    return None


@cache
def _most_fixed_text_first(pairs: tuple[Pair, ...]) -> list[Pair]:
    # "{a} + {b} = …" must not swallow "{a} × (1 + {rate}) = …". Sorted once per list:
    # sorting on every call was most of the time 20,000 warnings took to print.
    return sorted(pairs, key=lambda pair: -len(re.sub(r"\{\w+\}", "", pair[1])))


def phrase(text: str) -> str:
    """``text`` with the known English phrases of pydantic and PyYAML put into Chinese."""
    if text in WORDS:
        return WORDS[text]
    for zh, en in PHRASES:
        if en in text:
            text = text.replace(en, zh)
    return text


def message_zh(code: str, message: str, params: Mapping[str, Any] | None = None) -> str:
    """A problem's message in Chinese; the English ``message`` when the catalog cannot."""
    pairs = MESSAGES.get(code)
    if not pairs:
        return message
    return fill(pairs, message, params) or message


@lru_cache(maxsize=4096)
def hint_zh(hint: str) -> str:
    """A hint in Chinese (unknown hints stay as written). Cached: a file with thousands
    of the same warning has thousands of the same hint."""
    return fill(HINTS, hint) or hint


@cache
def _help() -> dict[str, str]:
    return {en: zh for zh, en in HELP}


def help_zh(text: str) -> str:
    """An option's help in Chinese (as written when the catalog lacks it)."""
    return _help().get(text, text)


def usage_zh(text: str) -> str:
    """A usage error in Chinese: the first :data:`USAGE` template it matches, with each
    field worded the same way (as written when nothing matches)."""
    for zh, en in _most_fixed_text_first(tuple(USAGE)):
        match = _pattern(en).match(text)
        if match:
            return zh.format(**{k: usage_zh(v) for k, v in match.groupdict().items()})
    return text
