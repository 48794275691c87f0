# Sahel Atlas, English: the side panels, the time bar, the map's tooltips and the charts.
# Every key here is also in ../fr/panels.ftl (a test checks both ways).

## Details panel: find, a country, a tie
details-hint = Click a country or a link on the map, or search for a country.
details-find = Find a country
details-find-hint = name, any case, accents optional
details-find-keys = Ctrl+F or /
details-no-match = No country by that name
details-clear-selection = Clear the selection (Esc)
details-edit = Edit…
details-not-in-scenario = Not part of the scenario.
details-on-date = On { $date }
details-government = Government: { $form }
details-government-civilian = civilian
details-government-military = military
details-since = since { $date }
details-since-start = since before the span
details-codes = Codes
details-population = Population
details-population-value = { $number } ({ $year } est.)
details-gdp = GDP
details-gdp-value = { $amount } ({ $year })
details-region = Region
details-ties = Ties ({ $count })
details-none-at-date = None at this date.
details-show-history = Show its history
details-events = Events
details-partners-over-time = Partners over time
details-ties-with = Ties with { $name }
details-close = Close
details-edit-tie = Edit tie…
details-site = Site: { $name } ({ $lat }, { $lon })
details-now = Now: { $status }
details-not-yet = Does not exist yet at this date
details-history = History
details-in-force-before = In force before { $date }
details-history-row = { $date } › { $what }: { $title }
details-all-links = All links at this date ({ $count })
details-in-english = (in English)
details-in-english-hint = No French translation of this text yet: it is shown in English.

## Dates, sizes and notes of ties and events (model)
event-announced-effective = announced { $date } · effective { $effective }
details-since-period = since { $date }
tie-last-confirmed = status last confirmed on { $date }
tie-size-troops = { $count ->
    [one] { $number } troop
   *[other] { $number } troops
}

## Events list and the current event's card
events-heading = Events
events-count = { $shown } of { $total } events, { $start } – { $end }. Click one to go to its date.
events-filter = Filter events
events-filter-hint = words; Up/Down to pick, Enter to go
events-any = any
events-state = State
events-partner = Partner
events-kind = Kind
events-clear = Clear
events-edit-event = Edit event…
events-delete-event = Delete event
events-edit = Edit…
events-delete = Delete
events-notice = Notice: { $notice }
events-sources = Sources:
events-low-confidence = low confidence
events-change-status = › { $tie }: { $what }
events-change-reaffirmed = › { $tie }: reaffirmed{ $size }
events-change-size = › { $tie }: size{ $size }
events-change-government = › { $state }: { $form } government{ $leader }

## Time bar
time-date-hover = The date the map shows
time-start = « Start
time-start-hint = Start (Home)
time-previous = ‹ Previous event
time-previous-hint = Previous event (Left arrow)
time-pause = Pause
time-play = Play
time-play-hint = Play / pause (Space)
time-next = Next event ›
time-next-hint = Next event (Right arrow)
time-end = End »
time-end-hint = End (End)
time-speed = Speed
time-speed-custom = custom
time-speed-week = 1 week/s
time-speed-month = 1 month/s
time-speed-quarter = 1 quarter/s
time-speed-half-year = 6 months/s
time-speed-year = 1 year/s
time-loop = Loop
time-go-to = Go to date
time-date-format = YYYY-MM-DD
time-go = Go
time-bad-date = Cannot go to that date: { $error }
time-strip = Time strip
time-beyond-data = Beyond the data: the research covers events up to { $date }
map-label = Map

## Changes panel (compare mode)
changes-none = none
changes-appeared = Appeared
changes-ended = Ended
changes-changed = Changed
changes-heading = Changes
changes-from-to = From { $from } to { $to }
changes-leave = Leave compare mode
changes-leave-hint = Esc
changes-export = Export…
changes-as-csv = Changes as CSV…
changes-as-markdown = Changes as Markdown…
changes-count = { $count ->
    [one] { $count } tie changed status
   *[other] { $count } ties changed status
}
changes-nothing = Nothing changed between these dates.
changes-kind-row = { $kind }:
changes-to = to
changes-compare-with = Compare with
changes-compare-hint = Or shift-click or shift-drag on the strip below
changes-compare = Compare
changes-bad-date = Cannot compare with that date: { $error }

## What changed this year (Help menu)
changelog-title = What changed this year
changelog-year-before = The year before
changelog-year-after = The year after
changelog-copy = Copy as Markdown
changelog-copy-hint = With every event's sources
changelog-began = Began
changelog-ended = Ended
changelog-list = { $title } ({ $count })
changelog-none = None.
changelog-go-hint = { $title }
    Click to go to that date.

## Alignment charts in the app
alignment-by-counterpart = Ties by counterpart
alignment-by-counterpart-hint = One row per state or body it has ties with, coloured by the most live status of those ties; ended ties are a thin grey line, sanctions are left out. Click to go to a date; hover a band for its ties.
alignment-over-time = Alignment over time
alignment-over-time-hint = Live ties (active or winding down) per partner group, stacked; sanctions are left out. Click to go to a date; hover a band for its ties.
alignment-click-to-go = { $date }: click to go there
alignment-band = { $entity }, { $group }: { $count } from { $from } to { $to }
alignment-tie-band = { $entity } – { $counterpart }: { $status } from { $from } to { $to }
alignment-no-tie = { $entity } – { $counterpart }: no tie on { $date }
alignment-not-begun = not begun
alignment-sahel-title = Alignment of the Sahel states
alignment-sahel-hint = Live ties (active or winding down) per partner group. Click to go to a date; hover a band for its ties.

## Partner groups
group-other = Other

## Legend and filters (side panel)
legend-custom-countries = Custom countries
legend-natural-earth-50 = Natural Earth 1:50m
legend-natural-earth-110 = Natural Earth 1:110m
legend-and-filters = Legend and filters
legend-focus = Focus on the selection
legend-focus-hint = Draw the selected country's or organisation's ties at full strength and fade the rest
legend-width-and-sites = Width and sites
legend-show-all = Show all links
legend-compare-from-to = What changed from { $from } to { $to }
legend-everything-else = Everything else is faded.
legend-unconfirmed-hint = No source has confirmed the status since a date: the tooltip and the details say which
legend-by-status = Links by status
legend-show-status = Show links that are { $status }
legend-kinds = Kinds
legend-partners = Partners
legend-troops-hint = An arc is as wide as the troops its tie has at the date, where a source gives them; the others are drawn at their status's width
legend-site-hint = Where a tie is on the ground: its arc ends there, and zoomed in the site is named

## Map: tooltips, zoom buttons, banners
map-toward = { $count ->
    [one] Toward { $name }: click to frame both ends of its tie
   *[other] Toward { $name }: click to frame both ends of its { $count } ties
}
map-tie-since = { $status } { $since }
map-at-site = At { $site }
map-source = Source: { $source }
map-click-for-history = Click for its history
map-zoom-in = Zoom in (+)
map-zoom-out = Zoom out (−)
map-reset = Reset
map-reset-hint = Reset view (0)
map-dismiss = Dismiss
map-more = { $count } more

## Sources in panels
sources-numbered = source { $number }
sources-compact = src
sources-not-opened = not a web address; not opened
sources-not-opened-row = { $text }: { $source } ({ $why })

## Right panel tabs
panel-tab-changes = Changes
panel-tab-events = Events


## Alignment charts (the app and `sahel-atlas chart`)
chart-no-ties = No ties in the scenario (sanctions are left out)
chart-svg-title = Alignment over time
chart-title-counterparts = { $name }: ties by counterpart and status, { $start }–{ $end }
chart-title-groups = { $name }: live ties per partner group, { $start }–{ $end }
chart-title-sahel = The Sahel states: live ties per partner group, { $start }–{ $end }

## Natural Earth regions (a country's facts)
region-africa = Africa
region-americas = Americas
region-antarctica = Antarctica
region-asia = Asia
region-australia-and-new-zealand = Australia and New Zealand
region-caribbean = Caribbean
region-central-america = Central America
region-central-asia = Central Asia
region-eastern-africa = Eastern Africa
region-eastern-asia = Eastern Asia
region-eastern-europe = Eastern Europe
region-europe = Europe
region-melanesia = Melanesia
region-micronesia = Micronesia
region-middle-africa = Middle Africa
region-north-america = North America
region-northern-africa = Northern Africa
region-northern-america = Northern America
region-northern-europe = Northern Europe
region-oceania = Oceania
region-polynesia = Polynesia
region-seven-seas-open-ocean = Seven seas (open ocean)
region-south-america = South America
region-south-eastern-asia = South-Eastern Asia
region-southern-africa = Southern Africa
region-southern-asia = Southern Asia
region-southern-europe = Southern Europe
region-western-africa = Western Africa
region-western-asia = Western Asia
region-western-europe = Western Europe
