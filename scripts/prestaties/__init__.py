"""The benchmark's parts (scripts/benchmark.py): measuring child processes, the projects it builds,
the PDFs, and the comparison with mkdocs-to-pdf."""
