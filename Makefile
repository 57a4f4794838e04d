# `make demo` and `make test` install what they need first, on a fresh machine too.
PYTHON ?= python3
PIP ?= $(PYTHON) -m pip
NOTEBOOKS := notebooks
HOST := 127.0.0.1
PORT ?= 8888
DASHBOARD_PORT ?= 8866

.PHONY: dashboard demo test bench build install install-test chromium lint pytest vitest e2e docs

js/node_modules/.package-lock.json: js/package.json js/package-lock.json
	cd js && npm ci --no-audit --no-fund

# The front end is built by npm here, and by hatch-jupyter-builder on `pip install`.
build: js/node_modules/.package-lock.json
	cd js && npm run build

install: build
	$(PIP) install -q -e .

install-test: build
	$(PIP) install -q -e ".[test,docs]"

# Debian's Chromium is the browser of the real-browser tests (no browser downloads here).
chromium:
	@command -v chromium >/dev/null || { \
		SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
		$$SUDO apt-get update -q && $$SUDO apt-get install -y -q chromium; }

demo: install
	$(PIP) install -q "jupyterlab>=4.2"
	@echo "Starting JupyterLab; open the URL printed below (Ctrl-C stops it)."
	$(PYTHON) -m jupyterlab --no-browser --ip=$(HOST) --port=$(PORT) \
		--ServerApp.root_dir=$(NOTEBOOKS) --LabApp.news_url=None \
		--LabApp.default_url=/lab/tree/01_playground.ipynb \
		$$( [ "$$(id -u)" = 0 ] && echo --allow-root )

# The teaching dashboard (notebooks/08_dashboard.ipynb) served by Voila, outputs only.
dashboard: install
	@$(PYTHON) -c "import voila" 2>/dev/null || $(PIP) install -q "voila>=0.5"
	@echo "Serving the dashboard at http://$(HOST):$(DASHBOARD_PORT)/ (Ctrl-C stops it)."
	$(PYTHON) -m voila $(NOTEBOOKS)/08_dashboard.ipynb --no-browser \
		--Voila.ip=$(HOST) --port=$(DASHBOARD_PORT) --Voila.port_retries=0

lint: js/node_modules/.package-lock.json
	$(PYTHON) -m ruff check nnwidgets tests
	$(PYTHON) -m ruff format --check nnwidgets tests
	cd js && npm run typecheck

pytest:
	$(PYTHON) -m pytest -q -m "not e2e"

e2e:
	$(PYTHON) -m pytest -q -m e2e

vitest:
	cd js && npx vitest run

# The documentation, from docs/ and the docstrings, into site/; --strict fails on any warning.
docs:
	NO_MKDOCS_2_WARNING=1 $(PYTHON) -m mkdocs build --strict

test: install-test chromium lint vitest pytest e2e docs

# Every benchmark runs, even after one misses a target; the exit status says whether any did.
bench: install-test chromium
	@status=0; for script in tests/bench/bench_*.py; do \
		echo "== $$script"; $(PYTHON) $$script || status=1; done; exit $$status
