"""The handelingskader build, in stages.

- gegevens: reading data/ (YAML with positions), the typed model, messages, cross-file checks,
  the assembled Handelingskader and the editorial signals;
- adressen: the address book, the one place that spells page paths, navigation, anchors and
  download names;
- web: the generated pages and charts (Markdown templates in web/sjablonen/);
- druk: the Overzicht acties and the pocket cards (HTML/CSS templates in druk/sjablonen/);
- export: the open-data downloads (JSON with its schema, CSV);
- koppeling: the mkdocs plugin that holds one build, and the mkdocs-macros blocks.
"""
