"""The kiosk's Textual screens. The core (`kiosk`) never imports this package."""
