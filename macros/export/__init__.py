"""Stage 2c: the open-data downloads (JSON with its JSON Schema, CSV)."""
