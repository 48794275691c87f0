# Sahel Atlas, English: event layers, animations, and the change lists (diff, changelog).
# Every key here is also in ../fr/layers.ftl (a test checks both ways).

## Conflict-event layers: the legend section
layers-title = Conflict events
layers-remove = Remove
layers-summary = { $format }: { $count ->
    [one] 1 event
   *[other] { $n } events
}, { $span }
layers-skipped = { $count ->
    [one] 1 row of the file left out: it could not be read
   *[other] { $n } rows of the file left out: they could not be read
}
layers-window = Window:
layers-window-all = All
layers-window-days = { $days } d
layers-in-window = { $count ->
    [one] 1 event
   *[other] { $n } events
}, { $deaths } fatalities in the window ending { $date }; older events fade.
layers-points = Points: colour by type, size by fatalities
layers-actor = Actor:
layers-any-actor = any actor
layers-hexagons = Hexagons:
layers-count = Count
layers-fatalities = Fatalities
layers-ramp-count = 1 … 200+ events
layers-ramp-fatalities = 0 … 1000+ deaths
layers-zoomed-in = Zoomed in: single events as points.
layers-zoom-in = Zoom in for single events.

## Event types as ACLED and UCDP name them (the data keeps the English names)
event-type-battles = Battles
event-type-violence-against-civilians = Violence against civilians
event-type-explosions = Explosions/Remote violence
event-type-riots = Riots
event-type-protests = Protests
event-type-strategic = Strategic developments
event-type-state-based = State-based conflict
event-type-non-state = Non-state conflict
event-type-one-sided = One-sided violence

## Tooltips over the map and the list of picked events
layers-tip-hexagon = { $count ->
    [one] 1 event in this hexagon, { $deaths } fatalities
   *[other] { $n } events in this hexagon, { $deaths } fatalities
}
layers-tip-click-list = Click to list them
layers-fatalities-n = Fatalities: { $deaths }
layers-tip-more = and { $n } more here ({ $deaths } fatalities in all)
layers-tip-click-source = Click for notes and source
layers-list-window = Events here
layers-list-hexagon = { $count ->
    [one] 1 event in this hexagon
   *[other] { $n } events in this hexagon
}
layers-list-here = { $count ->
    [one] 1 event here
   *[other] { $n } events here
}
layers-list-more = … and { $n } more (zoom in to see fewer)
layers-source = Source:

## Choosing a CSV's columns
layers-columns-title = Choose the event columns
layers-columns-why = No column of this CSV is recognised as a date or as coordinates. Which columns hold them? The choice is remembered for files with the same header.
layers-column-date = Date
layers-column-latitude = Latitude
layers-column-longitude = Longitude
layers-columns-preview = The first rows, as they would be read:
layers-columns-load = Load
layers-columns-cancel = Cancel

## A state's conflict events (details panel)
layers-state-days = { $count ->
    [one] 1 event
   *[other] { $n } events
}, { $deaths } fatalities in the { $days } days to { $date }
layers-state-all = { $count ->
    [one] 1 event
   *[other] { $n } events
}, { $deaths } fatalities up to { $date }
layers-per-month-events = events per month, at most { $top }
layers-per-month-fatalities = fatalities per month, at most { $top }
layers-month-events = { $month }: { $n } events
layers-month-fatalities = { $month }: { $n } fatalities

## Picture captions
layers-caption-days = Conflict events, the { $days } days to { $date } ({ $marks }): { $names }
layers-caption-all = Conflict events, up to { $date } ({ $marks }): { $names }
layers-caption-hex-count = hexagons: events
layers-caption-hex-fatalities = hexagons: fatalities
layers-caption-points = points: colour by type, size by fatalities
layers-added-skipped = Added { $path }: { $events } events; { $skipped } rows could not be read and were left out. The first:

## Export animation
anim-title = Export animation
anim-from = From
anim-to = To
anim-step = Step
anim-step-hint = 7d, 2w, 1m or 1y
anim-size = Size
anim-size-hint = WIDTHxHEIGHT, such as 1280x720
anim-format = Format
anim-mp4 = MP4 video
anim-fps = Frames per second
anim-hold = Hold on events
anim-hold-hint = Pause on each frame where an event takes effect, with its title as a headline; 0 lets time flow evenly.
anim-view = View
anim-use-view = The map's current view
anim-file = File
anim-choose = Choose…
anim-export = Export
anim-cancel = Cancel
anim-estimating = estimating the time left
anim-left = about { $time } left
anim-progress = frame { $done } of { $total }, { $left }
anim-no-dialog = No file dialog could be shown (no desktop portal or zenity answered): type the path instead.
anim-dialog-failed = Could not start the file dialog: type the path instead.
anim-wrote = Wrote { $path }: { $frames } frames ({ $held } held on events), { $time }, { $kb } KB.
anim-cancelled = Cancelled: nothing was written to { $path }.
anim-write-failed = Could not write { $path }: { $error }
anim-job-failed = Could not write { $path }: { $why }.
anim-field-from = From: { $error }
anim-field-to = To: { $error }
anim-field-step = Step: { $error }
anim-field-size = Size: { $error }
anim-no-file = Choose or type the file to write.

## Change lists (diff --markdown, changelog --markdown, the Changes panel's export)
changelist-diff-title = What changed from { $from } to { $to }
changelist-diff-count = { $count ->
    [one] 1 tie changed status ({ $scenario }).
   *[other] { $count } ties changed status ({ $scenario }).
}
changelist-other-ties = Other ties
changelist-appeared = appeared
changelist-ended = ended
changelist-changed = changed
changelist-none = none
changelist-log-title = Ties that began and ended, by year
changelist-began = Began
changelist-ended-heading = Ended
changelist-status-planned = planned
changelist-status-active = active
changelist-status-suspended = suspended
changelist-status-winding-down = winding-down
changelist-status-ended = ended
changelist-event-line = { $date }: { $title } (sources: { $links })
changelist-change-line = **{ $label }** ({ $kind }; { $parties }): { $change }, { $from } → { $to }
changelist-log-line = **{ $label }**: { $event }
