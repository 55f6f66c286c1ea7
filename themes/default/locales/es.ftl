# Cadenas de la interfaz del tema por defecto: español.
# Mismas claves que en.ftl (una prueba lo comprueba).

## El idioma

language-autonym = Español

## Fechas: «14 de marzo de 2025».

date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Puntuación

list-separator = {", "}
list-separator-strong = {"; "}

## Todas las páginas

skip-to-content = Ir al contenido principal
nav-main-label = Navegación principal
nav-menu = Menú
nav-report = Informe { $year }
nav-contributions = Contribuciones
nav-objectives = Objetivos
nav-forums = Foros
nav-progress = Avances y lagunas
nav-policy-notes = Notas de política
nav-stakeholders = Partes interesadas
nav-regions = Regiones
nav-search = Buscar
feed-link-edition = Contribuciones a la edición { $year }
footer-about = { $site }: seguimiento del Pacto Digital Global.
footer-source = Fuentes y contribuciones
footer-editions = Ediciones:
breadcrumb-label = Ruta de navegación
edition-label = Edición { $year }
contributions-count =
    { $count ->
        [one] { $count } contribución
       *[other] { $count } contribuciones
    }
all-contributions = Todas las contribuciones

## Selectores de idioma y de edición, página sin traducir

switcher-languages = Idiomas
switcher-language = Idioma
switcher-editions = Ediciones
switcher-current-edition = Edición en curso
fallback-note =
    Esta página aún no se ha traducido al { $language ->
        [ar] árabe
        [en] inglés
        [es] español
        [fr] francés
        [ru] ruso
       *[zh] chino
    }; se muestra en { $original ->
        [ar] árabe
        [en] inglés
        [es] español
        [fr] francés
        [ru] ruso
       *[zh] chino
    }.
translation-notice = Traducción.
translation-read-original = Leer el original
also-in = También en:

## Ediciones

edition-status-published = Publicada
edition-status-open = Abierta a contribuciones
edition-draft = Edición provisional
edition-draft-notice = Versión provisional: esta edición todavía recibe contribuciones y puede cambiar.

## Listas cerradas del modelo de contenido

stakeholder-type-member-state = Estado Miembro
stakeholder-type-un-entity = Entidad de las Naciones Unidas
stakeholder-type-intergovernmental = Organización intergubernamental
stakeholder-type-private-sector = Sector privado
stakeholder-type-civil-society = Sociedad civil
stakeholder-type-academia = Mundo académico
stakeholder-type-technical-community = Comunidad técnica
stakeholder-type-youth = Juventud
region-africa = África
region-americas = Américas
region-arab-states = Estados árabes
region-asia-pacific = Asia y el Pacífico
region-cis = CEI
region-europe = Europa
region-global = Mundial
status-planned = Prevista
status-ongoing = En curso
status-completed = Finalizada
status-withdrawn = Retirada
actor-member-states = Estados Miembros
actor-all-stakeholders = Todas las partes interesadas
actor-multilateral = Sistema multilateral
forum-category-intergovernmental-body = Órganos intergubernamentales
forum-category-multistakeholder-body = Órganos de múltiples partes interesadas
forum-category-un-multistakeholder-forum = Foros de múltiples partes interesadas de las Naciones Unidas
forum-category-un-multistakeholder-conference = Conferencias de múltiples partes interesadas de las Naciones Unidas
forum-category-other = Otros órganos

## Página de inicio

home-glance = De un vistazo
home-glance-total =
    { $count ->
        [one] { $count } contribución en el conjunto de las ediciones:
       *[other] { $count } contribuciones en el conjunto de las ediciones:
    }
home-glance-edition =
    { $count ->
        [one] Edición { $year }: { $count } contribución ({ $status })
       *[other] Edición { $year }: { $count } contribuciones ({ $status })
    }
home-progress-link = Avances y lagunas: qué acciones están cubiertas, por quién y dónde nadie informa todavía
home-errata =
    { $count ->
        [one] Esta edición se corrigió una vez después de su publicación: véase la fe de erratas.
       *[other] Esta edición se corrigió { $count } veces después de su publicación: véase la fe de erratas.
    }
home-latest = Últimas contribuciones

## Listas de contribuciones

contributions-title = Contribuciones
contributions-intro =
    { $count ->
        [one] { $count } contribución de las partes interesadas, de la más reciente a la más antigua.
       *[other] { $count } contribuciones de las partes interesadas, de la más reciente a la más antigua.
    }
listing-page-title = (página { $number })
listing-count =
    { $count ->
        [one] { $count } contribución.
       *[other] { $count } contribuciones.
    }
listing-count-paged =
    { $count ->
        [one] { $count } contribución, página { $current } de { $total }.
       *[other] { $count } contribuciones, página { $current } de { $total }.
    }
listing-empty = Ninguna contribución informa todavía sobre este punto: una laguna que el Foro querrá ver colmada.
submit-contribution = Enviar una contribución
submit-contribution-how = (una solicitud de incorporación de cambios con un archivo Markdown; véase la guía para contribuir del repositorio)
pagination-label = Páginas
pagination-previous = Anterior
pagination-next = Siguiente
illustrative-badge = Ilustrativo
draft-badge = Borrador
item-objectives = Objetivos { $objectives }
stakeholders-title = Contribuciones por tipo de parte interesada
stakeholders-intro = Quién contribuye: los grupos de partes interesadas a los que apela el Pacto.
regions-title = Contribuciones por región
regions-intro = Dónde se realiza la labor sobre la que se informa.
stakeholder-type-intro = Contribuciones de partes interesadas del tipo «{ $type }».
region-intro = Contribuciones cuya labor se realiza en la región «{ $region }».
counts-objective = Objetivo
counts-group = Grupo
counts-number = Número

## Una contribución

illustrative-notice = Ejemplo ilustrativo: esta contribución se redactó para mostrar cómo funciona el portal; no es una contribución real.
contribution-draft-notice = Borrador — no publicado; quite `{ $field }` para publicarlo.
fact-stakeholder = Parte interesada
fact-type = Tipo
fact-region = Región
fact-submitted = Fecha de envío
fact-revised = Última revisión
fact-status = Estado
fact-objectives = Objetivos
fact-actions = Acciones
fact-forums = Foros
fact-sdgs = ODS
sdg = ODS { $goal }
indicators-caption = Resultados comunicados
indicator-name = Indicador
indicator-value = Valor
indicator-unit = Unidad
indicator-year = Año
suggest-change = Proponer un cambio a esta contribución
links-heading = Enlaces
redirect-moved = Esta contribución se ha trasladado:

## Objetivos y acciones

objectives-title = Los objetivos del Pacto
objectives-lead = El Pacto Digital Global fija ocho objetivos, de la A a la H. Cada página enumera las acciones propuestas en relación con un objetivo y las contribuciones que informan sobre cada una.
objectives-caption = Contribuciones por objetivo
objective-feed = Canal Atom de las contribuciones sobre el objetivo { $id }
objective-count =
    { $count ->
        [one] { $count } contribución informa sobre este objetivo.
       *[other] { $count } contribuciones informan sobre este objetivo.
    }
objective-see-all = Verlas todas
objective-actions = Acciones
objective-forums = Foros que trabajan en este objetivo
objective-contributions-title = Objetivo { $id }: { $title }
objective-contributions-intro = Contribuciones que informan sobre el objetivo { $id }.
action-title = Acción { $id }
action-for = Dirigida a: { $actor }
action-see-all =
    { $count ->
        [one] La contribución sobre { $id }
       *[other] Las { $count } contribuciones sobre { $id }
    }
action-gap = Laguna: ninguna contribución informa todavía sobre esta acción.
matrix-heading = Qué foros trabajan en qué objetivo

## Foros

forums-title = Foros y órganos de la cooperación digital
forums-lead = La arquitectura de la cooperación digital: los órganos y foros en los que los gobiernos y las partes interesadas trabajan en los objetivos del Pacto, según las categorías del informe de políticas.
forums-matrix-link = Qué foro trabaja en qué objetivo
fact-category = Categoría
fact-convened-by = Convocado por
fact-since = Desde
fact-meets = Se reúne
fact-website = Sitio web

## Notas de política

policy-notes-title = Notas de política
policy-notes-lead = Análisis breves de lo que muestran las contribuciones y de lo que queda por hacer.
policy-notes-empty = Todavía no se ha publicado ninguna nota de política.
note-objectives = Objetivos:
note-forums = Foros:

## El informe

report-published = Publicado el
report-period = Período que abarca: del { $from } al { $to }
report-contents = Índice
chapter-contents = En este capítulo
chapter-pager-label = Capítulos
pager-previous = ← { $title }
pager-next = { $title } →
errata-heading = Fe de erratas
errata-lead = Correcciones introducidas desde la publicación de esta edición:
errata-lead-dated = Correcciones introducidas desde la publicación de esta edición el { $date }:
open-data = Datos abiertos:
open-data-csv = contribuciones de esta edición (CSV)
open-data-json = (JSON)
print-button = Imprimir o guardar como PDF
print-title = Informe para imprimir

## Avances y lagunas, qué ha cambiado

progress-page-title = Avances y lagunas { $year }
progress-heading = Avances y lagunas, edición { $year }
progress-lead = Cada fila es una acción del Pacto; cada columna, un grupo de partes interesadas. Un número cuenta las contribuciones de la edición { $year } que informan sobre la acción; una casilla vacía marcada «laguna» indica dónde nadie informa todavía.
progress-draft = Versión provisional: la edición { $year } todavía recibe contribuciones; estas cifras cambiarán.
progress-other-editions = Otras ediciones:
progress-all-editions = Todas las ediciones
changes-title = Qué ha cambiado en { $year }
changes-lead =
    Edición { $year } comparada con la edición { $previous_year }: { $total ->
        [one] { $total } contribución
       *[other] { $total } contribuciones
    } frente a { $previous_total }.
changes-draft = Versión provisional: la edición { $year } todavía recibe contribuciones; esta comparación cambiará.
changes-progress-heading = Avances comunicados sobre trabajos anteriores
changes-follows = Continúa
changes-status = estado
changes-unchanged = { $status }, sin cambios
changes-indicators = Indicadores
changes-no-progress = Ninguna contribución de esta edición informa todavía de avances sobre una contribución anterior.
changes-gained-heading = Acciones que han ganado cobertura
changes-gained-none = Ninguna: esta edición no informa sobre ninguna acción que no se hubiera tratado antes.
changes-lost-heading = Acciones que han perdido cobertura
changes-lost-lead = Tratadas en { $previous_year }, (todavía) no en { $year }:
changes-lost-none = Ninguna.
changes-new-heading = Nuevas contribuciones
changes-new-none = Todavía no hay ninguna contribución nueva.
changes-chart-title = Contribuciones por objetivo, ediciones { $previous_year } y { $year }
changes-chart-source = Contribuciones al portal { $site }
changes-chart-category = Objetivo

## Gráficos y canales generados en Rust

chart-by-objective = Contribuciones por objetivo
chart-by-stakeholder-type = Contribuciones por tipo de parte interesada
chart-by-region = Contribuciones por región
chart-by-status = Contribuciones por estado
chart-by-edition = Contribuciones por edición
feed-edition-title = { $site }: contribuciones a la edición { $year }
feed-objective-title = { $site }: contribuciones sobre el objetivo { $id }. { $title }

## Búsqueda

search-label = Buscar en las contribuciones
search-button = Buscar
search-results =
    { $count ->
        [0] Ningún resultado
        [one] { $count } resultado
       *[other] { $count } resultados
    }
search-no-results = Ninguna contribución coincide con su búsqueda.
search-needs-javascript = La búsqueda requiere JavaScript. Sin él, explore las contribuciones por objetivo, tipo de parte interesada, región o estado.

## Página no encontrada

not-found-title = Página no encontrada
not-found-text = No hay ninguna página en esta dirección. Puede haberse trasladado al cambiar el nombre de una contribución.
not-found-home = Página de inicio

## Editions as portals, withdrawals, print and search pages

draft-banner = Borrador: la edición { $year } sigue recibiendo contribuciones; sus páginas cambiarán hasta que se publique.
edition-draft-marker = (borrador)
follows-up-on = Da seguimiento a
followed-up-in = Seguimiento en la edición { $year }:
changes-withdrawn-heading = Retiradas
changes-withdrawn-lead = Iniciativas presentadas en una edición anterior que sus autores han interrumpido desde entonces:
changes-withdrawn-in = retirada en { $year }
print-lead = Esta página contiene todo el informe, capítulo por capítulo, para imprimirlo o guardarlo como PDF con la función de impresión del navegador.
search-error = La búsqueda no pudo cargar su índice. Consulte las listas que figuran a continuación.
search-more = Más resultados
search-browse = Explorar
browse-by-objective = Por objetivo
browse-by-stakeholder-type = Por tipo de parte interesada
browse-by-region = Por región
browse-all-contributions = Todas las contribuciones, con su estado
search-kind-contribution = Contribución
search-kind-policy-note = Nota de política
search-kind-chapter = Capítulo del informe
search-kind-home = Página de inicio

## Figures

chart-source-label = Fuente:
chart-data-table = Tabla de datos
chart-download = Descargar estas cifras (CSV)
chart-category = Categoría
chart-count = Número
chart-finding-extremes = El valor más alto es { $largest } ({ $largest_value }) y el más bajo, { $smallest } ({ $smallest_value }).
chart-finding-extremes-in = En { $series }, el valor más alto es { $largest } ({ $largest_value }) y el más bajo, { $smallest } ({ $smallest_value }).
chart-finding-all-equal = { $count ->
        [1] La única categoría tiene el valor { $value }.
       *[other] Las { $count } categorías tienen el mismo valor ({ $value }).
    }
chart-finding-change = De { $from } a { $to }, { $fell ->
        [0] { $rose ->
            [0] los valores no cambiaron
           *[other] los valores subieron en { $rose } de { $count } categorías
        }
       *[other] { $rose ->
            [0] los valores bajaron en { $fell } de { $count } categorías
           *[other] los valores bajaron en { $fell } y subieron en { $rose } de { $count } categorías
        }
    }.
chart-finding-line = { $series } pasó de { $start } en { $first } a { $end } en { $last }.
chart-finding-target = { $above } de { $count } superan la línea de referencia de { $level }.
chart-finding-target-named = { $above } de { $count } superan la línea de referencia de { $level } ({ $label }).
chart-by-action = Contribuciones por acción del objetivo { $id }

# Dataset labels (charts): data-label-<slug of the label as written in the dataset>.
data-label-group = Grupo
data-label-world = Mundo
data-label-africa = África
data-label-americas = Américas
data-label-arab-states = Estados Árabes
data-label-asia-pacific = Asia-Pacífico
data-label-cis = CEI
data-label-europe = Europa
data-label-low-income = Ingreso bajo
data-label-lower-middle-income = Ingreso mediano bajo
data-label-upper-middle-income = Ingreso mediano alto
data-label-high-income = Ingreso alto
data-label-ldcs = PMA
data-label-lldcs = PDSL
data-label-sids = PEID
