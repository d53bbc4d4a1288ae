# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run demo test lint typecheck bench torture package clean

$(STAMP): pyproject.toml setup.py
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $(STAMP)

$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(TEST_STAMP)

run: $(STAMP)
	$(BIN)/doancoso

demo: $(STAMP)
	@test -f demo-data/doancoso.sqlite || $(BIN)/doancoso --data-dir demo-data demo --members 800
	$(BIN)/doancoso --data-dir demo-data

lint: $(TEST_STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks

# The three conftest.py that pyproject.toml's mypy section leaves out share the module name
# conftest with tests/conftest.py: each is checked on its own.
typecheck: $(TEST_STAMP)
	$(BIN)/mypy
	for f in tests/cleaning/conftest.py tests/core/bundle/conftest.py \
		tests/core/roster/spreadsheets/conftest.py; do \
		$(BIN)/mypy --no-warn-unused-configs $$f || exit 1; done

test: $(TEST_STAMP) lint typecheck
	QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q

# The long run of the tests that break things on purpose (kills, fuzzing): RELIABILITY.md.
torture: $(TEST_STAMP)
	DOANCOSO_KILLS=500 DOANCOSO_FUZZ_CASES=3000 QT_QPA_PLATFORM=offscreen $(BIN)/pytest -q -s \
		tests/core/roster/spreadsheets/test_sheet_kills.py \
		tests/core/rating/test_rating_kills.py \
		tests/core/roster/spreadsheets/test_reader_fuzz.py \
		tests/core/backup/test_restore_fuzz.py \
		tests/core/bundle/test_bundle_kills.py \
		tests/core/bundle/test_bundle_fuzz.py \
		tests/core/bundle/test_rows_fuzz.py \
		tests/core/recognition/test_data_file_fuzz.py \
		tests/core/test_sheet_readers_fuzz.py \
		tests/ui/shell/test_state_fuzz.py

bench: $(TEST_STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m benchmarks

# The desktop bundle in dist/doancoso/ (PyInstaller onedir), then its checks: size, excluded Qt
# modules, run-time files, launch time frozen vs source (packaging/check_bundle.py). Not in `test`.
package: $(TEST_STAMP)
	$(BIN)/python -m pip install --quiet -e '.[package]'
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build \
		packaging/doancoso.spec
	$(BIN)/python packaging/check_bundle.py dist/doancoso

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
