# Two commands on a fresh clone: `make run` (install and start the app), `make test` (install
# what the tests need and run the whole suite).

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8501
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test lint bench claims scale-test install install-dev browser clean

run: $(VENV)/.runtime
	$(PY) -m streamlit run app.py --server.port $(PORT)

test: $(VENV)/.dev browser
	$(PY) -m ruff check .
	$(PY) -m pytest

# Two replicas behind haproxy on loopback, driven in chromium: sessions spread, one replica is
# killed and its visitors reconnect to the other with their settings (deploy/scale_test.py)
scale-test: $(VENV)/.dev browser
	PYTHONPATH=. $(PY) deploy/scale_test.py

lint: $(VENV)/.dev
	$(PY) -m ruff check .

# docs/CLAIMS.md: every finding the app can state, measured now at its defaults (tests fail when stale)
claims: $(VENV)/.runtime
	$(PY) -m lossviz.claims

bench: $(VENV)/.runtime
	PYTHONPATH=. $(PY) benchmarks/bench_losses.py

install: $(VENV)/.runtime
install-dev: $(VENV)/.dev

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

# torch==2.13.0: pip takes the CPU build these machines keep locally (README, Two commands)
$(VENV)/.runtime: requirements.txt | $(PY)
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev: requirements-dev.txt $(VENV)/.runtime
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

# Debian's chromium for the browser tests (Playwright cannot download its own browsers here),
# with CJK and emoji fonts so Korean screenshots show text instead of empty boxes; and haproxy,
# the proxy of `make scale-test`, whose configuration the suite checks.
BROWSER_PACKAGES := chromium fonts-noto-cjk fonts-noto-color-emoji haproxy
browser:
	@dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1 || { $(SUDO) apt-get update -qq && \
		$(SUDO) apt-get install -y -qq $(BROWSER_PACKAGES); }

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis test-artifacts
