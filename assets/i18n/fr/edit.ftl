# Sahel Atlas, français : les formulaires d’édition, les dialogues et les messages de l’appli.
# Chaque clé est aussi dans ../en/edit.ftl (un test le vérifie).

## Le formulaire d’un événement
form-event = Événement
form-date = Date
form-effective = Prise d’effet (facultatif)
form-precision = Précision
form-precision-day = jour
form-precision-month = mois
form-precision-year = année
form-title = Titre
form-summary = Résumé
form-note = Note
form-confidence = Confiance
form-confidence-low = faible
form-sources = Sources (une par ligne)
form-notice = Préavis (facultatif, P6M)
form-id = Identifiant
form-what-changes = Ce qu’il change
form-delete-event = Supprimer l’événement
form-remove-change = Retirer ce changement
form-add-status = + Statut d’un lien
form-add-reaffirmed = + Réaffirmation
form-add-size = + Effectifs
form-add-government = + Changement de gouvernement
form-choose-tie = Choisir un lien…
form-reaffirmed = réaffirmé
form-size = effectifs
form-choose-state = Choisir un État…
form-civilian = civil
form-military = militaire
form-leader = dirigeant
form-troops = Soldats
form-amount = Montant
form-currency = Devise
form-error-date = « { $text } » n’est pas une date (AAAA-MM-JJ)
form-error-troops = soldats : « { $text } » n’est pas un nombre entier
form-error-amount = montant : « { $text } » n’est pas un nombre entier
form-error-currency = la devise « { $text } » n’est pas un code ISO 4217 (trois capitales, comme « EUR »)
form-error-notice = « { $text } » n’est pas un préavis (comme P6M, P1Y ou P30D)
form-error-size = un changement d’effectifs demande des soldats ou un montant

## Le formulaire d’un lien
form-tie = Lien
form-label = Libellé
form-short-label = Libellé court
form-kind = Nature
form-parties = Parties (la première est le pivot)
form-add-party = Ajouter une partie…
form-pick-party = Choisir sur la carte
form-pick-party-hint = Puis cliquer des pays ou des organisations sur la carte
form-in-force = En vigueur au début de la période
form-start-sources = Sources montrant qu’il était alors en vigueur (une par ligne) :
form-site = Site (facultatif : une base, un camp)
form-site-name = Nom du site
form-site-lon = Longitude du site
form-site-lat = Latitude du site
form-pick-site = Placer le site sur la carte
form-pick-site-hint = Puis cliquer la carte là où se trouve le site
form-error-site-lon = longitude du site : « { $text } » n’est pas un nombre de degrés
form-error-site-lat = latitude du site : « { $text } » n’est pas un nombre de degrés
form-error-site-name = site : donnez-lui un nom (la base ou le camp)

## Natures de lien
kind-defence-agreement = accord de défense
kind-security-cooperation = coopération sécuritaire
kind-military-mission = mission militaire
kind-civilian-mission = mission civile
kind-troop-deployment = déploiement de troupes
kind-military-base = base militaire
kind-membership = adhésion
kind-sanctions = sanctions
kind-peace-agreement = accord de paix
kind-arms-supply = fourniture d’armes
kind-other = autre

## Le formulaire d’une organisation
form-entity = Organisation
form-name = Nom
form-short-name = Nom court
form-kind-organisation = organisation ou groupe armé
form-kind-state = État
form-longitude = Longitude
form-latitude = Latitude
form-place = Lieu
form-error-degrees = « { $text } » n’est pas un nombre de degrés
form-pick-place = Placer sur la carte
form-pick-place-hint = Puis cliquer la carte là où son nœud doit se trouver

## Nouveaux éléments (leur premier titre, libellé ou nom)
new-event = Nouvel événement
new-tie = Nouveau lien
new-organisation = Nouvelle organisation

## Questions
ask-unsaved-quit = Le scénario a des modifications non enregistrées.
ask-save = Enregistrer
ask-quit-without-saving = Quitter sans enregistrer
ask-cancel = Annuler
ask-unsaved-open = Un autre scénario est prêt, mais celui-ci a des modifications non enregistrées. L’ouvrir et les perdre ?
ask-keep-editing = Continuer l’édition
ask-open-losing = L’ouvrir et perdre les modifications
ask-recovery = La dernière session s’est terminée avec des modifications non enregistrées de { $file }. Les restaurer ?
ask-recovery-embedded = le scénario intégré
ask-restore = Restaurer
ask-discard = Abandonner

## Le titre de la fenêtre
window-title = { $name } — Sahel Atlas
window-title-unsaved = { $name } • modifications non enregistrées — Sahel Atlas

## Messages au-dessus de la carte
msg-not-saved = { $count ->
    [one] Non enregistré : 1 erreur à corriger d’abord (en rouge à côté des champs).
   *[other] Non enregistré : { $count } erreurs à corriger d’abord (en rouge à côté des champs).
}
msg-saved = { $path } enregistré.
msg-save-failed = Impossible d’enregistrer { $path }. Le fichier est resté tel quel.
msg-restored = Les modifications non enregistrées de la dernière session sont restaurées. Enregistrez pour les garder.
msg-recovery-unreadable = Un fichier de récupération a été trouvé mais n’a pas pu être lu : { $path }
msg-open-failed = { $count ->
    [one] Impossible d’ouvrir { $what } : 1 problème trouvé. Rien n’a été changé.
   *[other] Impossible d’ouvrir { $what } : { $count } problèmes trouvés. Rien n’a été changé.
}
msg-embedded-countries = les pays intégrés
msg-embedded-scenario = le scénario intégré
msg-embedded-data = les données intégrées
msg-embedded-fine = la couche intégrée au 1/50 M
msg-opened-with-warnings = { $count ->
    [one] { $path } ouvert avec 1 avertissement.
   *[other] { $path } ouvert avec { $count } avertissements.
}
msg-exported = { $path } exporté.
msg-export-failed = Impossible d’exporter { $path }.
msg-wrote = { $path } écrit.
msg-write-failed = Impossible d’écrire { $path }.
msg-job-failed = { $job } : { $why }. Rien n’a été changé.
msg-export-bad-name = Impossible d’exporter vers { $path } : utilisez un nom en .png, .svg, .geojson ou .csv.
msg-nothing-to-compare = Rien à exporter : marquez d’abord deux dates sur la bande du temps (Maj-clic).
msg-settings-not-saved = Les réglages n’ont pas pu être enregistrés dans { $path } : { $error }. Les réglages précédents sont conservés.
msg-settings-unreadable = Le fichier des réglages n’a pas pu être lu, l’appli repart de zéro : { $error }
msg-settings-old = La vue mémorisée vient d’une version plus ancienne et a été mise de côté.
msg-window-place = La place de la fenêtre n’a pas pu être écrite dans { $path } : { $error }
msg-vanished-countries = Le fichier des pays ouvert la dernière fois, { $path }, a disparu depuis ; les données intégrées sont affichées.
msg-vanished-scenario = Le fichier du scénario ouvert la dernière fois, { $path }, a disparu depuis ; les données intégrées sont affichées.
msg-not-a-web-address = { $url } : pas une adresse web ; non ouverte.

## Tâches de fond (la roue de la barre de menus)
job-progress = { $name } : { $stage } { $percent } %…
job-progress-no-percent = { $name } : { $stage }…
stage-reading = lecture
stage-parsing = analyse et vérification
stage-triangulating = triangulation et indexation
stage-simplifying = simplification pour les petites échelles
stage-exporting = export
job-no-thread = son fil d’exécution n’a pas pu démarrer : { $error }
job-no-result = elle s’est arrêtée sans résultat
job-panicked = elle a échoué ({ $text })

## Demander un chemin
path-open-countries = Ouvrir des pays
path-open-scenario = Ouvrir un scénario
path-add-event-layer = Ajouter une couche d’événements
path-export-png = Exporter la carte en PNG
path-export-svg = Exporter la carte en SVG
path-export-geojson = Exporter l’état en GeoJSON
path-export-csv = Exporter l’état en CSV
path-changes-markdown = Exporter les changements en Markdown
path-changes-csv = Exporter les changements en CSV
path-animation = Exporter une animation
path-save-as = Enregistrer le scénario sous
path-export-sheet = Exporter le scénario en classeur
path-action-open = Ouvrir
path-action-export = Exporter
path-action-choose = Choisir
path-action-save = Enregistrer
path-filter-scenario = Scénario (JSON, classeur)
path-filter-events = Couche d’événements (CSV, GeoJSON)
path-filter-png = Image PNG
path-filter-svg = Dessin SVG
path-filter-scenario-json = Scénario (JSON)
path-filter-workbook = Classeur (XLSX)
path-filter-all = Tous les fichiers
path-label = Chemin
path-cancel = Annuler
path-type-it = Tapez le chemin.
path-type-hint = Tapez le chemin d’un fichier.
path-no-dialog = Aucune boîte de dialogue n’a pu s’afficher (ni portail de bureau ni zenity n’a répondu) : tapez le chemin.
path-dialog-failed = Impossible de lancer la boîte de dialogue des fichiers.

## Aide → À propos
about-description = Une carte de bureau des liens de sécurité du Sahel au fil du temps

## Les problèmes de check à côté des champs des formulaires (en anglais, la phrase de check)
check-no-source = aucune source : donnez au moins une adresse web
check-bad-source = la source { $n } n’est pas une adresse web (en http ou https)
check-duplicate-id = un autre élément a déjà cet identifiant
check-empty-id = l’identifiant est vide
check-outside-span = la date est hors de la période du scénario
check-month-not-first = précision au mois, mais la date n’est pas le 1er
check-year-not-first = précision à l’année, mais la date n’est pas le 1er janvier
check-unknown-tie = lien inconnu
check-unknown-entity = pays ou organisation inconnus
check-unknown-state = État inconnu
check-no-place = sans lieu : ses liens ne peuvent pas être dessinés
check-two-parties = un lien demande au moins deux parties
check-no-events = aucun événement ne le change et il n’est pas en vigueur au début : il n’apparaît jamais
about-scenario-covers = Ce que couvre le scénario
