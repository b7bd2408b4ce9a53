# Humas Lab — two commands on a fresh machine with Python 3.11+, pip and make:
#   make lab    set everything up and open JupyterLab at the first notebook
#   make test   set everything up and run every test (unit tests + all notebooks)
# A second run is quick: the environment is only rebuilt when pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.labkit-installed
PORT   ?= 8888
FIRST_NOTEBOOK := notebooks/00_memulai.ipynb
# JupyterLab refuses to run as root unless told to (containers, fresh servers).
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)
# Every test run starts from an empty work folder of its own.
TEST_WORK := $(CURDIR)/build/test-work
JOBS ?= 2

.PHONY: setup lab test test-fast test-lowest lint notebooks data bench clean help browser

help:
	@echo "make lab   - siapkan lingkungan lalu buka JupyterLab (set up, then open JupyterLab)"
	@echo "make test  - siapkan lingkungan lalu jalankan semua uji (set up, then run all tests)"
	@echo "make notebooks - buat ulang versi peserta dari sumber solusi (regenerate trainee notebooks)"
	@echo "make bench - jalankan benchmark (run benchmarks; not part of make test)"
	@echo "make test-lowest - uji dengan versi paket terendah yang dinyatakan (tests at the lower bounds)"

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Humas Lab needs Python 3.11 or newer")'
	@# A usable .venv has pip; rebuild a missing or half-made one. Where the venv module
	@# cannot install pip (Debian/Ubuntu without python3-venv), bootstrap pip into the venv.
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { \
		rm -rf $(VENV); \
		$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
			rm -rf $(VENV) && $(PYTHON) -m venv --without-pip $(VENV) && \
			$(PYTHON) -m pip --python $(BIN)/python install --quiet pip; } || { \
			echo "Tidak dapat membuat .venv. Pasang python3-venv (Debian/Ubuntu: apt install python3-venv), lalu ulangi."; \
			echo "Cannot create .venv. Install python3-venv (Debian/Ubuntu: apt install python3-venv), then retry."; \
			exit 1; }; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

setup: $(STAMP)

lab: setup
	@echo "JupyterLab: buka alamat http://127.0.0.1:$(PORT)/lab?token=... yang dicetak di bawah."
	$(BIN)/jupyter lab --ip=127.0.0.1 --port=$(PORT) --no-browser $(ROOT_FLAG) $(FIRST_NOTEBOOK)

lint: setup
	$(BIN)/ruff check labkit tests benchmarks notebooks
	$(BIN)/ruff format --check labkit tests benchmarks notebooks
	$(BIN)/lint-imports

test: setup lint browser
	$(BIN)/python -m labkit.nbgen --check
	rm -rf $(TEST_WORK)
	LABKIT_WORK_DIR=$(TEST_WORK) MPLBACKEND=Agg LABKIT_LANG=id \
		$(BIN)/python -m pytest -n $(JOBS) --dist loadscope -p no:cacheprovider \
		--nbval-lax --nbval-current-env --nbval-cell-timeout=300 --nbval-kernel-startup-timeout=120 \
		tests notebooks

test-fast: setup
	LABKIT_WORK_DIR=$(TEST_WORK) MPLBACKEND=Agg $(BIN)/python -m pytest -n $(JOBS) -q tests

# Maintainers: the same tests with every runtime dependency at its declared lower bound.
test-lowest: setup
	rm -rf .venv-lowest build/test-work-lowest && mkdir -p build
	$(BIN)/python .ci/lowest.py > build/lowest-constraints.txt
	$(PYTHON) -m venv .venv-lowest
	.venv-lowest/bin/python -m pip install --quiet -c build/lowest-constraints.txt -e ".[dev]"
	LABKIT_WORK_DIR=$(CURDIR)/build/test-work-lowest MPLBACKEND=Agg LABKIT_LANG=id \
		.venv-lowest/bin/python -m pytest -n $(JOBS) --dist loadscope -p no:cacheprovider \
		--nbval-lax --nbval-current-env --nbval-cell-timeout=300 --nbval-kernel-startup-timeout=120 \
		tests notebooks

# Browser tests need Debian's chromium (never `playwright install`, which downloads a browser).
# As root with apt, install it; otherwise the browser tests skip with the reason printed
# (.ci/run sets LABKIT_REQUIRE_BROWSER=1, so in CI a missing browser fails instead).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			echo "Memasang chromium untuk uji peramban (installing chromium for the browser tests)"; \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 || \
			{ apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null; }; \
		else echo "chromium tidak ada dan tidak bisa dipasang (not root or no apt): uji peramban dilewati"; fi; }

notebooks: setup
	$(BIN)/python -m labkit.nbgen

data: setup
	$(BIN)/python -m labkit.universe --seed 2026 --scale 1 --out datasets

bench: setup
	$(BIN)/python -m benchmarks

clean:
	rm -rf build .pytest_cache benchmarks/_data
