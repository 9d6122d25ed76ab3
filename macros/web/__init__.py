"""Stage 2a: the generated web pages and charts, rendered from Markdown templates in sjablonen/."""
