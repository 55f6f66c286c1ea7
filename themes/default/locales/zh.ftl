# 默认主题的界面字符串：中文。
# 与 en.ftl 的键完全相同（由测试检查）。中文没有复数变化，数量只用一种形式。

## 语言

language-autonym = 中文

## 日期：“2025年3月14日”。

date-long = { $year }年{ $month_number }月{ $day }日
month-1 = 一月
month-2 = 二月
month-3 = 三月
month-4 = 四月
month-5 = 五月
month-6 = 六月
month-7 = 七月
month-8 = 八月
month-9 = 九月
month-10 = 十月
month-11 = 十一月
month-12 = 十二月

## 标点

list-separator = 、
list-separator-strong = ；

## 所有页面

skip-to-content = 跳到主要内容
nav-main-label = 主导航
nav-menu = 菜单
nav-report = { $year }年报告
nav-contributions = 贡献
nav-objectives = 目标
nav-forums = 论坛
nav-progress = 进展与差距
nav-policy-notes = 政策说明
nav-stakeholders = 利益攸关方
nav-regions = 区域
nav-search = 搜索
feed-link-edition = { $year }年版的贡献
footer-about = { $site }：《全球数字契约》的后续行动。
footer-source = 源文件与贡献
footer-editions = 各版：
breadcrumb-label = 导航路径
edition-label = { $year }年版
contributions-count = { $count } 项贡献
all-contributions = 全部贡献

## 语言与版本切换、未翻译的页面

switcher-languages = 语言
switcher-language = 语言
switcher-editions = 版本
switcher-current-edition = 当前版本
fallback-note =
    本页尚未翻译成{ $language ->
        [ar] 阿拉伯文
        [en] 英文
        [es] 西班牙文
        [fr] 法文
        [ru] 俄文
       *[zh] 中文
    }，现以{ $original ->
        [ar] 阿拉伯文
        [en] 英文
        [es] 西班牙文
        [fr] 法文
        [ru] 俄文
       *[zh] 中文
    }显示。
translation-notice = 译文。
translation-read-original = 阅读原文
also-in = 其他语言版本：

## 版本

edition-status-published = 已发布
edition-status-open = 正在征集贡献
edition-draft = 草稿版
edition-draft-notice = 草稿：本版仍在征集贡献，内容可能变化。

## 内容模型的封闭列表

stakeholder-type-member-state = 会员国
stakeholder-type-un-entity = 联合国实体
stakeholder-type-intergovernmental = 政府间组织
stakeholder-type-private-sector = 私营部门
stakeholder-type-civil-society = 民间社会
stakeholder-type-academia = 学术界
stakeholder-type-technical-community = 技术界
stakeholder-type-youth = 青年
region-africa = 非洲
region-americas = 美洲
region-arab-states = 阿拉伯国家
region-asia-pacific = 亚洲及太平洋
region-cis = 独联体
region-europe = 欧洲
region-global = 全球
status-planned = 计划中
status-ongoing = 进行中
status-completed = 已完成
status-withdrawn = 已撤回
actor-member-states = 会员国
actor-all-stakeholders = 所有利益攸关方
actor-multilateral = 多边系统
forum-category-intergovernmental-body = 政府间机构
forum-category-multistakeholder-body = 多利益攸关方机构
forum-category-un-multistakeholder-forum = 联合国多利益攸关方论坛
forum-category-un-multistakeholder-conference = 联合国多利益攸关方会议
forum-category-other = 其他机构

## 首页

home-glance = 概览
home-glance-total = 各版共 { $count } 项贡献：
home-glance-edition = { $year }年版：{ $count } 项贡献（{ $status }）
home-progress-link = 进展与差距：哪些行动已有报告、由谁报告，哪些尚无人报告
home-errata = 本版发布后进行了 { $count } 次更正：见勘误表。
home-latest = 最新贡献

## 贡献列表

contributions-title = 贡献
contributions-intro = 利益攸关方提交的 { $count } 项贡献，按时间由新到旧排列。
listing-page-title = （第 { $number } 页）
listing-count = { $count } 项贡献。
listing-count-paged = { $count } 项贡献，第 { $current } 页，共 { $total } 页。
listing-empty = 尚无贡献涉及此项：这是论坛希望填补的空白。
submit-contribution = 提交贡献
submit-contribution-how = （提交一个包含一份 Markdown 文件的合并请求；请参阅存储库中的贡献指南）
pagination-label = 分页
pagination-previous = 上一页
pagination-next = 下一页
illustrative-badge = 示例
draft-badge = 草稿
item-objectives = 目标 { $objectives }
stakeholders-title = 按利益攸关方类型分列的贡献
stakeholders-intro = 谁在贡献：《契约》所呼吁的各利益攸关方群体。
regions-title = 按区域分列的贡献
regions-intro = 所报告的工作在何处开展。
stakeholder-type-intro = “{ $type }”类利益攸关方提交的贡献。
region-intro = 工作在“{ $region }”区域开展的贡献。
counts-objective = 目标
counts-group = 群体
counts-number = 数量

## 贡献

illustrative-notice = 示例：这项贡献是为展示门户网站的功能而撰写的，并非真实提交的材料。
contribution-draft-notice = 草稿——尚未发布；删除 `{ $field }` 即可发布。
fact-stakeholder = 利益攸关方
fact-type = 类型
fact-region = 区域
fact-submitted = 提交日期
fact-revised = 最后修订
fact-status = 状态
fact-objectives = 目标
fact-actions = 行动
fact-forums = 论坛
fact-sdgs = 可持续发展目标
sdg = 可持续发展目标 { $goal }
indicators-caption = 报告的成果
indicator-name = 指标
indicator-value = 数值
indicator-unit = 单位
indicator-year = 年份
suggest-change = 建议修改这项贡献
links-heading = 链接
redirect-moved = 这项贡献已移至：

## 目标与行动

objectives-title = 《契约》的目标
objectives-lead = 《全球数字契约》确定了从 A 到 H 的八项目标。每个目标的页面列出该目标下提出的行动，以及就每项行动提交报告的贡献。
objectives-caption = 按目标分列的贡献
objective-feed = 关于目标 { $id } 的贡献的 Atom 订阅源
objective-count = 有 { $count } 项贡献涉及这一目标。
objective-see-all = 查看全部
objective-actions = 行动
objective-forums = 致力于这一目标的论坛
objective-contributions-title = 目标 { $id }：{ $title }
objective-contributions-intro = 涉及目标 { $id } 的贡献。
action-title = 行动 { $id }
action-for = 执行方：{ $actor }
action-see-all = 关于 { $id } 的全部 { $count } 项贡献
action-gap = 空白：尚无贡献涉及这一行动。
matrix-heading = 哪些论坛致力于哪些目标

## 论坛

forums-title = 数字合作的论坛和机构
forums-lead = 数字合作架构：各国政府和利益攸关方为实现《契约》目标而开展工作的机构和论坛，按政策简报的类别分列。
forums-matrix-link = 哪个论坛致力于哪个目标
fact-category = 类别
fact-convened-by = 召集方
fact-since = 设立年份
fact-meets = 会议周期
fact-website = 网站

## 政策说明

policy-notes-title = 政策说明
policy-notes-lead = 简要分析各项贡献所显示的情况以及仍需开展的工作。
policy-notes-empty = 尚未发布任何政策说明。
note-objectives = 目标：
note-forums = 论坛：

## 报告

report-published = 发布日期
report-period = 报告期：{ $from }至{ $to }
report-contents = 目录
chapter-contents = 本章内容
chapter-pager-label = 各章
pager-previous = ← { $title }
pager-next = { $title } →
errata-heading = 勘误
errata-lead = 本版发布以来所作的更正：
errata-lead-dated = 本版于{ $date }发布以来所作的更正：
open-data = 开放数据：
open-data-csv = 本版的贡献（CSV）
open-data-json = （JSON）
print-button = 打印或另存为 PDF
print-title = 可打印的报告

## 进展与差距、变化

progress-page-title = { $year }年进展与差距
progress-heading = 进展与差距（{ $year }年版）
progress-lead = 每一行是《契约》的一项行动，每一列是一个利益攸关方群体。数字表示{ $year }年版中就该行动提交报告的贡献数量；标有“空白”的空格表示尚无人报告。
progress-draft = 草稿：{ $year }年版仍在征集贡献，这些数字将会变化。
progress-other-editions = 其他各版：
progress-all-editions = 所有各版
changes-title = { $year }年的变化
changes-lead = { $year }年版与{ $previous_year }年版比较：{ $total } 项贡献，上一版为 { $previous_total } 项。
changes-draft = 草稿：{ $year }年版仍在征集贡献，这一比较将会变化。
changes-progress-heading = 关于先前工作的进展报告
changes-follows = 接续
changes-status = 状态
changes-unchanged = { $status }，未变
changes-indicators = 指标
changes-no-progress = 本版尚无贡献报告先前工作的进展。
changes-gained-heading = 新获得报告的行动
changes-gained-none = 无：本版报告的行动均已在以前报告过。
changes-lost-heading = 不再有报告的行动
changes-lost-lead = { $previous_year }年有报告、{ $year }年（尚）无报告的行动：
changes-lost-none = 无。
changes-new-heading = 新贡献
changes-new-none = 尚无新贡献。
changes-chart-title = 按目标分列的贡献：{ $previous_year }年版和{ $year }年版
changes-chart-source = { $site }门户网站收到的贡献
changes-chart-category = 目标

## 以 Rust 生成的图表和订阅源

chart-by-objective = 按目标分列的贡献
chart-by-stakeholder-type = 按利益攸关方类型分列的贡献
chart-by-region = 按区域分列的贡献
chart-by-status = 按状态分列的贡献
chart-by-edition = 按版本分列的贡献
feed-edition-title = { $site }：{ $year }年版的贡献
feed-objective-title = { $site }：关于目标 { $id }“{ $title }”的贡献

## 搜索

search-label = 搜索贡献
search-button = 搜索
search-results =
    { $count ->
        [0] 没有结果
       *[other] { $count } 条结果
    }
search-no-results = 没有与搜索内容相符的贡献。
search-needs-javascript = 搜索功能需要 JavaScript。如不使用 JavaScript，可按目标、利益攸关方类型、区域或状态浏览贡献。

## 未找到页面

not-found-title = 未找到页面
not-found-text = 此地址没有页面。页面可能在某项贡献改名时被移动了。
not-found-home = 首页

## Editions as portals, withdrawals, print and search pages

draft-banner = 草稿：{ $year } 年版仍在征集材料；在发布之前，其页面会有变动。
edition-draft-marker = （草稿）
follows-up-on = 后续报告：
followed-up-in = { $year } 年版中的后续报告：
changes-withdrawn-heading = 已撤回
changes-withdrawn-lead = 以往版本中报告、其提交方后来已停止的举措：
changes-withdrawn-in = 于 { $year } 年撤回
print-lead = 本页按章节顺序收录整份报告，可使用浏览器的打印功能打印或另存为 PDF。
search-error = 无法加载搜索索引。请改为浏览下方的列表。
search-more = 更多结果
search-browse = 浏览
browse-by-objective = 按目标
browse-by-stakeholder-type = 按利益攸关方类型
browse-by-region = 按区域
browse-all-contributions = 全部材料及其状态
search-kind-contribution = 材料
search-kind-policy-note = 政策简报
search-kind-chapter = 报告章节
search-kind-home = 首页

## Figures

chart-source-label = 来源：
chart-data-table = 数据表
chart-download = 下载这些数据（CSV）
chart-category = 类别
chart-count = 数量
chart-finding-extremes = 最高值为{ $largest }（{ $largest_value }），最低值为{ $smallest }（{ $smallest_value }）。
chart-finding-extremes-in = 在{ $series }中，最高值为{ $largest }（{ $largest_value }），最低值为{ $smallest }（{ $smallest_value }）。
chart-finding-all-equal = { $count ->
        [1] 唯一的类别数值为{ $value }。
       *[other] 全部{ $count }个类别的数值相同（{ $value }）。
    }
chart-finding-change = 从{ $from }到{ $to }，{ $fell ->
        [0] { $rose ->
            [0] 数值没有变化
           *[other] { $count }个类别中有{ $rose }个上升
        }
       *[other] { $rose ->
            [0] { $count }个类别中有{ $fell }个下降
           *[other] { $count }个类别中有{ $fell }个下降、{ $rose }个上升
        }
    }。
chart-finding-line = { $series }从{ $first }的{ $start }变为{ $last }的{ $end }。
chart-finding-target = { $count }个中有{ $above }个高于{ $level }的参考线。
chart-finding-target-named = { $count }个中有{ $above }个高于{ $level }的参考线（{ $label }）。
chart-by-action = 目标 { $id } 各项行动的材料

# Dataset labels (charts): data-label-<slug of the label as written in the dataset>.
data-label-group = 组别
data-label-world = 世界
data-label-africa = 非洲
data-label-americas = 美洲
data-label-arab-states = 阿拉伯国家
data-label-asia-pacific = 亚太
data-label-cis = 独联体
data-label-europe = 欧洲
data-label-low-income = 低收入
data-label-lower-middle-income = 中低收入
data-label-upper-middle-income = 中高收入
data-label-high-income = 高收入
data-label-ldcs = 最不发达国家
data-label-lldcs = 内陆发展中国家
data-label-sids = 小岛屿发展中国家
