"""The baseline for `sahel-atlas render --out clip.mp4`: geopandas + matplotlib's FuncAnimation
writing the same clip, as a person would with the usual Python stack.

It draws, for each monthly date, the 1:50m countries (Sahel states ochre, dark ochre under
military rule), the scenario's links as lines coloured by status, and the date, then lets
matplotlib's FFMpegWriter (which needs the ffmpeg program) encode a 1280x720 H.264 MP4 at
2 frames per second. Run as a whole process and compare with the Rust render:

    pip install geopandas matplotlib     # and ffmpeg: apt-get install ffmpeg
    /usr/bin/time -v python3 benches/geopandas_animation.py \
        ../shared/geodata/ne_50m_admin_0_countries.geojson geodata/scenario.json \
        2023-01-01 2024-01-01 /tmp/gpd.mp4
    /usr/bin/time -v target/release/sahel-atlas render --from 2023-01-01 --to 2024-01-01 \
        --step 1m --size 1280x720 --out /tmp/sa.mp4
"""

import datetime as dt
import json
import sys

import geopandas
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.animation import FFMpegWriter, FuncAnimation  # noqa: E402

SAHEL = {"MLI", "BFA", "NER", "TCD", "MRT"}
STATUS = {
    "planned": "#6a5acd",
    "active": "#1b7f3b",
    "suspended": "#d98e04",
    "winding-down": "#c0392b",
    "ended": "#8a8a8a",
}


def months(start: dt.date, end: dt.date):
    d = start
    while d <= end:
        yield d
        d = dt.date(d.year + (d.month == 12), d.month % 12 + 1, d.day)


def state_at(scenario, date: dt.date):
    """Each relationship's status and each state's government at a date (a fold of the events)."""
    links = {r["id"]: "active" for r in scenario["relationships"] if r.get("in_force_at_start")}
    government = {
        e["id"]: e["government"]["form"] for e in scenario["entities"] if e.get("government")
    }
    for event in sorted(scenario["events"], key=lambda e: e["date"]):
        if dt.date.fromisoformat(event["date"]) > date:
            break
        for change in event["changes"]:
            if "relationship" in change:
                links[change["relationship"]] = change["status"]
            elif "government" in change:
                government[change["state"]] = change["government"]
    return links, government


def main(countries: str, scenario_path: str, start: str, end: str, out: str) -> None:
    world = geopandas.read_file(countries)
    with open(scenario_path, encoding="utf-8") as f:
        scenario = json.load(f)
    places = {e["id"]: (e["place"]["lon"], e["place"]["lat"]) for e in scenario["entities"]}
    parties = {r["id"]: r["parties"] for r in scenario["relationships"]}
    dates = list(months(dt.date.fromisoformat(start), dt.date.fromisoformat(end)))

    fig, ax = plt.subplots(figsize=(12.8, 7.2), dpi=100)
    fig.subplots_adjust(0, 0, 1, 1)

    def draw(i):
        ax.clear()
        links, government = state_at(scenario, dates[i])
        colours = [
            ("#c97b45" if government.get(k) == "military" else "#e3a85b")
            if k in SAHEL
            else "#e4e1da"
            for k in world["ADM0_A3"]
        ]
        world.plot(ax=ax, color=colours, edgecolor="#8c8880", linewidth=0.5)
        for rel, status in links.items():
            ends = [places[p] for p in parties.get(rel, []) if p in places]
            for other in ends[1:]:
                ax.plot(
                    [ends[0][0], other[0]],
                    [ends[0][1], other[1]],
                    color=STATUS[status],
                    linewidth=2,
                    alpha=0.45 if status == "ended" else 1.0,
                )
        ax.set_xlim(-30, 45)
        ax.set_ylim(-5, 60)
        ax.set_axis_off()
        ax.text(-28, 56, dates[i].strftime("%-d %B %Y"), fontsize=28)

    animation = FuncAnimation(fig, draw, frames=len(dates))
    animation.save(out, writer=FFMpegWriter(fps=2, codec="libx264", extra_args=["-pix_fmt", "yuv420p"]))


if __name__ == "__main__":
    main(*sys.argv[1:6])
