"""The library never imports the orchestration layer: src/newsgate names neither Prefect nor
flows/, and importing every module of it loads neither."""

import pkgutil
import re
import subprocess
import sys

import newsgate
from tests.conftest import ROOT

LIBRARY = ROOT / "src" / "newsgate"
FORBIDDEN = re.compile(r"prefect|flows")
# English word lists (nlp/data/names/common_words.txt holds "prefect" and "workflows") are
# vocabulary, not references to the orchestration layer
VOCABULARY = LIBRARY / "nlp" / "data"


def test_no_library_file_names_the_orchestration_layer():
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(LIBRARY.rglob("*"))
        if path.is_file()
        and "__pycache__" not in path.parts
        and not path.is_relative_to(VOCABULARY)
        for number, line in enumerate(
            path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
        )
        if FORBIDDEN.search(line)
    ]
    assert offenders == []


def test_importing_every_library_module_loads_neither_prefect_nor_flows():
    modules = sorted(
        info.name for info in pkgutil.walk_packages(newsgate.__path__, prefix="newsgate.")
    )
    assert "newsgate.cli" in modules and "newsgate.report" in modules
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('prefect', 'flows'))\n"
        "print(loaded)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


def test_newsgate_run_is_still_offered_by_the_cli(capsys):
    from newsgate.cli import main

    try:
        main(["run", "--help"])
    except SystemExit as exit_:
        assert exit_.code == 0
    shown = capsys.readouterr().out
    assert "--input" in shown and "--warehouse" in shown and "--full-refresh" in shown
