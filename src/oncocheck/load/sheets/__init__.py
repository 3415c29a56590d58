"""The members spreadsheet (`members_file`): reading rows (`rows`), matching headers and cells to
member fields (`read`), merging its members into the network file (`merge`), and naming a cell
the way a coordinator reads it (`place`)."""
