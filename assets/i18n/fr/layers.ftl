# Sahel Atlas, français : les couches d’événements, les animations et les listes de
# changements (diff, journal). Chaque clé est aussi dans ../en/layers.ftl (un test le vérifie).

## Couches d’événements de conflit : la section de la légende
layers-title = Événements de conflit
layers-remove = Retirer
layers-summary = { $format } : { $count ->
    [one] { $n } événement
   *[other] { $n } événements
}, { $span }
layers-skipped = { $count ->
    [one] { $n } ligne du fichier laissée de côté : elle n’a pas pu être lue
   *[other] { $n } lignes du fichier laissées de côté : elles n’ont pas pu être lues
}
layers-window = Fenêtre :
layers-window-all = Tout
layers-window-days = { $days } j
layers-in-window = { $count ->
    [one] { $n } événement
   *[other] { $n } événements
}, { $deaths } morts dans la fenêtre finissant le { $date } ; les plus anciens pâlissent.
layers-points = Points : couleur selon le type, taille selon les morts
layers-actor = Acteur :
layers-any-actor = tout acteur
layers-hexagons = Hexagones :
layers-count = Nombre
layers-fatalities = Morts
layers-ramp-count = 1 … 200+ événements
layers-ramp-fatalities = 0 … 1000+ morts
layers-zoomed-in = Vue rapprochée : chaque événement est un point.
layers-zoom-in = Zoomez pour voir chaque événement.

## Types d’événements selon ACLED et l’UCDP (les données gardent les noms anglais)
event-type-battles = Combats
event-type-violence-against-civilians = Violences contre des civils
event-type-explosions = Explosions et violences à distance
event-type-riots = Émeutes
event-type-protests = Manifestations
event-type-strategic = Évolutions stratégiques
event-type-state-based = Conflit impliquant un État
event-type-non-state = Conflit non étatique
event-type-one-sided = Violence unilatérale

## Infobulles de la carte et liste des événements choisis
layers-tip-hexagon = { $count ->
    [one] { $n } événement dans cet hexagone, { $deaths } morts
   *[other] { $n } événements dans cet hexagone, { $deaths } morts
}
layers-tip-click-list = Cliquer pour les lister
layers-fatalities-n = Morts : { $deaths }
layers-tip-more = et { $n } autres ici ({ $deaths } morts en tout)
layers-tip-click-source = Cliquer pour les notes et la source
layers-list-window = Événements ici
layers-list-hexagon = { $count ->
    [one] { $n } événement dans cet hexagone
   *[other] { $n } événements dans cet hexagone
}
layers-list-here = { $count ->
    [one] { $n } événement ici
   *[other] { $n } événements ici
}
layers-list-more = … et { $n } autres (zoomez pour en voir moins)
layers-source = Source :

## Choisir les colonnes d’un CSV
layers-columns-title = Choisir les colonnes des événements
layers-columns-why = Aucune colonne de ce CSV n’est reconnue comme une date ou des coordonnées. Quelles colonnes les contiennent ? Le choix est retenu pour les fichiers de même en-tête.
layers-column-date = Date
layers-column-latitude = Latitude
layers-column-longitude = Longitude
layers-columns-preview = Les premières lignes, telles qu’elles seraient lues :
layers-columns-load = Charger
layers-columns-cancel = Annuler

## Les événements de conflit d’un État (panneau des détails)
layers-state-days = { $count ->
    [one] { $n } événement
   *[other] { $n } événements
}, { $deaths } morts dans les { $days } jours jusqu’au { $date }
layers-state-all = { $count ->
    [one] { $n } événement
   *[other] { $n } événements
}, { $deaths } morts jusqu’au { $date }
layers-per-month-events = événements par mois, au plus { $top }
layers-per-month-fatalities = morts par mois, au plus { $top }
layers-month-events = { $month } : { $n } événements
layers-month-fatalities = { $month } : { $n } morts

## Légendes des images
layers-caption-days = Événements de conflit, les { $days } jours jusqu’au { $date } ({ $marks }) : { $names }
layers-caption-all = Événements de conflit jusqu’au { $date } ({ $marks }) : { $names }
layers-caption-hex-count = hexagones : événements
layers-caption-hex-fatalities = hexagones : morts
layers-caption-points = points : couleur selon le type, taille selon les morts
layers-added-skipped = { $path } ajouté : { $events } événements ; { $skipped } lignes n’ont pas pu être lues et ont été laissées de côté. Les premières :

## Exporter une animation
anim-title = Exporter une animation
anim-from = Du
anim-to = Au
anim-step = Pas
anim-step-hint = 7d, 2w, 1m ou 1y (jours, semaines, mois, années)
anim-size = Taille
anim-size-hint = LARGEURxHAUTEUR, comme 1280x720
anim-format = Format
anim-mp4 = Vidéo MP4
anim-fps = Images par seconde
anim-hold = Pause sur les événements
anim-hold-hint = S’arrêter sur chaque image où un événement prend effet, avec son titre en manchette ; 0 laisse le temps s’écouler régulièrement.
anim-view = Vue
anim-use-view = La vue actuelle de la carte
anim-file = Fichier
anim-choose = Choisir…
anim-export = Exporter
anim-cancel = Annuler
anim-estimating = estimation du temps restant
anim-left = encore environ { $time }
anim-progress = image { $done } sur { $total }, { $left }
anim-no-dialog = Aucune boîte de dialogue n’a pu s’afficher (ni portail de bureau ni zenity n’a répondu) : tapez plutôt le chemin.
anim-dialog-failed = Impossible de lancer la boîte de dialogue des fichiers : tapez plutôt le chemin.
anim-wrote = { $path } écrit : { $frames } images ({ $held } en pause sur des événements), { $time }, { $kb } Ko.
anim-cancelled = Annulé : rien n’a été écrit dans { $path }.
anim-write-failed = Impossible d’écrire { $path } : { $error }
anim-job-failed = Impossible d’écrire { $path } : { $why }.
anim-field-from = Du : { $error }
anim-field-to = Au : { $error }
anim-field-step = Pas : { $error }
anim-field-size = Taille : { $error }
anim-no-file = Choisissez ou tapez le fichier à écrire.

## Listes de changements (diff --markdown, changelog --markdown, l’export du panneau des changements)
changelist-diff-title = Ce qui a changé du { $from } au { $to }
changelist-diff-count = { $count ->
    [one] { $count } lien a changé de statut ({ $scenario }).
   *[other] { $count } liens ont changé de statut ({ $scenario }).
}
changelist-other-ties = Autres liens
changelist-appeared = apparu
changelist-ended = terminé
changelist-changed = modifié
changelist-none = aucun
changelist-log-title = Liens nés et terminés, par année
changelist-began = Nés
changelist-ended-heading = Terminés
changelist-status-planned = prévu
changelist-status-active = actif
changelist-status-suspended = suspendu
changelist-status-winding-down = en retrait
changelist-status-ended = terminé
changelist-event-line = { $date } : { $title } (sources : { $links })
changelist-change-line = **{ $label }** ({ $kind } ; { $parties }) : { $change }, { $from } → { $to }
changelist-log-line = **{ $label }** : { $event }
