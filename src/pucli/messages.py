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
        ("无法解码文件：{reason}", "cannot decode the file: {reason}"),
    ],
    "binary-file": [("文件含有 NUL 字节：这是二进制文件，不是文本",
                     "file contains NUL bytes: it is binary, not text")],
    "read-only-data": [("内置数据文件夹是只读的", "the bundled data folder is read-only")],
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
        ("{detail}（实际为 {got}）", "{detail} (got {got})"),
    ],
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
    "duplicate-column": [("列 '{column}' 出现了两次", "column '{column}' appears twice")],
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
    "missing-value": [("total 为空", "total is empty")],
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
    ],
    "unknown-sheet": [("没有工作表 '{sheet}'", "no sheet '{sheet}'")],
    # progress.csv
    "unknown-status": [("未知的状态 '{status}'", "unknown status '{status}'")],
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
    "method": [("{detail}", "{detail}")],
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
    ("用 pip install 'pucli[docx]' 安装（或改用 --format html）",
     "install it with: pip install 'pucli[docx]'  (or choose --format html)"),
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
WORDS: dict[str, str] = {"a list": "列表", "a plain text value": "普通文本值", "a number": "数字",
                         "nothing": "空", "text": "文本", "a mapping": "映射"}


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
