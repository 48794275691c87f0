# Sahel Atlas, English: event layers, animations, and the change lists (diff, changelog).
# Every key here is also in ../fr/layers.ftl (a test checks both ways).
