"""The data folder on disk: files written whole or not at all, the journal that makes a
check-in fast, members spread over small files, the history of finished visits, changes
to several files made at once, checks of every file, backups, repairs and migration from
older layouts. Nothing here knows what a member or a visit means to the community:
storage imports nothing of the community, the command line or the screens."""
