# Interface strings of the default theme: English, the reference for the other languages.
#
# Every file of locales/ defines exactly the keys of this one (a test checks it).
# A site may redefine or add messages in themes/<name>/locales/<lang>.ftl.
#
# Arguments: a number (`$count`, `$total`…) selects the plural form and is written with
# the language’s separators; a year (`$year`, `$previous_year`) is text.
# Syntax: https://projectfluent.org/fluent/guide/

## The language itself

language-autonym = English

## Dates: "14 March 2025". Arguments: $day, $month (a name below), $month_number, $year.

date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Punctuation

# Between the items of a list written inline.
list-separator = {", "}
# Between items that may contain commas themselves.
list-separator-strong = {"; "}

## Every page

skip-to-content = Skip to main content
nav-main-label = Main
nav-menu = Menu
nav-report = Report { $year }
nav-contributions = Contributions
nav-objectives = Objectives
nav-forums = Forums
nav-progress = Progress and gaps
nav-policy-notes = Policy notes
nav-stakeholders = Stakeholders
nav-regions = Regions
nav-search = Search
feed-link-edition = Contributions to edition { $year }
footer-about = { $site }: follow-up of the Global Digital Compact.
footer-source = Source and contributions
footer-editions = Editions:
breadcrumb-label = Breadcrumb
edition-label = Edition { $year }
contributions-count =
    { $count ->
        [one] { $count } contribution
       *[other] { $count } contributions
    }
all-contributions = All contributions

## Language and edition switchers, fallback

switcher-languages = Languages
switcher-language = Language
switcher-editions = Editions
switcher-current-edition = Current edition
# On a page shown in the default language because it has no translation.
# $language: the page’s language code; $original: the code of the language shown.
fallback-note =
    This page has not been translated into { $language ->
        [ar] Arabic
        [en] English
        [es] Spanish
        [fr] French
        [ru] Russian
       *[zh] Chinese
    } yet; it is shown in { $original ->
        [ar] Arabic
        [en] English
        [es] Spanish
        [fr] French
        [ru] Russian
       *[zh] Chinese
    }.
translation-notice = Translation.
translation-read-original = Read the original
also-in = Also in:

## Editions

edition-status-published = Published
edition-status-open = Open for contributions
edition-draft = Draft edition
edition-draft-notice = Draft: this edition is still collecting contributions and may change.

## Closed lists of the content model

stakeholder-type-member-state = Member State
stakeholder-type-un-entity = UN entity
stakeholder-type-intergovernmental = Intergovernmental organization
stakeholder-type-private-sector = Private sector
stakeholder-type-civil-society = Civil society
stakeholder-type-academia = Academia
stakeholder-type-technical-community = Technical community
stakeholder-type-youth = Youth
region-africa = Africa
region-americas = Americas
region-arab-states = Arab States
region-asia-pacific = Asia-Pacific
region-cis = CIS
region-europe = Europe
region-global = Global
status-planned = Planned
status-ongoing = Ongoing
status-completed = Completed
status-withdrawn = Withdrawn
actor-member-states = Member States
actor-all-stakeholders = All stakeholders
actor-multilateral = Multilateral system
forum-category-intergovernmental-body = Intergovernmental bodies
forum-category-multistakeholder-body = Multistakeholder bodies
forum-category-un-multistakeholder-forum = UN multistakeholder forums
forum-category-un-multistakeholder-conference = UN multistakeholder conferences
forum-category-other = Other bodies

## Home page

home-glance = At a glance
home-glance-total =
    { $count ->
        [one] { $count } contribution across all editions:
       *[other] { $count } contributions across all editions:
    }
# $status: the edition’s status, e.g. "published".
home-glance-edition =
    { $count ->
        [one] Edition { $year }: { $count } contribution ({ $status })
       *[other] Edition { $year }: { $count } contributions ({ $status })
    }
home-progress-link = Progress and gaps: which actions are covered, by whom, and where no one reports yet
home-errata =
    { $count ->
        [one] This edition was corrected once after its publication: see the errata.
       *[other] This edition was corrected { $count } times after its publication: see the errata.
    }
home-latest = Latest contributions

## Listings of contributions

contributions-title = Contributions
contributions-intro =
    { $count ->
        [one] { $count } contribution from stakeholders, newest first.
       *[other] { $count } contributions from stakeholders, newest first.
    }
listing-page-title = (page { $number })
listing-count =
    { $count ->
        [one] { $count } contribution.
       *[other] { $count } contributions.
    }
listing-count-paged =
    { $count ->
        [one] { $count } contribution, page { $current } of { $total }.
       *[other] { $count } contributions, page { $current } of { $total }.
    }
listing-empty = No contribution reports on this yet: a gap the Forum will want to see filled.
submit-contribution = Submit a contribution
submit-contribution-how = (a pull request with one Markdown file; see the contributing guide in the repository)
pagination-label = Pages
pagination-previous = Previous
pagination-next = Next
illustrative-badge = Illustrative
draft-badge = Draft
item-objectives = Objectives { $objectives }
stakeholders-title = Contributions by stakeholder type
stakeholders-intro = Who contributes: the stakeholder groups the Compact calls on.
regions-title = Contributions by region
regions-intro = Where the work reported takes place.
stakeholder-type-intro = Contributions from stakeholders of the type “{ $type }”.
region-intro = Contributions whose work takes place in the region “{ $region }”.
counts-objective = Objective
counts-group = Group
counts-number = Number

## A contribution

illustrative-notice = Illustrative example: this contribution was written to show how the portal works; it is not a real submission.
contribution-draft-notice = Draft — not published; remove `{ $field }` to publish.
fact-stakeholder = Stakeholder
fact-type = Type
fact-region = Region
fact-submitted = Submitted
fact-revised = Last revised
fact-status = Status
fact-objectives = Objectives
fact-actions = Actions
fact-forums = Forums
fact-sdgs = SDGs
sdg = SDG { $goal }
indicators-caption = Results reported
indicator-name = Indicator
indicator-value = Value
indicator-unit = Unit
indicator-year = Year
suggest-change = Suggest a change to this contribution
links-heading = Links
redirect-moved = This contribution has moved:

## Objectives and actions

objectives-title = The Compact’s objectives
objectives-lead = The Global Digital Compact sets eight objectives, A to H. Each page lists the actions proposed under an objective and the contributions reporting on each.
objectives-caption = Contributions by objective
objective-feed = Atom feed of the contributions on objective { $id }
objective-count =
    { $count ->
        [one] { $count } contribution reports on this objective.
       *[other] { $count } contributions report on this objective.
    }
objective-see-all = See them all
objective-actions = Actions
objective-forums = Forums working on this objective
objective-contributions-title = Objective { $id }: { $title }
objective-contributions-intro = Contributions reporting on objective { $id }.
action-title = Action { $id }
action-for = For: { $actor }
action-see-all =
    { $count ->
        [one] The { $count } contribution on { $id }
       *[other] All { $count } contributions on { $id }
    }
action-gap = Gap: no contribution reports on this action yet.
matrix-heading = Which forums work on which objective

## Forums

forums-title = Forums and bodies of digital cooperation
forums-lead = The architecture of digital cooperation: the bodies and forums where governments and stakeholders work on the Compact’s objectives, in the categories of the policy brief.
forums-matrix-link = Which forum works on which objective
fact-category = Category
fact-convened-by = Convened by
fact-since = Since
fact-meets = Meets
fact-website = Website

## Policy notes

policy-notes-title = Policy notes
policy-notes-lead = Short analyses of what the contributions show, and what remains to be done.
policy-notes-empty = No policy note has been published yet.
note-objectives = Objectives:
note-forums = Forums:

## The report

report-published = Published
report-period = Reporting period { $from } to { $to }
report-contents = Contents
chapter-contents = In this chapter
chapter-pager-label = Chapters
# The arrows point the way the text reads: reversed in right-to-left languages.
pager-previous = ← { $title }
pager-next = { $title } →
errata-heading = Errata
errata-lead = Corrections made since this edition was published:
errata-lead-dated = Corrections made since this edition was published on { $date }:
open-data = Open data:
open-data-csv = contributions of this edition (CSV)
open-data-json = (JSON)
print-button = Print or save as PDF
print-title = Printable report

## Progress and gaps, what changed

progress-page-title = Progress and gaps { $year }
progress-heading = Progress and gaps, edition { $year }
progress-lead = Each row is an action of the Compact; each column a stakeholder group. A number counts the contributions of edition { $year } that report on the action; an empty cell marked “gap” shows where no one reports yet.
progress-draft = Draft: edition { $year } is still collecting contributions; these figures will change.
progress-other-editions = Other editions:
progress-all-editions = All editions
changes-title = What changed in { $year }
changes-lead =
    Edition { $year } compared with edition { $previous_year }: { $total ->
        [one] { $total } contribution
       *[other] { $total } contributions
    } against { $previous_total }.
changes-draft = Draft: edition { $year } is still collecting contributions; this comparison will change.
changes-progress-heading = Progress reported on earlier work
changes-follows = Follows
changes-status = status
changes-unchanged = { $status }, unchanged
changes-indicators = Indicators
changes-no-progress = No contribution of this edition reports progress on an earlier one yet.
changes-gained-heading = Actions that gained coverage
changes-gained-none = None: no action is reported on this edition that was not reported on before.
changes-lost-heading = Actions that lost coverage
changes-lost-lead = Reported on in { $previous_year }, not (yet) in { $year }:
changes-lost-none = None.
changes-new-heading = New contributions
changes-new-none = No new contribution yet.
changes-chart-title = Contributions by objective, editions { $previous_year } and { $year }
changes-chart-source = Contributions to the { $site } portal
changes-chart-category = Objective

## Charts and feeds made in Rust

chart-by-objective = Contributions by objective
chart-by-stakeholder-type = Contributions by stakeholder type
chart-by-region = Contributions by region
chart-by-status = Contributions by status
chart-by-edition = Contributions by edition
feed-edition-title = { $site }: contributions to edition { $year }
feed-objective-title = { $site }: contributions on objective { $id }. { $title }

## Search

search-label = Search the contributions
search-button = Search
search-results =
    { $count ->
        [0] No results
        [one] { $count } result
       *[other] { $count } results
    }
search-no-results = No contribution matches your search.
search-needs-javascript = Search needs JavaScript. Without it, browse the contributions by objective, stakeholder type, region or status.

## Page not found

not-found-title = Page not found
not-found-text = There is no page at this address. It may have moved when a contribution was renamed.
not-found-home = Home page

## Editions as portals, withdrawals, print and search pages

draft-banner = Draft: edition { $year } is still collecting contributions; its pages will change until it is published.
edition-draft-marker = (draft)
follows-up-on = Follows up on
followed-up-in = Followed up in edition { $year }:
changes-withdrawn-heading = Withdrawn
changes-withdrawn-lead = Initiatives reported in an earlier edition that their contributors have since stopped:
changes-withdrawn-in = withdrawn in { $year }
print-lead = This page holds the whole report, chapters in order, for printing or saving as PDF with your browser’s print command.
search-error = Search could not load its index. Browse the listings below instead.
search-more = More results
search-browse = Browse
browse-by-objective = By objective
browse-by-stakeholder-type = By stakeholder type
browse-by-region = By region
browse-all-contributions = All contributions, with their status
search-kind-contribution = Contribution
search-kind-policy-note = Policy note
search-kind-chapter = Report chapter
search-kind-home = Home page

## Figures

chart-source-label = Source:
chart-data-table = Data table
chart-download = Download these numbers (CSV)
chart-category = Category
chart-count = Count
chart-finding-extremes = The largest value is { $largest } ({ $largest_value }) and the smallest is { $smallest } ({ $smallest_value }).
chart-finding-extremes-in = In { $series }, the largest value is { $largest } ({ $largest_value }) and the smallest is { $smallest } ({ $smallest_value }).
chart-finding-all-equal = { $count ->
        [1] The one category has the value { $value }.
       *[other] All { $count } categories have the same value ({ $value }).
    }
chart-finding-change = From { $from } to { $to }, { $fell ->
        [0] { $rose ->
            [0] values did not change
           *[other] values rose in { $rose } of { $count } categories
        }
       *[other] { $rose ->
            [0] values fell in { $fell } of { $count } categories
           *[other] values fell in { $fell } and rose in { $rose } of { $count } categories
        }
    }.
chart-finding-line = { $series } went from { $start } in { $first } to { $end } in { $last }.
chart-finding-target = { $above } of { $count } are above the reference line at { $level }.
chart-finding-target-named = { $above } of { $count } are above the reference line at { $level } ({ $label }).
chart-by-action = Contributions by action of objective { $id }

# Dataset labels (charts): data-label-<slug of the label as written in the dataset>.
data-label-group = Group
data-label-world = World
data-label-africa = Africa
data-label-americas = Americas
data-label-arab-states = Arab States
data-label-asia-pacific = Asia-Pacific
data-label-cis = CIS
data-label-europe = Europe
data-label-low-income = Low-income
data-label-lower-middle-income = Lower-middle-income
data-label-upper-middle-income = Upper-middle-income
data-label-high-income = High-income
data-label-ldcs = LDCs
data-label-lldcs = LLDCs
data-label-sids = SIDS
