"""The members spreadsheet (`members_file`): its bytes read safely (`opening`), its rows
(`rows`), its sheet, header row and columns (`header`), what was skipped to read it (`notes`),
and its members merged into the network file (`merge`)."""
