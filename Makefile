# `make run` and `make test` set everything up by themselves on a fresh machine.
VENV := .venv
BIN := $(VENV)/bin
READY := $(VENV)/.ready

.PHONY: setup run test test-a-year-on bench lint lock clean-demo messages catalogs

# Every kiosk installs the same versions: those in requirements.lock, made by `make lock`.
$(READY): pyproject.toml requirements.lock
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(READY)

setup: $(READY) catalogs

# The kiosk's words, for translators (see "Translating the kiosk" in the README).
# `make messages` gathers every marked string of the code into the template and brings
# each language's catalog up to date with it; `make catalogs` compiles the catalogs the
# kiosk reads (compiled files are built, never committed). Locations name files without
# line numbers, and entries are sorted, so that branches adding words merge quietly.
LOCALE := kiosk/locale
CATALOG_SOURCES := $(wildcard $(LOCALE)/*/LC_MESSAGES/kiosk.po)
COMPILED := $(CATALOG_SOURCES:.po=.mo)

messages: $(READY)
	$(BIN)/pybabel --quiet extract -F pyproject.toml --project "Check-in Kiosk" \
		--add-location file --sort-output --add-comments "Translators:" \
		--output-file $(LOCALE)/kiosk.pot kiosk screens
	$(BIN)/pybabel --quiet update --domain kiosk --input-file $(LOCALE)/kiosk.pot \
		--output-dir $(LOCALE) --no-fuzzy-matching --ignore-obsolete

catalogs: $(COMPILED)

$(LOCALE)/%/LC_MESSAGES/kiosk.mo: $(LOCALE)/%/LC_MESSAGES/kiosk.po $(READY)
	$(BIN)/pybabel --quiet compile --domain kiosk --input-file $< --output-file $@

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
