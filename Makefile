# `make run` and `make test` set everything up by themselves on a fresh machine.
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: setup run test test-a-year-on bench lint lock clean-demo

# Every kiosk installs the same versions: those in requirements.lock, made by `make lock`.
$(READY): pyproject.toml requirements.lock
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(READY)

setup: $(READY)

run: setup
	test -d kiosk-data || $(BIN)/kiosk demo --config config.example.toml
	$(BIN)/kiosk --config config.example.toml

# Two workers: the suite is mostly the kiosk driven on screen, one core each.
test: setup lint
	$(BIN)/pytest -q -n 2

# The suite again with the machine's date a year ahead (Debian's faketime): every test
# tells the time by its own clock, so it passes on any day.
test-a-year-on: setup
	faketime -f '+365d' $(BIN)/pytest -q -n 2

lint: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: setup
	$(BIN)/python -m tests.benchmarks

# The newest versions pyproject.toml allows, written down for every kiosk to install.
LOCKER := .venv-lock
lock:
	test -x $(LOCKER)/bin/pip-compile || (python3 -m venv $(LOCKER) \
		&& $(LOCKER)/bin/python -m pip install --quiet pip-tools==7.5.3)
	$(LOCKER)/bin/pip-compile --quiet --upgrade --extra dev --strip-extras \
		--no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml

clean-demo:
	rm -rf kiosk-data
