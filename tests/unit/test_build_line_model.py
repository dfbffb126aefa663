"""The line-shape model's build script: leave-one-set-out figures from gold-annotated sets."""

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_line_model.py"
PARAGRAPHS = [
    "The harbour authority opened a new ferry terminal on Monday, doubling the number of "
    "crossings to the islands after two years of building work.",
    "Officials said the terminal would handle about four thousand passengers a day and that "
    "fares would stay unchanged until the end of the season.",
    "Residents of the islands had campaigned for the new terminal for more than a decade, "
    "the mayor told reporters at the opening ceremony.",
]


def _write_set(root: Path, name: str, menus: list[list[str]]) -> Path:
    set_dir = root / name
    (set_dir / "articles").mkdir(parents=True)
    (set_dir / "gold").mkdir()
    for n, menu in enumerate(menus):
        title = f"Harbour gets ferry terminal number {n + 1}"
        file = f"{name}{n}.txt"
        text = "\n\n".join([*menu, title, *PARAGRAPHS, "Island Life In Pictures"])
        (set_dir / "articles" / file).write_text(text, encoding="utf-8")
        gold = {"file": file, "title": title, "boilerplate_lines": [*menu]}
        (set_dir / "gold" / f"{name}{n}.json").write_text(json.dumps(gold), encoding="utf-8")
    return set_dir


def test_build_script_prints_leave_one_set_out_figures_without_writing(tmp_path):
    sets = [
        _write_set(tmp_path, "X", [["Home", "World News"], ["Sport Results", "Weather Maps"]]),
        _write_set(tmp_path, "Y", [["Business And Markets"], ["Home", "Opinion Columns"]]),
    ]
    run = subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, sets)],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    out = run.stdout
    assert "leave-one-set-out" in out
    assert "rules alone:" in out and "model >= 0.85:" in out
    # both held-out sets are reported, and a threshold is picked
    assert " X " in out and " Y " in out
    assert any(line.startswith("threshold ") for line in out.splitlines())
    assert "wrote" not in out
