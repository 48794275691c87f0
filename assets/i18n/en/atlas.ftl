# Sahel Atlas: the English catalogue. Every key here is also in ../fr/atlas.ftl (a test
# checks both ways). Keys are grouped by where they show.

## Menu bar
menu-file = File
menu-view = View
menu-help = Help
jobs-hint = The map stays usable while files load.

## File menu
file-open-countries = Open countries…
file-open-scenario = Open scenario…
file-add-event-layer = Add event layer…
file-save = Save
file-save-as = Save as…
file-export-sheet = Export as spreadsheet…
file-open-recent = Open recent
file-no-recent = No recent files
file-export = Export
export-events-geojson = Events in the window as GeoJSON…
export-events-csv = Events in the window as CSV…
export-state-geojson = State at this date as GeoJSON…
export-state-csv = State at this date as CSV…
export-map-png = Map as PNG…
export-map-svg = Map as SVG…
export-changes-csv = Changes as CSV…
export-changes-markdown = Changes as Markdown…
export-changes-disabled = Mark two dates first: shift-click the time strip
file-export-animation = Export animation…
file-back-to-embedded = Back to the embedded data
file-drop-hint = Or drop a .geojson or scenario file on the window
file-quit = Quit

## Edit menu
menu-edit = Edit
edit-undo = Undo
edit-redo = Redo
edit-add-event = Add an event on { $date }…
edit-add-tie = Add a tie…
edit-add-entity = Add an organisation or armed group…
edit-errors = { $count ->
    [one] 1 error: saving waits until it is fixed
   *[other] { $count } errors: saving waits until they are fixed
}
unsaved-changes = • unsaved changes
unsaved-changes-hint = File › Save (Ctrl+S) writes them

## View menu
view-zoom-in = Zoom in  (+)
view-zoom-out = Zoom out  (−)
view-reset = Reset view  (0)
view-hide-ended = Hide ended links
view-focus = Focus on the selection
view-focus-hint = Fade the ties of everything but the selected country or organisation
view-sahel-alignment = Alignment of the Sahel states
view-theme = Theme
theme-system = System
theme-light = Light
theme-dark = Dark
view-language = Language
language-system = System ({ $lang })

## Help menu
help-changelog = What changed this year
help-gestures = Drag to pan, wheel or pinch to zoom, click a country for details.
help-keys-events = Left / Right arrow: previous / next event   Space: play / pause
help-keys-span = Home / End: start / end   + / − / 0: zoom in / out / reset
help-keys-escape = Esc: clear the selection, leave compare mode
help-keys-compare = Shift-click or shift-drag the time strip: compare two dates
help-keys-find = Ctrl+F or /: find a country   Ctrl+Q: quit
help-keys-edit = Ctrl+Z / Ctrl+Shift+Z: undo / redo an edit   Ctrl+S: save
help-about = About Sahel Atlas

## About window
about-title = About Sahel Atlas
about-scenario = Scenario: { $title }
about-data = Data: { $events } events on { $ties } ties, { $start } to { $end }
about-research = Research covers events up to { $date }
about-countries = Countries: Natural Earth (public domain)
about-licence = Licence: { $licence }

## Counts
map-ties-between = { $count ->
    [one] { $count } tie between these two:
   *[other] { $count } ties between these two:
}

## Pictures (PNG, SVG, frames, GIF, MP4)
picture-from-to = From { $from } to { $to }
picture-approx = { $date } (approx.)
picture-latest = Latest event: { $date } — { $title }
picture-no-source = No sourced event on or before this date.
picture-sources = Sources of the events shown:{" "}
picture-and-more = and { $count } more

## Statuses of a tie
status-planned = Planned
status-active = Active
status-suspended = Suspended
status-winding-down = Winding down
status-ended = Ended

## Legends (screen and pictures)
legend-what-changed = What changed
legend-links = Links
legend-countries = Countries
legend-sahel-state = Sahel state
legend-sahel-military = Sahel state under military rule
legend-partner-live = Partner with a live tie
legend-former-partner = Former partner
legend-other-country = Other country
legend-troops = Width: 100 · 1,000 · 10,000 troops
legend-site = Site (base, camp)
legend-organisation = Organisation
legend-appeared = Appeared
legend-ended = Ended
legend-changed = Changed status (old colour, then new)
legend-unconfirmed = Status not confirmed lately
