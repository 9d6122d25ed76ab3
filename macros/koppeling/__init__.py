"""The mkdocs glue: the plugin that holds one build, and the blocks for hand-written pages."""
