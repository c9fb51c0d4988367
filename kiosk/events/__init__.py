"""The community's events: those hosts add at the kiosk or on the command line, and those
of the iCalendar feeds the config names, each expanded into its occurrences in the kiosk's
one time zone (`agenda.py`), fetched from the web in the background and kept for when it
cannot be reached (`feeds.py`), read and written as iCalendar (`icalendar_files.py`), and
said as a person reads them (`wording.py`).

It may import the storage, the timekeeping and the records; the community imports it, not
the other way round. The iCalendar libraries are imported only where a calendar is read
or written, so a door command loads none of them.
"""
