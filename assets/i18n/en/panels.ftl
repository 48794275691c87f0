# Sahel Atlas, English: the side panels, the time bar, the map's tooltips and the charts.
# Every key here is also in ../fr/panels.ftl (a test checks both ways).
