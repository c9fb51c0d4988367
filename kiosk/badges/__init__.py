"""Badges and codes: the badge codes themselves, telling a scanner from a person typing, QR
codes, printable badges as SVG and PNG and sheets of them, and the Wi-Fi code. It needs
only the records of members."""
