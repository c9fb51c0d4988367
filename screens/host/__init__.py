"""The host console: the live board with everyone here, members, moderation of shout-outs,
the question of the week, and attendance stats. Opened with the host PIN."""
