"""A second baseline for `sahel-atlas render`: Mapnik, the C++ renderer behind
OpenStreetMap's tiles, drawing just the countries (fills and borders) of the 1:10m layer at
1600x1000 in the app's Equal Earth projection, around the Sahel. Sahel Atlas draws more (links,
labels, legend, title, caption) in the same picture; this is the guard of issue #9: at least
3x faster than Mapnik on the countries alone.

Debian's Mapnik binding is for the system Python:

    apt-get install python3-mapnik hyperfine
    hyperfine -w 1 -r 12 -N \
      '/usr/bin/python3 benches/mapnik_render.py ../shared/geodata/ne_10m_admin_0_countries.geojson /tmp/mapnik.png' \
      'target/release/sahel-atlas render --at 2023-12-05 --countries ../shared/geodata/ne_10m_admin_0_countries.geojson --out /tmp/sa.png'
"""

import sys

import mapnik

SAHEL = ("MLI", "BFA", "NER", "TCD", "MRT")


def main(src: str, out: str) -> None:
    m = mapnik.Map(1600, 1000, "+proj=eqearth +datum=WGS84 +units=m +no_defs")
    m.background = mapnik.Color("#cfe0ea")
    style = mapnik.Style()
    sahel = mapnik.Rule()
    is_sahel = " or ".join(f"[ADM0_A3] = '{k}'" for k in SAHEL)
    sahel.filter = mapnik.Expression(is_sahel)
    fill = mapnik.PolygonSymbolizer()
    fill.fill = mapnik.Color("#c97b45")
    sahel.symbols.append(fill)
    other = mapnik.Rule()
    other.filter = mapnik.Expression(f"not ({is_sahel})")
    land = mapnik.PolygonSymbolizer()
    land.fill = mapnik.Color("#e4e1da")
    other.symbols.append(land)
    border = mapnik.Rule()
    line = mapnik.LineSymbolizer()
    line.stroke = mapnik.Color("#8c8880")
    line.stroke_width = 0.8
    border.symbols.append(line)
    style.rules.append(sahel)
    style.rules.append(other)
    style.rules.append(border)
    m.append_style("countries", style)
    layer = mapnik.Layer("countries", "+proj=longlat +datum=WGS84 +no_defs")
    layer.datasource = mapnik.Datasource(type="geojson", file=src)
    layer.styles.append("countries")
    m.layers.append(layer)
    # The app's default Sahel view: about 20°W to 34°E, centred on the Sahel.
    box = mapnik.Box2d(-20.0, -2.0, 34.0, 54.0)
    proj = mapnik.ProjTransform(
        mapnik.Projection("+proj=longlat +datum=WGS84 +no_defs"),
        mapnik.Projection(m.srs),
    )
    m.zoom_to_box(proj.forward(box))
    mapnik.render_to_file(m, out, "png")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
