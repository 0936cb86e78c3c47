"""The hosted demo: its image (no Docker engine here, so lint it and check the conventions it must
keep) and the server settings it runs with."""

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def test_hadolint_finds_nothing():
    hadolint = Path(sys.executable).parent / "hadolint"
    result = subprocess.run([str(hadolint), str(ROOT / "Dockerfile")], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_image_conventions():
    assert DOCKERFILE.splitlines()[1].startswith("FROM python:3.11-slim")
    assert "EXPOSE 8501" in DOCKERFILE and "/_stcore/health" in DOCKERFILE
    assert any(line.startswith("USER ") and line.split()[1] not in ("root", "0") for line in DOCKERFILE.splitlines())
    assert "requirements.txt" in DOCKERFILE


def test_image_copies_what_the_app_imports_and_nothing_else():
    copied = {line.split()[2] for line in DOCKERFILE.splitlines() if line.startswith("COPY --chown")}
    assert copied == {"app.py", ".streamlit", "lossviz", "static"}  # static/: the charts' plotly.js
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert {".git", ".venv", "tests"} <= set(ignored)


def test_server_settings_suit_a_public_demo():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["server"]["headless"] and config["server"]["enableXsrfProtection"]
    assert config["server"]["maxUploadSize"] <= 10
    assert config["browser"]["gatherUsageStats"] is False
    # Streamlit's forced full garbage collection after every run costs each slider move 40-55 ms
    assert config["runner"]["postScriptGC"] is False
