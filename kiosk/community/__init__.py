"""The community the kiosk serves: members and their profiles, who is here, what members
say to each other, whom to meet and why, topics, milestones and the figures hosts read.
`community.Community` is the one object the screens and the command line talk to; it
keeps its state in memory and follows the data folder through the storage wing."""
