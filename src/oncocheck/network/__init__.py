"""The network file, format 1: its model, the discipline vocabulary it names, reading one
file with its members spreadsheet, its JSON Schema and the template `init` writes."""
