# Строки интерфейса темы по умолчанию: русский язык.
# Те же ключи, что и в en.ftl (это проверяет тест). Формы множественного числа:
# one (1, 21, 31…), few (2–4, 22–24…), many (0, 5–20, 25–30…), other (дробные числа).

## Язык

language-autonym = Русский

## Даты: «14 марта 2025 г.» (названия месяцев в родительном падеже).

date-long = { $day } { $month } { $year } г.
month-1 = января
month-2 = февраля
month-3 = марта
month-4 = апреля
month-5 = мая
month-6 = июня
month-7 = июля
month-8 = августа
month-9 = сентября
month-10 = октября
month-11 = ноября
month-12 = декабря

## Пунктуация

list-separator = {", "}
list-separator-strong = {"; "}

## Все страницы

skip-to-content = Перейти к основному содержанию
nav-main-label = Основная навигация
nav-menu = Меню
nav-report = Доклад { $year } г.
nav-contributions = Материалы
nav-objectives = Цели
nav-forums = Форумы
nav-progress = Прогресс и пробелы
nav-policy-notes = Аналитические записки
nav-stakeholders = Заинтересованные стороны
nav-regions = Регионы
nav-search = Поиск
feed-link-edition = Материалы выпуска { $year } г.
footer-about = { $site }: последующая деятельность по Глобальному цифровому договору.
footer-source = Исходные файлы и материалы
footer-editions = Выпуски:
breadcrumb-label = Навигационная цепочка
edition-label = Выпуск { $year } г.
contributions-count =
    { $count ->
        [one] { $count } материал
        [few] { $count } материала
        [many] { $count } материалов
       *[other] { $count } материала
    }
all-contributions = Все материалы

## Переключатели языка и выпуска, непереведенные страницы

switcher-languages = Языки
switcher-language = Язык
switcher-editions = Выпуски
switcher-current-edition = Текущий выпуск
fallback-note =
    Эта страница ещё не переведена на { $language ->
        [ar] арабский
        [en] английский
        [es] испанский
        [fr] французский
        [ru] русский
       *[zh] китайский
    } язык; она показана на { $original ->
        [ar] арабском
        [en] английском
        [es] испанском
        [fr] французском
        [ru] русском
       *[zh] китайском
    } языке.
translation-notice = Перевод.
translation-read-original = Читать оригинал
also-in = Также на языках:

## Выпуски

edition-status-published = Опубликован
edition-status-open = Открыт для материалов
edition-draft = Предварительный выпуск
edition-draft-notice = Предварительная версия: в этот выпуск ещё поступают материалы, и он может измениться.

## Закрытые списки модели содержания

stakeholder-type-member-state = Государство-член
stakeholder-type-un-entity = Структура системы ООН
stakeholder-type-intergovernmental = Межправительственная организация
stakeholder-type-private-sector = Частный сектор
stakeholder-type-civil-society = Гражданское общество
stakeholder-type-academia = Научные круги
stakeholder-type-technical-community = Техническое сообщество
stakeholder-type-youth = Молодежь
region-africa = Африка
region-americas = Северная и Южная Америка
region-arab-states = Арабские государства
region-asia-pacific = Азиатско-Тихоокеанский регион
region-cis = СНГ
region-europe = Европа
region-global = Весь мир
status-planned = Запланировано
status-ongoing = Выполняется
status-completed = Завершено
status-withdrawn = Отозвано
actor-member-states = Государства-члены
actor-all-stakeholders = Все заинтересованные стороны
actor-multilateral = Многосторонняя система
forum-category-intergovernmental-body = Межправительственные органы
forum-category-multistakeholder-body = Многосторонние органы с участием заинтересованных сторон
forum-category-un-multistakeholder-forum = Многосторонние форумы ООН
forum-category-un-multistakeholder-conference = Многосторонние конференции ООН
forum-category-other = Другие органы

## Главная страница

home-glance = Коротко
home-glance-total =
    { $count ->
        [one] { $count } материал во всех выпусках:
        [few] { $count } материала во всех выпусках:
        [many] { $count } материалов во всех выпусках:
       *[other] { $count } материала во всех выпусках:
    }
home-glance-edition =
    { $count ->
        [one] Выпуск { $year } г.: { $count } материал ({ $status })
        [few] Выпуск { $year } г.: { $count } материала ({ $status })
        [many] Выпуск { $year } г.: { $count } материалов ({ $status })
       *[other] Выпуск { $year } г.: { $count } материала ({ $status })
    }
home-progress-link = Прогресс и пробелы: какие действия охвачены, кем и где пока никто не отчитывается
home-errata = После публикации в это издание вносились исправления (число исправлений: { $count }): см. список исправлений.
home-latest = Последние материалы

## Списки материалов

contributions-title = Материалы
contributions-intro =
    { $count ->
        [one] { $count } материал заинтересованных сторон, сначала новые.
        [few] { $count } материала заинтересованных сторон, сначала новые.
        [many] { $count } материалов заинтересованных сторон, сначала новые.
       *[other] { $count } материала заинтересованных сторон, сначала новые.
    }
listing-page-title = (страница { $number })
listing-count =
    { $count ->
        [one] { $count } материал.
        [few] { $count } материала.
        [many] { $count } материалов.
       *[other] { $count } материала.
    }
listing-count-paged =
    { $count ->
        [one] { $count } материал, страница { $current } из { $total }.
        [few] { $count } материала, страница { $current } из { $total }.
        [many] { $count } материалов, страница { $current } из { $total }.
       *[other] { $count } материала, страница { $current } из { $total }.
    }
listing-empty = По этой теме пока нет ни одного материала: это пробел, который Форум захочет восполнить.
submit-contribution = Представить материал
submit-contribution-how = (запрос на слияние с одним файлом Markdown; см. руководство для участников в репозитории)
pagination-label = Страницы
pagination-previous = Предыдущая
pagination-next = Следующая
illustrative-badge = Пример
draft-badge = Черновик
item-objectives = Цели: { $objectives }
stakeholders-title = Материалы по типам заинтересованных сторон
stakeholders-intro = Кто представляет материалы: группы заинтересованных сторон, к которым обращается Договор.
regions-title = Материалы по регионам
regions-intro = Где ведется работа, о которой сообщается.
stakeholder-type-intro = Материалы заинтересованных сторон типа «{ $type }».
region-intro = Материалы о работе в регионе «{ $region }».
counts-objective = Цель
counts-group = Группа
counts-number = Число

## Материал

illustrative-notice = Условный пример: этот материал написан, чтобы показать работу портала; это не настоящий материал.
contribution-draft-notice = Черновик — не опубликован; чтобы опубликовать, удалите `{ $field }`.
fact-stakeholder = Заинтересованная сторона
fact-type = Тип
fact-region = Регион
fact-submitted = Дата представления
fact-revised = Последняя редакция
fact-status = Статус
fact-objectives = Цели
fact-actions = Действия
fact-forums = Форумы
fact-sdgs = ЦУР
sdg = ЦУР { $goal }
indicators-caption = Представленные результаты
indicator-name = Показатель
indicator-value = Значение
indicator-unit = Единица
indicator-year = Год
suggest-change = Предложить изменение этого материала
links-heading = Ссылки
redirect-moved = Этот материал перемещен:

## Цели и действия

objectives-title = Цели Договора
objectives-lead = Глобальный цифровой договор ставит восемь целей, от A до H. На странице каждой цели перечислены предложенные в ее рамках действия и материалы, в которых сообщается о каждом из них.
objectives-caption = Материалы по целям
objective-feed = Лента Atom материалов по цели { $id }
objective-count =
    { $count ->
        [one] По этой цели представлен { $count } материал.
        [few] По этой цели представлено { $count } материала.
        [many] По этой цели представлено { $count } материалов.
       *[other] По этой цели представлено { $count } материала.
    }
objective-see-all = Показать все
objective-actions = Действия
objective-forums = Форумы, работающие над этой целью
objective-contributions-title = Цель { $id }: { $title }
objective-contributions-intro = Материалы, в которых сообщается о цели { $id }.
action-title = Действие { $id }
action-for = Исполнители: { $actor }
action-see-all =
    { $count ->
        [one] { $count } материал по действию { $id }
        [few] Все { $count } материала по действию { $id }
        [many] Все { $count } материалов по действию { $id }
       *[other] Все { $count } материала по действию { $id }
    }
action-gap = Пробел: по этому действию пока нет ни одного материала.
matrix-heading = Какие форумы работают над какими целями

## Форумы

forums-title = Форумы и органы цифрового сотрудничества
forums-lead = Архитектура цифрового сотрудничества: органы и форумы, в которых правительства и заинтересованные стороны работают над целями Договора, по категориям аналитической записки.
forums-matrix-link = Какой форум работает над какой целью
fact-category = Категория
fact-convened-by = Организатор
fact-since = С
fact-meets = Периодичность
fact-website = Веб-сайт

## Аналитические записки

policy-notes-title = Аналитические записки
policy-notes-lead = Краткий анализ того, что показывают материалы, и того, что еще предстоит сделать.
policy-notes-empty = Аналитические записки пока не опубликованы.
note-objectives = Цели:
note-forums = Форумы:

## Доклад

report-published = Опубликован
report-period = Отчетный период: с { $from } по { $to }
report-contents = Содержание
chapter-contents = В этой главе
chapter-pager-label = Главы
pager-previous = ← { $title }
pager-next = { $title } →
errata-heading = Исправления
errata-lead = Исправления, внесенные после публикации этого выпуска:
errata-lead-dated = Исправления, внесенные после публикации этого выпуска { $date }:
open-data = Открытые данные:
open-data-csv = материалы этого выпуска (CSV)
open-data-json = (JSON)
print-button = Распечатать или сохранить в PDF
print-title = Доклад для печати

## Прогресс и пробелы, что изменилось

progress-page-title = Прогресс и пробелы, { $year } г.
progress-heading = Прогресс и пробелы, выпуск { $year } г.
progress-lead = Каждая строка — действие Договора, каждый столбец — группа заинтересованных сторон. Число показывает, сколько материалов выпуска { $year } г. сообщают о действии; пустая ячейка с пометкой «пробел» показывает, где пока никто не отчитывается.
progress-draft = Предварительная версия: в выпуск { $year } г. ещё поступают материалы; эти данные изменятся.
progress-other-editions = Другие выпуски:
progress-all-editions = Все выпуски
changes-title = Что изменилось в { $year } г.
changes-lead =
    Выпуск { $year } г. по сравнению с выпуском { $previous_year } г.: { $total ->
        [one] { $total } материал
        [few] { $total } материала
        [many] { $total } материалов
       *[other] { $total } материала
    } против { $previous_total }.
changes-draft = Предварительная версия: в выпуск { $year } г. ещё поступают материалы; это сравнение изменится.
changes-progress-heading = Сообщения о прогрессе в ранее начатой работе
changes-follows = Продолжение материала
changes-status = статус
changes-unchanged = { $status }, без изменений
changes-indicators = Показатели
changes-no-progress = Ни один материал этого выпуска пока не сообщает о прогрессе по более раннему материалу.
changes-gained-heading = Действия, получившие охват
changes-gained-none = Нет: в этом выпуске нет сообщений о действиях, о которых раньше не сообщалось.
changes-lost-heading = Действия, утратившие охват
changes-lost-lead = Сообщалось в { $previous_year } г., но (пока) не в { $year } г.:
changes-lost-none = Нет.
changes-new-heading = Новые материалы
changes-new-none = Новых материалов пока нет.
changes-chart-title = Материалы по целям, выпуски { $previous_year } и { $year } гг.
changes-chart-source = Материалы портала «{ $site }»
changes-chart-category = Цель

## Диаграммы и ленты, создаваемые в Rust

chart-by-objective = Материалы по целям
chart-by-stakeholder-type = Материалы по типам заинтересованных сторон
chart-by-region = Материалы по регионам
chart-by-status = Материалы по статусу
chart-by-edition = Материалы по выпускам
feed-edition-title = { $site }: материалы выпуска { $year } г.
feed-objective-title = { $site }: материалы по цели { $id }. { $title }

## Поиск

search-label = Поиск по материалам
search-button = Найти
search-results =
    { $count ->
        [0] Ничего не найдено
        [one] { $count } результат
        [few] { $count } результата
        [many] { $count } результатов
       *[other] { $count } результата
    }
search-no-results = Материалов, соответствующих запросу, не найдено.
search-needs-javascript = Для поиска нужен JavaScript. Без него материалы можно просматривать по целям, типам заинтересованных сторон, регионам или статусу.

## Страница не найдена

not-found-title = Страница не найдена
not-found-text = По этому адресу страницы нет. Возможно, она переместилась, когда материал был переименован.
not-found-home = Главная страница

## Editions as portals, withdrawals, print and search pages

draft-banner = Черновик: в издание { $year } ещё принимаются материалы; его страницы будут меняться до публикации.
edition-draft-marker = (черновик)
follows-up-on = Продолжение материала
followed-up-in = Продолжение в издании { $year }:
changes-withdrawn-heading = Отозванные
changes-withdrawn-lead = Инициативы из предыдущего издания, которые их авторы с тех пор прекратили:
changes-withdrawn-in = отозвано в { $year } г.
print-lead = На этой странице весь доклад, глава за главой, чтобы напечатать его или сохранить в PDF с помощью функции печати браузера.
search-error = Не удалось загрузить поисковый индекс. Воспользуйтесь списками ниже.
search-more = Ещё результаты
search-browse = Обзор
browse-by-objective = По целям
browse-by-stakeholder-type = По типам заинтересованных сторон
browse-by-region = По регионам
browse-all-contributions = Все материалы с их статусом
search-kind-contribution = Материал
search-kind-policy-note = Аналитическая записка
search-kind-chapter = Глава доклада
search-kind-home = Главная страница

## Figures

chart-source-label = Источник:
chart-data-table = Таблица данных
chart-download = Скачать эти данные (CSV)
chart-category = Категория
chart-count = Число
chart-finding-extremes = Наибольшее значение — { $largest } ({ $largest_value }), наименьшее — { $smallest } ({ $smallest_value }).
chart-finding-extremes-in = Для ряда { $series } наибольшее значение — { $largest } ({ $largest_value }), наименьшее — { $smallest } ({ $smallest_value }).
chart-finding-all-equal = { $count ->
        [1] Единственная категория имеет значение { $value }.
       *[other] Во всех категориях ({ $count }) одинаковое значение ({ $value }).
    }
chart-finding-change = С { $from } по { $to } { $fell ->
        [0] { $rose ->
            [0] значения не изменились
           *[other] значения выросли в { $rose } из { $count } категорий
        }
       *[other] { $rose ->
            [0] значения снизились в { $fell } из { $count } категорий
           *[other] значения снизились в { $fell } и выросли в { $rose } из { $count } категорий
        }
    }.
chart-finding-line = { $series }: от { $start } в { $first } до { $end } в { $last }.
chart-finding-target = { $above } из { $count } выше опорной линии { $level }.
chart-finding-target-named = { $above } из { $count } выше опорной линии { $level } ({ $label }).
chart-by-action = Материалы по действиям цели { $id }

# Dataset labels (charts): data-label-<slug of the label as written in the dataset>.
data-label-group = Группа
data-label-world = Мир
data-label-africa = Африка
data-label-americas = Америка
data-label-arab-states = Арабские государства
data-label-asia-pacific = Азиатско-Тихоокеанский регион
data-label-cis = СНГ
data-label-europe = Европа
data-label-low-income = Низкий доход
data-label-lower-middle-income = Доход ниже среднего
data-label-upper-middle-income = Доход выше среднего
data-label-high-income = Высокий доход
data-label-ldcs = НРС
data-label-lldcs = НВМРС
data-label-sids = МОРАГ
