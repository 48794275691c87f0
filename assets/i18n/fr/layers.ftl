# Sahel Atlas, français : les couches d’événements, les animations et les listes de
# changements (diff, journal). Chaque clé est aussi dans ../en/layers.ftl (un test le vérifie).
