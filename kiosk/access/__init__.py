"""Who may do what: the host's PIN and the wait wrong PINs earn, members' own PINs, the
hashing both are kept with, and the warnings only a host may read."""
