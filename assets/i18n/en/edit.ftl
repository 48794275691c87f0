# Sahel Atlas, English: editing forms, dialogs and the messages the app shows.
# Every key here is also in ../fr/edit.ftl (a test checks both ways).

## The event form
form-event = Event
form-date = Date
form-effective = Effective (optional)
form-precision = Precision
form-precision-day = day
form-precision-month = month
form-precision-year = year
form-title = Title
form-summary = Summary
form-note = Note
form-confidence = Confidence
form-confidence-low = low
form-sources = Sources (one per line)
form-notice = Notice (optional, P6M)
form-id = Id
form-what-changes = What it changes
form-delete-event = Delete event
form-remove-change = Remove this change
form-add-status = + Tie status
form-add-reaffirmed = + Reaffirmation
form-add-size = + Size
form-add-government = + Government change
form-choose-tie = Choose a tie…
form-reaffirmed = reaffirmed
form-size = size
form-choose-state = Choose a state…
form-civilian = civilian
form-military = military
form-leader = leader
form-troops = Troops
form-amount = Amount
form-currency = Currency
form-error-date = "{ $text }" is not a date (YYYY-MM-DD)
form-error-troops = troops: "{ $text }" is not a whole number
form-error-amount = amount: "{ $text }" is not a whole number
form-error-currency = currency "{ $text }" is not an ISO 4217 code (three capital letters, such as "EUR")
form-error-notice = "{ $text }" is not a notice period (such as P6M, P1Y or P30D)
form-error-size = a size change needs troops or an amount

## The tie form
form-tie = Tie
form-label = Label
form-short-label = Short label
form-kind = Kind
form-parties = Parties (the first is the hub)
form-add-party = Add a party…
form-pick-party = Pick on the map
form-pick-party-hint = Then click countries or organisations on the map
form-in-force = In force when the span starts
form-start-sources = Sources showing it was in force then (one per line):
form-site = Site (optional: a base, a camp)
form-site-name = Site name
form-site-lon = Site longitude
form-site-lat = Site latitude
form-pick-site = Pick the site on the map
form-pick-site-hint = Then click the map where the site is
form-error-site-lon = site longitude: "{ $text }" is not a number of degrees
form-error-site-lat = site latitude: "{ $text }" is not a number of degrees
form-error-site-name = site: give it a name (the base or camp)

## Kinds of tie
kind-defence-agreement = defence agreement
kind-security-cooperation = security cooperation
kind-military-mission = military mission
kind-civilian-mission = civilian mission
kind-troop-deployment = troop deployment
kind-military-base = military base
kind-membership = membership
kind-sanctions = sanctions
kind-peace-agreement = peace agreement
kind-arms-supply = arms supply
kind-other = other

## The organisation form
form-entity = Organisation
form-name = Name
form-short-name = Short name
form-kind-organisation = organisation or armed group
form-kind-state = state
form-longitude = Longitude
form-latitude = Latitude
form-place = Place
form-error-degrees = "{ $text }" is not a number of degrees
form-pick-place = Pick the place on the map
form-pick-place-hint = Then click the map where its node should sit

## New items (their first title, label or name)
new-event = New event
new-tie = New tie
new-organisation = New organisation

## Questions
ask-unsaved-quit = The scenario has unsaved edits.
ask-save = Save
ask-quit-without-saving = Quit without saving
ask-cancel = Cancel
ask-unsaved-open = Another scenario is ready to show, but this one has unsaved edits. Open it and lose them?
ask-keep-editing = Keep editing
ask-open-losing = Open it, losing the edits
ask-recovery = The last session ended with unsaved edits to { $file }. Restore them?
ask-recovery-embedded = the embedded scenario
ask-restore = Restore
ask-discard = Discard

## The window title
window-title = { $name } — Sahel Atlas
window-title-unsaved = { $name } • unsaved changes — Sahel Atlas

## Messages above the map
msg-not-saved = { $count ->
    [one] Not saved: 1 error to fix first (marked in red beside the fields).
   *[other] Not saved: { $count } errors to fix first (marked in red beside the fields).
}
msg-saved = Saved { $path }.
msg-save-failed = Could not save { $path }. The file is as it was.
msg-restored = Restored the unsaved edits of the last session. Save to keep them.
msg-recovery-unreadable = A recovery file was found but could not be read: { $path }
msg-open-failed = { $count ->
    [one] Could not open { $what }: 1 problem found. Nothing was changed.
   *[other] Could not open { $what }: { $count } problems found. Nothing was changed.
}
msg-embedded-countries = the embedded countries
msg-embedded-scenario = the embedded scenario
msg-embedded-data = the embedded data
msg-embedded-fine = the embedded 1:50m layer
msg-opened-with-warnings = { $count ->
    [one] Opened { $path } with 1 warning.
   *[other] Opened { $path } with { $count } warnings.
}
msg-exported = Exported { $path }.
msg-export-failed = Could not export { $path }.
msg-wrote = Wrote { $path }.
msg-write-failed = Could not write { $path }.
msg-job-failed = { $job }: { $why }. Nothing was changed.
msg-export-bad-name = Cannot export to { $path }: use a .png, .svg, .geojson or .csv name.
msg-nothing-to-compare = Nothing to export: mark two dates on the time strip first (shift-click).
msg-settings-not-saved = The settings could not be saved to { $path }: { $error }. The previous settings are kept.
msg-settings-unreadable = The settings file could not be read, so the app starts afresh: { $error }
msg-settings-old = The remembered view is from an older version and was set aside.
msg-window-place = The window's place could not be written to { $path }: { $error }
msg-vanished-countries = The countries file open last time, { $path }, has since vanished; showing the embedded data.
msg-vanished-scenario = The scenario file open last time, { $path }, has since vanished; showing the embedded data.
msg-not-a-web-address = { $url }: not a web address; not opened.

## Background jobs (the menu bar's spinner)
job-progress = { $name }: { $stage } { $percent }%…
job-progress-no-percent = { $name }: { $stage }…
stage-reading = reading
stage-parsing = parsing and checking
stage-triangulating = triangulating and indexing
stage-simplifying = simplifying for low zooms
stage-exporting = exporting
job-no-thread = its thread could not start: { $error }
job-no-result = it stopped without a result
job-panicked = it failed ({ $text })

## Asking for a path
path-open-countries = Open countries
path-open-scenario = Open scenario
path-add-event-layer = Add event layer
path-export-png = Export the map as PNG
path-export-svg = Export the map as SVG
path-export-geojson = Export the state as GeoJSON
path-export-csv = Export the state as CSV
path-changes-markdown = Export the changes as Markdown
path-changes-csv = Export the changes as CSV
path-animation = Export animation
path-save-as = Save the scenario as
path-export-sheet = Export the scenario as a spreadsheet
path-action-open = Open
path-action-export = Export
path-action-choose = Choose
path-action-save = Save
path-filter-scenario = Scenario (JSON, spreadsheet)
path-filter-events = Event layer (CSV, GeoJSON)
path-filter-png = PNG image
path-filter-svg = SVG drawing
path-filter-scenario-json = Scenario (JSON)
path-filter-workbook = Workbook (XLSX)
path-filter-all = All files
path-label = Path
path-cancel = Cancel
path-type-it = Type the path.
path-type-hint = Type a file's path.
path-no-dialog = No file dialog could be shown (no desktop portal or zenity answered): type the path.
path-dialog-failed = Could not start the file dialog.

## Help → About
about-description = A desktop map of the Sahel’s security ties over time

## check's problems beside the fields of the Edit forms (English shows check's own sentence)
check-no-source = no source: give at least one web address
check-bad-source = source { $n } is not a web address (http:// or https://)
check-duplicate-id = another item already has this id
check-empty-id = the id is empty
check-outside-span = the date is outside the scenario's span
check-month-not-first = month precision, but the date is not the 1st
check-year-not-first = year precision, but the date is not 1 January
check-unknown-tie = unknown tie
check-unknown-entity = unknown country or organisation
check-unknown-state = unknown state
check-no-place = no place: its links cannot be drawn
check-two-parties = a tie needs at least two parties
check-no-events = no event changes it and it is not in force at the start: it never appears
about-scenario-covers = What the scenario covers
