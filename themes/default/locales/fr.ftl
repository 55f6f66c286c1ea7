# Chaînes d’interface du thème par défaut : français.
# Mêmes clés que en.ftl (un test le vérifie). Typographie : espace insécable avant « : »,
# espace fine insécable avant « ; », guillemets « » avec espaces insécables.

## La langue elle-même

language-autonym = Français

## Dates : « 14 mars 2025 », « 1er juillet 2024 ».

date-long =
    { $day ->
        [1] 1er
       *[other] { $day }
    } { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Ponctuation

list-separator = {", "}
list-separator-strong = {" ; "}

## Toutes les pages

skip-to-content = Aller au contenu principal
nav-main-label = Navigation principale
nav-menu = Menu
nav-report = Rapport { $year }
nav-contributions = Contributions
nav-objectives = Objectifs
nav-forums = Forums
nav-progress = Progrès et lacunes
nav-policy-notes = Notes d’orientation
nav-stakeholders = Parties prenantes
nav-regions = Régions
nav-search = Rechercher
feed-link-edition = Contributions à l’édition { $year }
footer-about = { $site } : suivi du Pacte numérique mondial.
footer-source = Sources et contributions
footer-editions = Éditions :
breadcrumb-label = Fil d’Ariane
edition-label = Édition { $year }
contributions-count =
    { $count ->
        [one] { $count } contribution
       *[other] { $count } contributions
    }
all-contributions = Toutes les contributions

## Sélecteurs de langue et d’édition, page non traduite

switcher-languages = Langues
switcher-language = Langue
switcher-editions = Éditions
switcher-current-edition = Édition en cours
fallback-note =
    Cette page n’a pas encore été traduite en { $language ->
        [ar] arabe
        [en] anglais
        [es] espagnol
        [fr] français
        [ru] russe
       *[zh] chinois
    } ; elle est affichée en { $original ->
        [ar] arabe
        [en] anglais
        [es] espagnol
        [fr] français
        [ru] russe
       *[zh] chinois
    }.
translation-notice = Traduction.
translation-read-original = Lire l’original
also-in = Également en :

## Éditions

edition-status-published = Publiée
edition-status-open = Ouverte aux contributions
edition-draft = Édition provisoire
edition-draft-notice = Version provisoire : cette édition recueille encore des contributions et peut changer.

## Listes fermées du modèle de contenu

stakeholder-type-member-state = État Membre
stakeholder-type-un-entity = Entité des Nations Unies
stakeholder-type-intergovernmental = Organisation intergouvernementale
stakeholder-type-private-sector = Secteur privé
stakeholder-type-civil-society = Société civile
stakeholder-type-academia = Milieux universitaires
stakeholder-type-technical-community = Communauté technique
stakeholder-type-youth = Jeunesse
region-africa = Afrique
region-americas = Amériques
region-arab-states = États arabes
region-asia-pacific = Asie-Pacifique
region-cis = CEI
region-europe = Europe
region-global = Monde
status-planned = Prévue
status-ongoing = En cours
status-completed = Achevée
status-withdrawn = Retirée
actor-member-states = États Membres
actor-all-stakeholders = Toutes les parties prenantes
actor-multilateral = Système multilatéral
forum-category-intergovernmental-body = Organes intergouvernementaux
forum-category-multistakeholder-body = Organes multipartites
forum-category-un-multistakeholder-forum = Forums multipartites des Nations Unies
forum-category-un-multistakeholder-conference = Conférences multipartites des Nations Unies
forum-category-other = Autres organes

## Page d’accueil

home-glance = En bref
home-glance-total =
    { $count ->
        [one] { $count } contribution, toutes éditions confondues :
       *[other] { $count } contributions, toutes éditions confondues :
    }
home-glance-edition =
    { $count ->
        [one] Édition { $year } : { $count } contribution ({ $status })
       *[other] Édition { $year } : { $count } contributions ({ $status })
    }
home-progress-link = Progrès et lacunes : quelles actions sont couvertes, par qui, et où personne ne rend encore compte
home-errata =
    { $count ->
        [one] Cette édition a été corrigée une fois après sa publication : voir les errata.
       *[other] Cette édition a été corrigée { $count } fois après sa publication : voir les errata.
    }
home-latest = Dernières contributions

## Listes de contributions

contributions-title = Contributions
contributions-intro =
    { $count ->
        [one] { $count } contribution des parties prenantes, de la plus récente à la plus ancienne.
       *[other] { $count } contributions des parties prenantes, de la plus récente à la plus ancienne.
    }
listing-page-title = (page { $number })
listing-count =
    { $count ->
        [one] { $count } contribution.
       *[other] { $count } contributions.
    }
listing-count-paged =
    { $count ->
        [one] { $count } contribution, page { $current } sur { $total }.
       *[other] { $count } contributions, page { $current } sur { $total }.
    }
listing-empty = Aucune contribution ne rend encore compte de ce point : une lacune que le Forum souhaitera voir comblée.
submit-contribution = Soumettre une contribution
submit-contribution-how = (une demande de fusion contenant un fichier Markdown ; voir le guide de contribution du dépôt)
pagination-label = Pages
pagination-previous = Précédente
pagination-next = Suivante
illustrative-badge = Exemple
draft-badge = Brouillon
item-objectives = Objectifs { $objectives }
stakeholders-title = Contributions par type de partie prenante
stakeholders-intro = Qui contribue : les groupes de parties prenantes auxquels le Pacte fait appel.
regions-title = Contributions par région
regions-intro = Où se déroulent les travaux présentés.
stakeholder-type-intro = Contributions des parties prenantes de type « { $type } ».
region-intro = Contributions dont les travaux se déroulent dans la région « { $region } ».
counts-objective = Objectif
counts-group = Groupe
counts-number = Nombre

## Une contribution

illustrative-notice = Exemple fictif : cette contribution a été rédigée pour montrer le fonctionnement du portail ; ce n’est pas une contribution réelle.
contribution-draft-notice = Brouillon — non publié ; retirez `{ $field }` pour le publier.
fact-stakeholder = Partie prenante
fact-type = Type
fact-region = Région
fact-submitted = Date de soumission
fact-revised = Dernière révision
fact-status = Statut
fact-objectives = Objectifs
fact-actions = Actions
fact-forums = Forums
fact-sdgs = ODD
sdg = ODD { $goal }
indicators-caption = Résultats communiqués
indicator-name = Indicateur
indicator-value = Valeur
indicator-unit = Unité
indicator-year = Année
suggest-change = Proposer une modification de cette contribution
links-heading = Liens
redirect-moved = Cette contribution a été déplacée :

## Objectifs et actions

objectives-title = Les objectifs du Pacte
objectives-lead = Le Pacte numérique mondial fixe huit objectifs, de A à H. Chaque page présente les actions proposées au titre d’un objectif et les contributions qui rendent compte de chacune.
objectives-caption = Contributions par objectif
objective-feed = Flux Atom des contributions sur l’objectif { $id }
objective-count =
    { $count ->
        [one] { $count } contribution rend compte de cet objectif.
       *[other] { $count } contributions rendent compte de cet objectif.
    }
objective-see-all = Les voir toutes
objective-actions = Actions
objective-forums = Forums travaillant sur cet objectif
objective-contributions-title = Objectif { $id } : { $title }
objective-contributions-intro = Contributions rendant compte de l’objectif { $id }.
action-title = Action { $id }
action-for = Pour : { $actor }
action-see-all =
    { $count ->
        [one] La contribution sur { $id }
       *[other] Les { $count } contributions sur { $id }
    }
action-gap = Lacune : aucune contribution ne rend encore compte de cette action.
matrix-heading = Quels forums travaillent sur quel objectif

## Forums

forums-title = Forums et organes de la coopération numérique
forums-lead = L’architecture de la coopération numérique : les organes et forums où les gouvernements et les parties prenantes travaillent sur les objectifs du Pacte, selon les catégories de la note d’orientation.
forums-matrix-link = Quel forum travaille sur quel objectif
fact-category = Catégorie
fact-convened-by = Organisé par
fact-since = Depuis
fact-meets = Se réunit
fact-website = Site web

## Notes d’orientation

policy-notes-title = Notes d’orientation
policy-notes-lead = De courtes analyses de ce que montrent les contributions et de ce qui reste à faire.
policy-notes-empty = Aucune note d’orientation n’a encore été publiée.
note-objectives = Objectifs :
note-forums = Forums :

## Le rapport

report-published = Publié le
report-period = Période couverte : du { $from } au { $to }
report-contents = Table des matières
chapter-contents = Dans ce chapitre
chapter-pager-label = Chapitres
pager-previous = ← { $title }
pager-next = { $title } →
errata-heading = Errata
errata-lead = Corrections apportées depuis la publication de cette édition :
errata-lead-dated = Corrections apportées depuis la publication de cette édition le { $date } :
open-data = Données ouvertes :
open-data-csv = contributions de cette édition (CSV)
open-data-json = (JSON)
print-button = Imprimer ou enregistrer en PDF
print-title = Rapport imprimable

## Progrès et lacunes, ce qui a changé

progress-page-title = Progrès et lacunes { $year }
progress-heading = Progrès et lacunes, édition { $year }
progress-lead = Chaque ligne est une action du Pacte ; chaque colonne, un groupe de parties prenantes. Un nombre compte les contributions de l’édition { $year } qui rendent compte de l’action ; une case vide marquée « lacune » montre où personne ne rend encore compte.
progress-draft = Version provisoire : l’édition { $year } recueille encore des contributions ; ces chiffres vont changer.
progress-other-editions = Autres éditions :
progress-all-editions = Toutes les éditions
changes-title = Ce qui a changé en { $year }
changes-lead =
    Édition { $year } comparée à l’édition { $previous_year } : { $total ->
        [one] { $total } contribution
       *[other] { $total } contributions
    } contre { $previous_total }.
changes-draft = Version provisoire : l’édition { $year } recueille encore des contributions ; cette comparaison va changer.
changes-progress-heading = Progrès signalés sur des travaux antérieurs
changes-follows = Fait suite à
changes-status = statut
changes-unchanged = { $status }, inchangé
changes-indicators = Indicateurs
changes-no-progress = Aucune contribution de cette édition ne signale encore de progrès sur une contribution antérieure.
changes-gained-heading = Actions nouvellement couvertes
changes-gained-none = Aucune : aucune action n’est traitée dans cette édition qui ne l’était pas auparavant.
changes-lost-heading = Actions qui ne sont plus couvertes
changes-lost-lead = Traitées en { $previous_year }, pas (encore) en { $year } :
changes-lost-none = Aucune.
changes-new-heading = Nouvelles contributions
changes-new-none = Aucune nouvelle contribution pour l’instant.
changes-chart-title = Contributions par objectif, éditions { $previous_year } et { $year }
changes-chart-source = Contributions au portail { $site }
changes-chart-category = Objectif

## Graphiques et flux produits en Rust

chart-by-objective = Contributions par objectif
chart-by-stakeholder-type = Contributions par type de partie prenante
chart-by-region = Contributions par région
chart-by-status = Contributions par statut
chart-by-edition = Contributions par édition
feed-edition-title = { $site } : contributions à l’édition { $year }
feed-objective-title = { $site } : contributions sur l’objectif { $id }. { $title }

## Recherche

search-label = Rechercher dans les contributions
search-button = Rechercher
search-results =
    { $count ->
        [0] Aucun résultat
        [one] { $count } résultat
       *[other] { $count } résultats
    }
search-no-results = Aucune contribution ne correspond à votre recherche.
search-needs-javascript = La recherche nécessite JavaScript. Sans lui, parcourez les contributions par objectif, type de partie prenante, région ou statut.

## Page introuvable

not-found-title = Page introuvable
not-found-text = Il n’y a pas de page à cette adresse. Elle a peut-être été déplacée lorsqu’une contribution a été renommée.
not-found-home = Page d’accueil

## Editions as portals, withdrawals, print and search pages

draft-banner = Version provisoire : l’édition { $year } recueille encore des contributions ; ses pages changeront jusqu’à sa publication.
edition-draft-marker = (provisoire)
follows-up-on = Fait suite à
followed-up-in = Suivi dans l’édition { $year } :
changes-withdrawn-heading = Retraits
changes-withdrawn-lead = Initiatives présentées dans une édition précédente que leurs auteurs ont depuis arrêtées :
changes-withdrawn-in = retirée en { $year }
print-lead = Cette page contient tout le rapport, chapitre par chapitre, pour l’imprimer ou l’enregistrer en PDF avec la commande d’impression de votre navigateur.
search-error = La recherche n’a pas pu charger son index. Parcourez plutôt les listes ci-dessous.
search-more = Plus de résultats
search-browse = Parcourir
browse-by-objective = Par objectif
browse-by-stakeholder-type = Par type de partie prenante
browse-by-region = Par région
browse-all-contributions = Toutes les contributions, avec leur état d’avancement
search-kind-contribution = Contribution
search-kind-policy-note = Note d’orientation
search-kind-chapter = Chapitre du rapport
search-kind-home = Page d’accueil

## Figures

chart-source-label = Source :
chart-data-table = Tableau des données
chart-download = Télécharger ces chiffres (CSV)
chart-category = Catégorie
chart-count = Nombre
chart-finding-extremes = La valeur la plus élevée est { $largest } ({ $largest_value }) et la plus faible { $smallest } ({ $smallest_value }).
chart-finding-extremes-in = En { $series }, la valeur la plus élevée est { $largest } ({ $largest_value }) et la plus faible { $smallest } ({ $smallest_value }).
chart-finding-all-equal = { $count ->
        [1] La seule catégorie a la valeur { $value }.
       *[other] Les { $count } catégories ont toutes la même valeur ({ $value }).
    }
chart-finding-change = De { $from } à { $to }, { $fell ->
        [0] { $rose ->
            [0] les valeurs n’ont pas changé
           *[other] les valeurs ont augmenté dans { $rose } catégories sur { $count }
        }
       *[other] { $rose ->
            [0] les valeurs ont baissé dans { $fell } catégories sur { $count }
           *[other] les valeurs ont baissé dans { $fell } catégories et augmenté dans { $rose } sur { $count }
        }
    }.
chart-finding-line = { $series } est passé de { $start } ({ $first }) à { $end } ({ $last }).
chart-finding-target = { $above } sur { $count } dépassent la ligne de référence de { $level }.
chart-finding-target-named = { $above } sur { $count } dépassent la ligne de référence de { $level } ({ $label }).
chart-by-action = Contributions par action de l’objectif { $id }

# Dataset labels (charts): data-label-<slug of the label as written in the dataset>.
data-label-group = Groupe
data-label-world = Monde
data-label-africa = Afrique
data-label-americas = Amériques
data-label-arab-states = États arabes
data-label-asia-pacific = Asie-Pacifique
data-label-cis = CEI
data-label-europe = Europe
data-label-low-income = Faible revenu
data-label-lower-middle-income = Revenu intermédiaire inférieur
data-label-upper-middle-income = Revenu intermédiaire supérieur
data-label-high-income = Revenu élevé
data-label-ldcs = PMA
data-label-lldcs = PDSL
data-label-sids = PEID
