"""Stage 1: reading data/ into one checked Handelingskader (model, messages, checks, signals)."""
