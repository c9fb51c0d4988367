"""Check-in Kiosk core: members, visits and shout-outs, their storage, config and the CLI.

Nothing in this package imports Textual, so scripts and the command line start fast.
"""
