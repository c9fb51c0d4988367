"""The `kiosk` command's subcommands, a module for each area: members, visits, what
members say, the data folder, badges. Each module's `register` declares its commands."""
