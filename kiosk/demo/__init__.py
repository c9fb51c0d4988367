"""Demo communities: the friendly one `kiosk demo` seeds, and large synthetic ones for the
benchmarks."""
