# Sahel Atlas, English: editing forms, dialogs and the messages the app shows.
# Every key here is also in ../fr/edit.ftl (a test checks both ways).
