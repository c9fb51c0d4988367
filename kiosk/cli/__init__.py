"""The `kiosk` command: `main` reads the command line and starts the kiosk or a subcommand;
`commands` holds a module of subcommands for each area. Nothing below the command line
imports it."""
