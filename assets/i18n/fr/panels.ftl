# Sahel Atlas, français : les panneaux, la barre du temps, les infobulles de la carte et les
# graphiques. Chaque clé est aussi dans ../en/panels.ftl (un test le vérifie).

## Details panel: find, a country, a tie
details-hint = Cliquez sur un pays ou un lien de la carte, ou cherchez un pays.
details-find = Trouver un pays
details-find-hint = nom, majuscules et accents facultatifs
details-find-keys = Ctrl+F ou /
details-no-match = Aucun pays de ce nom
details-clear-selection = Effacer la sélection (Échap)
details-edit = Modifier…
details-not-in-scenario = Absent du scénario.
details-on-date = Au { $date }
details-government = Gouvernement : { $form }
details-government-civilian = civil
details-government-military = militaire
details-since = depuis le { $date }
details-since-start = depuis avant la période
details-codes = Codes
details-population = Population
details-population-value = { $words ->
     [yes] { $number } d’habitants
    *[no] { $number } habitants
 } (estimation { $year })
details-gdp = PIB
details-gdp-value = { $amount } ({ $year })
details-region = Région
details-ties = Liens ({ $count })
details-none-at-date = Aucun à cette date.
details-show-history = Afficher son historique
details-events = Événements
details-partners-over-time = Partenaires dans le temps
details-ties-with = Liens avec { $name }
details-close = Fermer
details-edit-tie = Modifier le lien…
details-site = Site : { $name } ({ $lat } ; { $lon })
details-now = Actuellement : { $status }
details-not-yet = N’existe pas encore à cette date
details-history = Historique
details-in-force-before = En vigueur avant le { $date }
details-history-row = { $date } › { $what } : { $title }
details-all-links = Tous les liens à cette date ({ $count })
details-in-english = (en anglais)
details-in-english-hint = Ce texte n’est pas encore traduit en français : il est donné en anglais.

## Dates, sizes and notes of ties and events (model)
event-announced-effective = { $precision ->
     [day] annoncé le { $date }
    *[other] annoncé en { $date }
 } · en vigueur le { $effective }
details-since-period = depuis { $date }
tie-last-confirmed = statut confirmé pour la dernière fois le { $date }
tie-size-troops = { $count ->
     [one] { $number } soldat
    *[other] { $number } soldats
 }

## Events list and the current event's card
events-heading = Événements
events-count = { $shown } événements sur { $total }, { $start } – { $end }. Cliquez sur l’un d’eux pour aller à sa date.
events-filter = Filtrer les événements
events-filter-hint = mots ; Haut/Bas, puis Entrée
events-any = tous
events-state = État
events-partner = Partenaire
events-kind = Type
events-clear = Effacer
events-edit-event = Modifier l’événement…
events-delete-event = Supprimer l’événement
events-edit = Modifier…
events-delete = Supprimer
events-notice = Préavis : { $notice }
events-sources = Sources :
events-low-confidence = faible certitude
events-change-status = › { $tie } : { $what }
events-change-reaffirmed = › { $tie } : réaffirmé{ $size }
events-change-size = › { $tie } : taille{ $size }
events-change-government = › { $state } : gouvernement { $form }{ $leader }

## Time bar
time-date-hover = La date que montre la carte
time-start = « Début
time-start-hint = Début (Origine)
time-previous = ‹ Événement précédent
time-previous-hint = Événement précédent (flèche gauche)
time-pause = Pause
time-play = Lecture
time-play-hint = Lecture / pause (Espace)
time-next = Événement suivant ›
time-next-hint = Événement suivant (flèche droite)
time-end = Fin »
time-end-hint = Fin (Fin)
time-speed = Vitesse
time-speed-custom = personnalisée
time-speed-week = 1 semaine/s
time-speed-month = 1 mois/s
time-speed-quarter = 1 trimestre/s
time-speed-half-year = 6 mois/s
time-speed-year = 1 an/s
time-loop = En boucle
time-go-to = Aller à la date
time-date-format = AAAA-MM-JJ
time-go = Aller
time-bad-date = Impossible d’aller à cette date : { $error }
time-strip = Frise du temps
time-beyond-data = Au-delà des données : la recherche couvre les événements jusqu’au { $date }
map-label = Carte

## Changes panel (compare mode)
changes-none = aucun
changes-appeared = Apparu
changes-ended = Terminé
changes-changed = Changé
changes-heading = Changements
changes-from-to = Du { $from } au { $to }
changes-leave = Quitter la comparaison
changes-leave-hint = Échap
changes-export = Exporter…
changes-as-csv = Changements en CSV…
changes-as-markdown = Changements en Markdown…
changes-count = { $count ->
     [one] { $count } lien a changé de statut
    *[other] { $count } liens ont changé de statut
 }
changes-nothing = Rien n’a changé entre ces dates.
changes-kind-row = { $kind } :
changes-to = ›
changes-compare-with = Comparer avec
changes-compare-hint = Ou Maj-clic ou Maj-glisser sur la frise ci-dessous
changes-compare = Comparer
changes-bad-date = Impossible de comparer avec cette date : { $error }

## What changed this year (Help menu)
changelog-title = Ce qui a changé cette année
changelog-year-before = L’année précédente
changelog-year-after = L’année suivante
changelog-copy = Copier en Markdown
changelog-copy-hint = Avec les sources de chaque événement
changelog-began = Commencés
changelog-ended = Terminés
changelog-list = { $title } ({ $count })
changelog-none = Aucun.
changelog-go-hint = { $title }
     Cliquez pour aller à cette date.

## Alignment charts in the app
alignment-by-counterpart = Liens par partenaire
alignment-by-counterpart-hint = Une ligne par État ou organisme avec lequel il a des liens, de la couleur du statut le plus vivant de ces liens ; les liens terminés sont une fine ligne grise, les sanctions sont laissées de côté. Cliquez pour aller à une date ; survolez une bande pour voir ses liens.
alignment-over-time = Alignement dans le temps
alignment-over-time-hint = Liens vivants (actifs ou en retrait) par groupe de partenaires, empilés ; les sanctions sont laissées de côté. Cliquez pour aller à une date ; survolez une bande pour voir ses liens.
alignment-click-to-go = { $date } : cliquez pour y aller
alignment-band = { $entity }, { $group } : { $count } du { $from } au { $to }
alignment-tie-band = { $entity } – { $counterpart } : { $status } du { $from } au { $to }
alignment-no-tie = { $entity } – { $counterpart } : aucun lien le { $date }
alignment-not-begun = pas commencé
alignment-sahel-title = Alignement des États du Sahel
alignment-sahel-hint = Liens vivants (actifs ou en retrait) par groupe de partenaires. Cliquez pour aller à une date ; survolez une bande pour voir ses liens.

## Partner groups
group-other = Autres

## Legend and filters (side panel)
legend-custom-countries = Pays personnalisés
legend-natural-earth-50 = Natural Earth 1:50m
legend-natural-earth-110 = Natural Earth 1:110m
legend-and-filters = Légende et filtres
legend-focus = Mettre la sélection en avant
legend-focus-hint = Dessiner les liens du pays ou de l’organisation choisis à pleine intensité et estomper le reste
legend-width-and-sites = Largeur et sites
legend-show-all = Afficher tous les liens
legend-compare-from-to = Ce qui a changé du { $from } au { $to }
legend-everything-else = Tout le reste est estompé.
legend-unconfirmed-hint = Aucune source n’a confirmé le statut depuis une date : l’infobulle et les détails disent laquelle
legend-by-status = Liens par statut
legend-show-status = Afficher les liens au statut « { $status } »
legend-kinds = Types
legend-partners = Partenaires
legend-troops-hint = Un arc est aussi large que les effectifs de son lien à la date, quand une source les donne ; les autres ont la largeur de leur statut
legend-site-hint = Là où un lien est sur le terrain : son arc y aboutit, et de près le site est nommé

## Map: tooltips, zoom buttons, banners
map-toward = { $count ->
     [one] Vers { $name } : cliquez pour cadrer les deux bouts de son lien
    *[other] Vers { $name } : cliquez pour cadrer les deux bouts de ses { $count } liens
 }
map-tie-since = { $status } { $since }
map-at-site = À { $site }
map-source = Source : { $source }
map-click-for-history = Cliquez pour voir son historique
map-zoom-in = Zoom avant (+)
map-zoom-out = Zoom arrière (−)
map-reset = Vue initiale
map-reset-hint = Revenir à la vue initiale (0)
map-dismiss = Fermer
map-more = { $count } de plus

## Sources in panels
sources-numbered = source { $number }
sources-compact = src
sources-not-opened = pas une adresse web ; non ouverte
sources-not-opened-row = { $text } : { $source } ({ $why })

## Right panel tabs
panel-tab-changes = Changements
panel-tab-events = Événements


## Alignment charts (the app and `sahel-atlas chart`)
chart-no-ties = Aucun lien dans le scénario (les sanctions sont laissées de côté)
chart-svg-title = Alignement dans le temps
chart-title-counterparts = { $name } : liens par partenaire et par statut, { $start }–{ $end }
chart-title-groups = { $name } : liens vivants par groupe de partenaires, { $start }–{ $end }
chart-title-sahel = Les États du Sahel : liens vivants par groupe de partenaires, { $start }–{ $end }

## Natural Earth regions (a country's facts)
region-africa = Afrique
region-americas = Amériques
region-antarctica = Antarctique
region-asia = Asie
region-australia-and-new-zealand = Australie et Nouvelle-Zélande
region-caribbean = Caraïbes
region-central-america = Amérique centrale
region-central-asia = Asie centrale
region-eastern-africa = Afrique de l’Est
region-eastern-asia = Asie de l’Est
region-eastern-europe = Europe de l’Est
region-europe = Europe
region-melanesia = Mélanésie
region-micronesia = Micronésie
region-middle-africa = Afrique centrale
region-north-america = Amérique du Nord
region-northern-africa = Afrique du Nord
region-northern-america = Amérique septentrionale
region-northern-europe = Europe du Nord
region-oceania = Océanie
region-polynesia = Polynésie
region-seven-seas-open-ocean = Haute mer
region-south-america = Amérique du Sud
region-south-eastern-asia = Asie du Sud-Est
region-southern-africa = Afrique australe
region-southern-asia = Asie du Sud
region-southern-europe = Europe du Sud
region-western-africa = Afrique de l’Ouest
region-western-asia = Asie de l’Ouest
region-western-europe = Europe de l’Ouest
