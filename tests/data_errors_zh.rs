//! Under `--lang zh` the errors about a data file's content are Chinese, at the same places as
//! in English: numbers, cells, tables, encodings, workbooks, units and figures that do not add
//! up.

mod common;

use common::{plan, plan_with_stdin, temp_file};

/// Asserts a run failed with exit 2, printed nothing on stdout and exactly `lines` on stderr.
#[track_caller]
fn assert_zh(run: &common::Run, lines: &[&str]) {
    let expected: String = lines.iter().map(|l| format!("{l}\n")).collect();
    assert_eq!(run.stderr, expected, "stderr");
    assert_eq!(run.code, 2, "exit code");
    assert_eq!(run.stdout, "", "nothing on stdout");
}

fn zh_stdin(input: &str) -> common::Run {
    plan_with_stdin(&["check", "-", "--lang", "zh"], input)
}

#[test]
fn numbers_that_do_not_read_are_said_in_chinese() {
    let input = "indicator,period,value\nrd_intensity,2020,1.2.3\ntech_contract_turnover,2020,1300¹\nincubators_new,2020,①③\nprovincial_key_labs_new,2020,0x10\n";
    assert_zh(
        &zh_stdin(input),
        &[
            "错误：<标准输入>:2:3：数值 `1.2.3` 不是十进制数，应为 2.20 这样的数",
            "错误：<标准输入>:3:3：数值 `1300¹` 的数字后有标记 `¹`（U+00B9），如脚注；应只写数字（脚注请写在备注列）",
            "错误：<标准输入>:4:3：数值 `①③` 中的 `①`（U+2460）是带圈、上标等修饰的数字，如列表编号；应为普通数字 0-9",
            "错误：<标准输入>:5:3：数值 `0x10` 像十六进制数；应为 2.20 这样的十进制数",
            "错误：共 4 个错误",
        ],
    );
    let input = "indicator,period,value\nrd_intensity,2020,1E\nincubators_new,2020,\"1,2\"\n";
    assert_zh(
        &zh_stdin(input),
        &[
            "错误：<标准输入>:2:3：数值 `1E` 不是 1.76E+03 这样的科学记数法；应为 2.20 这样的十进制数",
            "错误：<标准输入>:3:3：数值 `1,2` 的千位分隔符位置不对；应为 1,467.83 这样的数",
            "错误：共 2 个错误",
        ],
    );
    // The same file in English is as before.
    let run = plan_with_stdin(
        &["check", "-", "--lang", "en"],
        "indicator,period,value\nrd_intensity,2020,1.2.3\n",
    );
    assert_eq!(
        run.stderr,
        "error: <stdin>:2:3: value `1.2.3`: expected a decimal number such as 2.20\n"
    );
}

#[test]
fn cells_that_hold_no_number_are_said_in_chinese() {
    let run = plan(&["check", "inputs/date-value.xlsx", "--lang", "zh"]);
    assert_zh(
        &run,
        &["错误：inputs/date-value.xlsx:Sheet!C2：数值 `2020-09-30` 是日期；应为数值"],
    );
    let run = plan(&["check", "actuals/bad-milestone.csv", "--lang", "zh"]);
    assert_zh(
        &run,
        &["错误：actuals/bad-milestone.csv:2:3：数值 `差不多` 不是里程碑状态；应为 完成、未完成 或 进行中"],
    );
}

#[test]
fn tables_that_do_not_read_are_said_in_chinese() {
    assert_zh(
        &zh_stdin("indicator,period,value\nincubators_new,2020,1,2\n"),
        &["错误：<标准输入>:2:4：该行有 4 个字段，表头只有 3 个：第 4 个字段（`2`）超出表头；应最多 3 个字段（含分隔符的字段请加引号）"],
    );
    assert_zh(
        &zh_stdin("单位 亿元\nindicator,period,value\n"),
        &["错误：<标准输入>:1：单位行 `单位 亿元` 无法识别；应为 单位：亿元 这样的行"],
    );
    assert_zh(
        &zh_stdin("indicator,2020,2020年\nrd_intensity,1,2\n"),
        &["错误：<标准输入>:1:3：表头 `2020年` 与第 2 列是同一时期（2020年）；每个时期只应出现一次"],
    );
    assert_zh(
        &zh_stdin("indicator,value,2020年\nrd_intensity,1,2\n"),
        &["错误：<标准输入>:1:3：表头 `indicator,value,2020年` 既有数值列（`value`，第 2 列），又有以时期命名的列（`2020年`，第 3 列）；二者只应有其一：长表有时期列和数值列，宽表每个时期一列"],
    );
    let run = plan(&["check", "actuals/unclosed-quote.csv", "--lang", "zh"]);
    assert_zh(
        &run,
        &["错误：actuals/unclosed-quote.csv:2：从此行开始的带引号字段没有结束；应有结束的 `\"`"],
    );
}

#[test]
fn encodings_and_delimiters_are_said_in_chinese() {
    assert_zh(
        &zh_stdin("indicator;period;value\nrd_intensity;2020;2.2\n"),
        &["错误：<标准输入>:1：表头以 `;` 分隔；应为逗号分隔的 CSV 或制表符分隔的文本（请将工作表另存为 CSV 或 Unicode 文本）"],
    );
    let run = plan(&["check", "actuals/invalid-utf8.csv", "--lang", "zh"]);
    assert_zh(
        &run,
        &["错误：actuals/invalid-utf8.csv:3：不是 UTF-8、UTF-16 或 GB18030 文本（字节 0xFF）；应为以 UTF-8 或 GBK 保存的 CSV 或制表符分隔文件，或用 --encoding 指定编码"],
    );
}

#[test]
fn workbooks_that_do_not_read_are_said_in_chinese() {
    let run = plan(&[
        "check",
        "inputs/workbook.xlsx",
        "--sheet",
        "2021年",
        "--lang",
        "zh",
    ]);
    assert_zh(
        &run,
        &["错误：inputs/workbook.xlsx：没有名为 `2021年` 的工作表；工作簿中有 `2020年`、`2019年`"],
    );
    let run = plan(&[
        "check",
        "inputs/wide.csv",
        "--sheet",
        "2020年",
        "--lang",
        "zh",
    ]);
    assert_zh(
        &run,
        &["错误：inputs/wide.csv：--sheet 用于指定工作表，但此文件是文本，不是工作簿"],
    );
    let run = plan(&["check", "inputs/damaged.xlsx", "--lang", "zh"]);
    assert_zh(
        &run,
        &["错误：inputs/damaged.xlsx：无法读取工作簿：无法识别文件格式；应为 .xlsx、.xls 或 .ods 文件"],
    );
    // Through the child process that reads workbooks, an error stays typed.
    let run = plan(&["check", "inputs/asks-for-gigabytes.xls", "--lang", "zh"]);
    assert_zh(
        &run,
        &["错误：inputs/asks-for-gigabytes.xls：工作簿已损坏，无法读取（它要求的内存远超工作簿所需）；应为 .xlsx、.xls 或 .ods 文件"],
    );
    let mut book = rust_xlsxwriter::Workbook::new();
    book.add_worksheet().set_name("空表").unwrap();
    let path = temp_file("empty.xlsx", book.save_to_buffer().unwrap());
    let name = path.to_str().unwrap();
    let run = plan(&["check", name, "--lang", "zh"]);
    assert_zh(
        &run,
        &[&format!(
            "错误：{name}:空表：工作表 `空表` 为空；应有表头行（可用 --sheet 选择其他工作表）"
        )],
    );
}

#[test]
fn units_and_figures_that_disagree_are_said_in_chinese() {
    let run = plan(&["check", "actuals/unit-contradiction.csv", "--lang", "zh"]);
    assert_zh(
        &run,
        &["错误：actuals/unit-contradiction.csv:2:3：数值 `1758.72亿元` 的单位是 `亿元`，而 actuals/unit-contradiction.csv:2:4 写的是 `万元`；应只有一个单位"],
    );
    assert_zh(
        &zh_stdin("指标,单位,数值\n技术合同成交额（亿元）,万元,17587200\n"),
        &["错误：<标准输入>:2:2：单位是 `万元`，而名称 `技术合同成交额（亿元）` 中写的是 `亿元`；应只有一个单位"],
    );
    let input = "indicator,period,value\nprovincial_key_labs_new,2020Q1,5\nprovincial_key_labs_new,2020Q2,10\nprovincial_key_labs_new,2020H1,16\n";
    assert_zh(
        &zh_stdin(input),
        &["错误：<标准输入>:4:3：`新建省重点实验室` 2020年上半年数据为 16，而 2020年一季度 + 2020年二季度 合计为 15；各部分之和应等于总数"],
    );
}
