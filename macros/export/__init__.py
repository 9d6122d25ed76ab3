"""Stage 2c: the open-data downloads: JSON with its JSON Schema (opendata.py), the CSVs (tabel.py),
their descriptions for data portals (beschrijving.py, datapakket.py, dcat.py), all of a build
together (downloads.py)."""
