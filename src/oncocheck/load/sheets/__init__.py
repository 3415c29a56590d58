"""The members spreadsheet (`members_file`): opening it safely (`opening`), reading rows
(`rows`, `cells`), matching headers and cells to member fields (`read`), and merging its
members into the network file (`merge`)."""
