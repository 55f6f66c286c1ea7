# سلاسل الواجهة في السمة الافتراضية: العربية.
# المفاتيح نفسها الموجودة في en.ftl (يتحقق منها اختبار). صيغ العدد الست:
# zero (0)، one (1)، two (2)، few (3–10)، many (11–99)، other (100 وما بعدها).
# الأرقام غربية والأشهر بالصيغة المزدوجة المستخدمة في وثائق الأمم المتحدة.

## اللغة

language-autonym = العربية

## التواريخ: «14 آذار/مارس 2025».

date-long = { $day } { $month } { $year }
month-1 = كانون الثاني/يناير
month-2 = شباط/فبراير
month-3 = آذار/مارس
month-4 = نيسان/أبريل
month-5 = أيار/مايو
month-6 = حزيران/يونيه
month-7 = تموز/يوليه
month-8 = آب/أغسطس
month-9 = أيلول/سبتمبر
month-10 = تشرين الأول/أكتوبر
month-11 = تشرين الثاني/نوفمبر
month-12 = كانون الأول/ديسمبر

## علامات الترقيم

list-separator = {"، "}
list-separator-strong = {"؛ "}

## جميع الصفحات

skip-to-content = الانتقال إلى المحتوى الرئيسي
nav-main-label = التنقل الرئيسي
nav-menu = القائمة
nav-report = تقرير عام { $year }
nav-contributions = المساهمات
nav-objectives = الأهداف
nav-forums = المنتديات
nav-progress = التقدم والثغرات
nav-policy-notes = مذكرات السياسات
nav-stakeholders = أصحاب المصلحة
nav-regions = المناطق
nav-search = البحث
feed-link-edition = المساهمات في إصدار عام { $year }
footer-about = { $site }: متابعة الميثاق الرقمي العالمي.
footer-source = المصدر والمساهمات
footer-editions = الإصدارات:
breadcrumb-label = مسار التنقل
edition-label = إصدار عام { $year }
contributions-count =
    { $count ->
        [zero] لا توجد مساهمات
        [one] مساهمة واحدة
        [two] مساهمتان
        [few] { $count } مساهمات
        [many] { $count } مساهمةً
       *[other] { $count } مساهمة
    }
all-contributions = جميع المساهمات

## اختيار اللغة والإصدار، والصفحات غير المترجمة

switcher-languages = اللغات
switcher-language = اللغة
switcher-editions = الإصدارات
switcher-current-edition = الإصدار الحالي
fallback-note =
    لم تُترجم هذه الصفحة إلى { $language ->
        [ar] العربية
        [en] الإنكليزية
        [es] الإسبانية
        [fr] الفرنسية
        [ru] الروسية
       *[zh] الصينية
    } بعد، وهي معروضة باللغة { $original ->
        [ar] العربية
        [en] الإنكليزية
        [es] الإسبانية
        [fr] الفرنسية
        [ru] الروسية
       *[zh] الصينية
    }.
translation-notice = ترجمة.
translation-read-original = قراءة النص الأصلي
also-in = متاحة أيضًا بـ:

## الإصدارات

edition-status-published = صادر
edition-status-open = مفتوح لتلقي المساهمات
edition-draft = إصدار مؤقت
edition-draft-notice = مسودة: لا يزال هذا الإصدار يتلقى المساهمات وقد يتغير.

## القوائم المغلقة في نموذج المحتوى

stakeholder-type-member-state = دولة عضو
stakeholder-type-un-entity = كيان تابع للأمم المتحدة
stakeholder-type-intergovernmental = منظمة حكومية دولية
stakeholder-type-private-sector = القطاع الخاص
stakeholder-type-civil-society = المجتمع المدني
stakeholder-type-academia = الأوساط الأكاديمية
stakeholder-type-technical-community = الأوساط التقنية
stakeholder-type-youth = الشباب
region-africa = أفريقيا
region-americas = الأمريكتان
region-arab-states = الدول العربية
region-asia-pacific = آسيا والمحيط الهادئ
region-cis = رابطة الدول المستقلة
region-europe = أوروبا
region-global = العالم
status-planned = مخطط لها
status-ongoing = جارية
status-completed = مكتملة
status-withdrawn = مسحوبة
actor-member-states = الدول الأعضاء
actor-all-stakeholders = جميع أصحاب المصلحة
actor-multilateral = المنظومة المتعددة الأطراف
forum-category-intergovernmental-body = الهيئات الحكومية الدولية
forum-category-multistakeholder-body = الهيئات المتعددة أصحاب المصلحة
forum-category-un-multistakeholder-forum = منتديات الأمم المتحدة المتعددة أصحاب المصلحة
forum-category-un-multistakeholder-conference = مؤتمرات الأمم المتحدة المتعددة أصحاب المصلحة
forum-category-other = هيئات أخرى

## الصفحة الرئيسية

home-glance = لمحة سريعة
home-glance-total =
    { $count ->
        [zero] لا توجد مساهمات في جميع الإصدارات:
        [one] مساهمة واحدة في جميع الإصدارات:
        [two] مساهمتان في جميع الإصدارات:
        [few] { $count } مساهمات في جميع الإصدارات:
        [many] { $count } مساهمةً في جميع الإصدارات:
       *[other] { $count } مساهمة في جميع الإصدارات:
    }
home-glance-edition =
    { $count ->
        [zero] إصدار عام { $year }: لا توجد مساهمات ({ $status })
        [one] إصدار عام { $year }: مساهمة واحدة ({ $status })
        [two] إصدار عام { $year }: مساهمتان ({ $status })
        [few] إصدار عام { $year }: { $count } مساهمات ({ $status })
        [many] إصدار عام { $year }: { $count } مساهمةً ({ $status })
       *[other] إصدار عام { $year }: { $count } مساهمة ({ $status })
    }
home-progress-link = التقدم والثغرات: ما الإجراءات المشمولة، ومن يتولاها، وأين لا يقدّم أحد تقارير بعد
home-errata = صُحِّحت هذه الطبعة بعد نشرها (عدد التصويبات: { $count }): انظر قائمة التصويبات.
home-latest = أحدث المساهمات

## قوائم المساهمات

contributions-title = المساهمات
contributions-intro =
    { $count ->
        [zero] لا توجد مساهمات من أصحاب المصلحة بعد.
        [one] مساهمة واحدة من أصحاب المصلحة.
        [two] مساهمتان من أصحاب المصلحة، الأحدث أولًا.
        [few] { $count } مساهمات من أصحاب المصلحة، الأحدث أولًا.
        [many] { $count } مساهمةً من أصحاب المصلحة، الأحدث أولًا.
       *[other] { $count } مساهمة من أصحاب المصلحة، الأحدث أولًا.
    }
listing-page-title = (الصفحة { $number })
listing-count =
    { $count ->
        [zero] لا توجد مساهمات.
        [one] مساهمة واحدة.
        [two] مساهمتان.
        [few] { $count } مساهمات.
        [many] { $count } مساهمةً.
       *[other] { $count } مساهمة.
    }
listing-count-paged =
    { $count ->
        [zero] لا توجد مساهمات، الصفحة { $current } من { $total }.
        [one] مساهمة واحدة، الصفحة { $current } من { $total }.
        [two] مساهمتان، الصفحة { $current } من { $total }.
        [few] { $count } مساهمات، الصفحة { $current } من { $total }.
        [many] { $count } مساهمةً، الصفحة { $current } من { $total }.
       *[other] { $count } مساهمة، الصفحة { $current } من { $total }.
    }
listing-empty = لا توجد بعد أي مساهمة تتناول هذا الموضوع: ثغرة سيرغب المنتدى في سدّها.
submit-contribution = تقديم مساهمة
submit-contribution-how = (طلب دمج يتضمن ملف Markdown واحدًا؛ انظر دليل المساهمة في المستودع)
pagination-label = الصفحات
pagination-previous = السابقة
pagination-next = التالية
illustrative-badge = مثال توضيحي
draft-badge = مسودة
item-objectives = الأهداف { $objectives }
stakeholders-title = المساهمات حسب فئة أصحاب المصلحة
stakeholders-intro = من يساهم: فئات أصحاب المصلحة التي يدعوها الميثاق.
regions-title = المساهمات حسب المنطقة
regions-intro = أين يجري العمل المبلّغ عنه.
stakeholder-type-intro = مساهمات أصحاب المصلحة من فئة «{ $type }».
region-intro = المساهمات التي يجري العمل فيها في منطقة «{ $region }».
counts-objective = الهدف
counts-group = الفئة
counts-number = العدد

## المساهمة

illustrative-notice = مثال توضيحي: كُتبت هذه المساهمة لبيان طريقة عمل البوابة، وهي ليست مساهمة حقيقية.
contribution-draft-notice = مسودة — غير منشورة؛ احذف `{ $field }` لنشرها.
fact-stakeholder = صاحب المصلحة
fact-type = الفئة
fact-region = المنطقة
fact-submitted = تاريخ التقديم
fact-revised = آخر تنقيح
fact-status = الحالة
fact-objectives = الأهداف
fact-actions = الإجراءات
fact-forums = المنتديات
fact-sdgs = أهداف التنمية المستدامة
sdg = هدف التنمية المستدامة { $goal }
indicators-caption = النتائج المبلّغ عنها
indicator-name = المؤشر
indicator-value = القيمة
indicator-unit = الوحدة
indicator-year = السنة
suggest-change = اقتراح تعديل على هذه المساهمة
links-heading = روابط
redirect-moved = نُقلت هذه المساهمة إلى:

## الأهداف والإجراءات

objectives-title = أهداف الميثاق
objectives-lead = يحدد الميثاق الرقمي العالمي ثمانية أهداف، من A إلى H. وتعرض صفحة كل هدف الإجراءات المقترحة في إطاره والمساهمات التي تقدم تقارير عن كل منها.
objectives-caption = المساهمات حسب الهدف
objective-feed = موجز Atom للمساهمات المتعلقة بالهدف { $id }
objective-count =
    { $count ->
        [zero] لا توجد مساهمات تتناول هذا الهدف.
        [one] تتناول هذا الهدف مساهمة واحدة.
        [two] تتناول هذا الهدف مساهمتان.
        [few] تتناول هذا الهدف { $count } مساهمات.
        [many] تتناول هذا الهدف { $count } مساهمةً.
       *[other] تتناول هذا الهدف { $count } مساهمة.
    }
objective-see-all = عرضها جميعًا
objective-actions = الإجراءات
objective-forums = المنتديات التي تعمل على هذا الهدف
objective-contributions-title = الهدف { $id }: { $title }
objective-contributions-intro = المساهمات التي تتناول الهدف { $id }.
action-title = الإجراء { $id }
action-for = الجهة المعنية: { $actor }
action-see-all =
    { $count ->
        [zero] لا توجد مساهمات بشأن { $id }
        [one] المساهمة الوحيدة بشأن { $id }
        [two] المساهمتان بشأن { $id }
        [few] المساهمات الـ { $count } بشأن { $id }
        [many] جميع المساهمات بشأن { $id } ({ $count } مساهمةً)
       *[other] جميع المساهمات بشأن { $id } ({ $count } مساهمة)
    }
action-gap = ثغرة: لا توجد بعد أي مساهمة تتناول هذا الإجراء.
matrix-heading = أي المنتديات تعمل على أي الأهداف

## المنتديات

forums-title = منتديات التعاون الرقمي وهيئاته
forums-lead = بنية التعاون الرقمي: الهيئات والمنتديات التي تعمل فيها الحكومات وأصحاب المصلحة على أهداف الميثاق، مصنفة وفق فئات موجز السياسات.
forums-matrix-link = أي منتدى يعمل على أي هدف
fact-category = الفئة
fact-convened-by = الجهة الداعية
fact-since = منذ
fact-meets = مواعيد الاجتماع
fact-website = الموقع الشبكي

## مذكرات السياسات

policy-notes-title = مذكرات السياسات
policy-notes-lead = تحليلات موجزة لما تبيّنه المساهمات وما يتبقى إنجازه.
policy-notes-empty = لم تُنشر أي مذكرة سياسات بعد.
note-objectives = الأهداف:
note-forums = المنتديات:

## التقرير

report-published = صدر في
report-period = الفترة المشمولة بالتقرير: من { $from } إلى { $to }
report-contents = المحتويات
chapter-contents = في هذا الفصل
chapter-pager-label = الفصول
pager-previous = → { $title }
pager-next = { $title } ←
errata-heading = تصويبات
errata-lead = التصويبات التي أُدخلت منذ صدور هذا الإصدار:
errata-lead-dated = التصويبات التي أُدخلت منذ صدور هذا الإصدار في { $date }:
open-data = البيانات المفتوحة:
open-data-csv = مساهمات هذا الإصدار (CSV)
open-data-json = (JSON)
print-button = الطباعة أو الحفظ بصيغة PDF
print-title = تقرير قابل للطباعة

## التقدم والثغرات، وما الذي تغيّر

progress-page-title = التقدم والثغرات { $year }
progress-heading = التقدم والثغرات، إصدار عام { $year }
progress-lead = يمثل كل صف إجراءً من إجراءات الميثاق، ويمثل كل عمود فئة من فئات أصحاب المصلحة. ويدل الرقم على عدد مساهمات إصدار عام { $year } التي تتناول الإجراء؛ أما الخانة الفارغة الموسومة «ثغرة» فتبيّن حيث لا يقدّم أحد تقارير بعد.
progress-draft = مسودة: لا يزال إصدار عام { $year } يتلقى المساهمات، وستتغير هذه الأرقام.
progress-other-editions = الإصدارات الأخرى:
progress-all-editions = جميع الإصدارات
changes-title = ما الذي تغيّر في عام { $year }
changes-lead =
    إصدار عام { $year } مقارنةً بإصدار عام { $previous_year }: { $total ->
        [zero] لا توجد مساهمات
        [one] مساهمة واحدة
        [two] مساهمتان
        [few] { $total } مساهمات
        [many] { $total } مساهمةً
       *[other] { $total } مساهمة
    } مقابل { $previous_total }.
changes-draft = مسودة: لا يزال إصدار عام { $year } يتلقى المساهمات، وستتغير هذه المقارنة.
changes-progress-heading = التقدم المبلّغ عنه في أعمال سابقة
changes-follows = تتابع
changes-status = الحالة
changes-unchanged = { $status }، دون تغيير
changes-indicators = المؤشرات
changes-no-progress = لا توجد بعد أي مساهمة في هذا الإصدار تبلّغ عن تقدم في مساهمة سابقة.
changes-gained-heading = الإجراءات التي أصبحت مشمولة
changes-gained-none = لا يوجد: لا يتناول هذا الإصدار أي إجراء لم يكن قد تناوله إصدار سابق.
changes-lost-heading = الإجراءات التي لم تعد مشمولة
changes-lost-lead = إجراءات تناولتها مساهمات عام { $previous_year }، ولم تتناولها (بعد) مساهمات عام { $year }:
changes-lost-none = لا يوجد.
changes-new-heading = مساهمات جديدة
changes-new-none = لا توجد مساهمات جديدة بعد.
changes-chart-title = المساهمات حسب الهدف، إصدارا عامي { $previous_year } و{ $year }
changes-chart-source = المساهمات المقدمة إلى بوابة { $site }
changes-chart-category = الهدف

## الرسوم البيانية والموجزات المنشأة في Rust

chart-by-objective = المساهمات حسب الهدف
chart-by-stakeholder-type = المساهمات حسب فئة أصحاب المصلحة
chart-by-region = المساهمات حسب المنطقة
chart-by-status = المساهمات حسب الحالة
chart-by-edition = المساهمات حسب الإصدار
feed-edition-title = { $site }: المساهمات في إصدار عام { $year }
feed-objective-title = { $site }: المساهمات المتعلقة بالهدف { $id }. { $title }

## البحث

search-label = البحث في المساهمات
search-button = بحث
search-results =
    { $count ->
        [zero] لا توجد نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجةً
       *[other] { $count } نتيجة
    }
search-no-results = لا توجد مساهمة تطابق بحثك.
search-needs-javascript = يتطلب البحث JavaScript. ومن دونه، تصفّح المساهمات حسب الهدف أو فئة أصحاب المصلحة أو المنطقة أو الحالة.

## الصفحة غير موجودة

not-found-title = الصفحة غير موجودة
not-found-text = لا توجد صفحة في هذا العنوان. ربما نُقلت عند تغيير اسم إحدى المساهمات.
not-found-home = الصفحة الرئيسية

## Editions as portals, withdrawals, print and search pages

draft-banner = مسودة: لا تزال طبعة { $year } تتلقى المساهمات؛ وستتغير صفحاتها إلى حين نشرها.
edition-draft-marker = (مسودة)
follows-up-on = متابعة لـ
followed-up-in = متابعة في طبعة { $year }:
changes-withdrawn-heading = المساهمات المسحوبة
changes-withdrawn-lead = مبادرات وردت في طبعة سابقة ثم أوقفها أصحابها:
changes-withdrawn-in = سُحبت في { $year }
print-lead = تضم هذه الصفحة التقرير كاملاً، فصلاً بعد فصل، لطباعته أو حفظه بصيغة PDF بأمر الطباعة في المتصفح.
search-error = تعذّر تحميل فهرس البحث. تصفّح القوائم أدناه بدلاً من ذلك.
search-more = مزيد من النتائج
search-browse = تصفّح
browse-by-objective = حسب الهدف
browse-by-stakeholder-type = حسب نوع صاحب المصلحة
browse-by-region = حسب المنطقة
browse-all-contributions = جميع المساهمات مع حالتها
search-kind-contribution = مساهمة
search-kind-policy-note = مذكرة سياساتية
search-kind-chapter = فصل من التقرير
search-kind-home = الصفحة الرئيسية

## Figures

chart-source-label = المصدر:
chart-data-table = جدول البيانات
chart-download = تنزيل هذه الأرقام (CSV)
chart-category = الفئة
chart-count = العدد
chart-finding-extremes = أعلى قيمة هي { $largest } ({ $largest_value }) وأدنى قيمة هي { $smallest } ({ $smallest_value }).
chart-finding-extremes-in = في { $series }، أعلى قيمة هي { $largest } ({ $largest_value }) وأدنى قيمة هي { $smallest } ({ $smallest_value }).
chart-finding-all-equal = { $count ->
        [1] للفئة الوحيدة القيمة { $value }.
       *[other] للفئات كلها، وعددها { $count }، القيمة نفسها ({ $value }).
    }
chart-finding-change = من { $from } إلى { $to }، { $fell ->
        [0] { $rose ->
            [0] لم تتغير القيم
           *[other] ارتفعت القيم في { $rose } من أصل { $count } من الفئات
        }
       *[other] { $rose ->
            [0] انخفضت القيم في { $fell } من أصل { $count } من الفئات
           *[other] انخفضت القيم في { $fell } وارتفعت في { $rose } من أصل { $count } من الفئات
        }
    }.
chart-finding-line = انتقل { $series } من { $start } في { $first } إلى { $end } في { $last }.
chart-finding-target = { $above } من أصل { $count } تتجاوز الخط المرجعي عند { $level }.
chart-finding-target-named = { $above } من أصل { $count } تتجاوز الخط المرجعي عند { $level } ({ $label }).
chart-by-action = المساهمات حسب إجراءات الهدف { $id }

# Dataset labels (charts): data-label-<slug of the label as written in the dataset>.
data-label-group = المجموعة
data-label-world = العالم
data-label-africa = أفريقيا
data-label-americas = الأمريكتان
data-label-arab-states = الدول العربية
data-label-asia-pacific = آسيا والمحيط الهادئ
data-label-cis = رابطة الدول المستقلة
data-label-europe = أوروبا
data-label-low-income = البلدان المنخفضة الدخل
data-label-lower-middle-income = الدخل المتوسط الأدنى
data-label-upper-middle-income = الدخل المتوسط الأعلى
data-label-high-income = البلدان المرتفعة الدخل
data-label-ldcs = أقل البلدان نموا
data-label-lldcs = البلدان النامية غير الساحلية
data-label-sids = الدول الجزرية الصغيرة النامية
