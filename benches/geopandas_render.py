"""The baseline for `sahel-atlas render`: geopandas + matplotlib drawing the same map.

Reads the 1:10m countries, plots them and saves a 1600x1000 PNG, as a person would with the
usual Python stack. Run as a whole process and compare with the Rust render:

    pip install geopandas matplotlib
    hyperfine -w 1 -r 5 \
      'python3 benches/geopandas_render.py ../shared/geodata/ne_10m_admin_0_countries.geojson /tmp/gpd.png' \
      'target/release/sahel-atlas render --at 2023-12-05 --countries ../shared/geodata/ne_10m_admin_0_countries.geojson --out /tmp/sa.png'
"""

import sys

import geopandas
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

SAHEL = {"MLI", "BFA", "NER", "TCD", "MRT"}


def main(src: str, out: str) -> None:
    world = geopandas.read_file(src)
    colours = ["#c97b45" if k in SAHEL else "#e4e1da" for k in world["ADM0_A3"]]
    fig, ax = plt.subplots(figsize=(16, 10), dpi=100)
    world.plot(ax=ax, color=colours, edgecolor="#8c8880", linewidth=0.3)
    ax.set_xlim(-20, 34)
    ax.set_ylim(-2, 54)
    ax.set_axis_off()
    fig.savefig(out)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
