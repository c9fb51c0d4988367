"""The commands' arguments, a module for each area: every command's name, help and
argument builder, and the name of the handler that runs it. Light on purpose: `kiosk`
reads these for every command, and imports a handler's module only when it runs."""
