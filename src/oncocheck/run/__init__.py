"""Running a check: load, check and report, for one file (`file`) or a batch (`batch`), in
this process or a pool (`pool`), with the one decision of which criteria apply (`decide`)."""
