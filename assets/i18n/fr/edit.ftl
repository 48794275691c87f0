# Sahel Atlas, français : les formulaires d’édition, les dialogues et les messages de l’appli.
# Chaque clé est aussi dans ../en/edit.ftl (un test le vérifie).
