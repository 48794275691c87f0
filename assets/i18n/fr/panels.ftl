# Sahel Atlas, français : les panneaux, la barre du temps, les infobulles de la carte et les
# graphiques. Chaque clé est aussi dans ../en/panels.ftl (un test le vérifie).
