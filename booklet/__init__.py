"""Patient-education kit builder: one content source, a booklet, handouts and a deck."""
