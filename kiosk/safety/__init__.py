"""Safety: the emergency roll call, the one list that names everyone in the building.

It is for hosts alone (the host console and the command line), never the door or a
board, and it reads a data folder it may not write (a read-only one, or a backup), since
in an emergency the building may be empty of kiosks.
"""
