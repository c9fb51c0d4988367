"""The community meeting the world outside the kiosk: members and visits as CSV files,
spreadsheets read with care, a member's own data to take away, the SpaceAPI file, the
wall board's picture and serving it to browsers."""
