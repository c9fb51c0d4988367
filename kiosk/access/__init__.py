"""Who may do what: the host's PIN and the wait wrong PINs earn, members' own PINs, and the
hashing both are kept with."""
