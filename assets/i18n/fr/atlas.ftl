# Sahel Atlas : le catalogue français. Chaque clé est aussi dans ../en/atlas.ftl (un test le
# vérifie dans les deux sens). Espaces insécables avant : ; ? ! et à l’intérieur de « ».

## Barre de menus
menu-file = Fichier
menu-view = Affichage
menu-help = Aide
jobs-hint = La carte reste utilisable pendant le chargement des fichiers.

## Menu Fichier
file-open-countries = Ouvrir des pays…
file-open-scenario = Ouvrir un scénario…
file-add-event-layer = Ajouter une couche d’événements…
file-save = Enregistrer
file-save-as = Enregistrer sous…
file-export-sheet = Exporter en tableur…
file-open-recent = Fichiers récents
file-no-recent = Aucun fichier récent
file-export = Exporter
export-events-geojson = Événements de la fenêtre en GeoJSON…
export-events-csv = Événements de la fenêtre en CSV…
export-state-geojson = État à cette date en GeoJSON…
export-state-csv = État à cette date en CSV…
export-map-png = Carte en PNG…
export-map-svg = Carte en SVG…
export-changes-csv = Changements en CSV…
export-changes-markdown = Changements en Markdown…
export-changes-disabled = Marquez d’abord deux dates : Maj-clic sur la frise
file-export-animation = Exporter une animation…
file-back-to-embedded = Revenir aux données intégrées
file-drop-hint = Ou déposez un fichier .geojson ou un scénario sur la fenêtre
file-quit = Quitter

## Menu Édition
menu-edit = Édition
edit-undo = Annuler
edit-redo = Rétablir
edit-add-event = Ajouter un événement au { $date }…
edit-add-tie = Ajouter un lien…
edit-add-entity = Ajouter une organisation ou un groupe armé…
edit-errors = { $count ->
    [one] 1 erreur : l’enregistrement attend qu’elle soit corrigée
   *[other] { $count } erreurs : l’enregistrement attend qu’elles soient corrigées
}
unsaved-changes = • modifications non enregistrées
unsaved-changes-hint = Fichier › Enregistrer (Ctrl+S) les écrit

## Menu Affichage
view-zoom-in = Zoom avant  (+)
view-zoom-out = Zoom arrière  (−)
view-reset = Vue initiale  (0)
view-hide-ended = Masquer les liens terminés
view-focus = Mettre la sélection en avant
view-focus-hint = Estomper les liens de tout ce qui n’est pas le pays ou l’organisation choisis
view-sahel-alignment = Alignement des États du Sahel
view-theme = Thème
theme-system = Système
theme-light = Clair
theme-dark = Sombre
view-language = Langue
language-system = Système ({ $lang })

## Menu Aide
help-changelog = Ce qui a changé cette année
help-gestures = Glisser pour déplacer, molette ou pincement pour zoomer, clic sur un pays pour ses détails.
help-keys-events = Flèches gauche / droite : événement précédent / suivant   Espace : lecture / pause
help-keys-span = Début / Fin : début / fin   + / − / 0 : zoom avant / arrière / vue initiale
help-keys-escape = Échap : effacer la sélection, quitter la comparaison
help-keys-compare = Maj-clic ou Maj-glisser sur la frise : comparer deux dates
help-keys-find = Ctrl+F ou / : chercher un pays   Ctrl+Q : quitter
help-keys-edit = Ctrl+Z / Ctrl+Maj+Z : annuler / rétablir une modification   Ctrl+S : enregistrer
help-about = À propos de Sahel Atlas

## Fenêtre À propos
about-title = À propos de Sahel Atlas
about-scenario = Scénario : { $title }
about-data = Données : { $events } événements sur { $ties } liens, du { $start } au { $end }
about-research = Les recherches couvrent les événements jusqu’au { $date }
about-countries = Pays : Natural Earth (domaine public)
about-licence = Licence : { $licence }

## Nombres
map-ties-between = { $count ->
    [one] { $count } lien entre ces deux :
   *[other] { $count } liens entre ces deux :
}

## Images (PNG, SVG, images d’animation, GIF, MP4)
picture-from-to = Du { $from } au { $to }
picture-approx = { $date } (approx.)
picture-latest = Dernier événement : { $date } — { $title }
picture-no-source = Aucun événement sourcé à cette date ou avant.
picture-sources = Sources des événements montrés :{" "}
picture-and-more = et { $count } autres

## Statuts d’un lien
status-planned = Prévu
status-active = Actif
status-suspended = Suspendu
status-winding-down = En cours de retrait
status-ended = Terminé

## Légendes (écran et images)
legend-what-changed = Ce qui a changé
legend-links = Liens
legend-countries = Pays
legend-sahel-state = État du Sahel
legend-sahel-military = État du Sahel sous régime militaire
legend-partner-live = Partenaire avec un lien actif
legend-former-partner = Ancien partenaire
legend-other-country = Autre pays
legend-troops = Épaisseur : 100 · 1 000 · 10 000 soldats
legend-site = Site (base, camp)
legend-organisation = Organisation
legend-appeared = Apparu
legend-ended = Terminé
legend-changed = Statut changé (ancienne couleur, puis nouvelle)
legend-unconfirmed = Statut non confirmé récemment
