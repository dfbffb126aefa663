"""Measure libraries against the article stage's hand-written line rules (README, "Measuring extraction").

usage: python scripts/measure_line_rules.py [--shared ../shared]              # jusText vs the rules
       python scripts/measure_line_rules.py --language [--shared ../shared]   # language id

jusText needs `pip install justext lxml_html_clean`; lingua is measured when
`lingua-language-detector` is installed. Neither is a project dependency. The dev and seed pages
are read from the shared folder; nothing is copied into the repository.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

from newsgate import articles, boilerplate, language

ROOT = Path(__file__).resolve().parent.parent

# Invented lines: two per language, and terse English lines that must stay English.
FOREIGN = {
    "es": [
        "El gobierno anunció nuevas medidas para reducir la inflación este año.",
        "Los manifestantes se reunieron frente al congreso.",
    ],
    "fr": [
        "Le président a rencontré les dirigeants européens à Bruxelles.",
        "Les syndicats appellent à une nouvelle grève nationale.",
    ],
    "de": [
        "Die Regierung hat neue Maßnahmen gegen die Inflation beschlossen.",
        "Tausende Menschen demonstrierten am Samstag in Berlin.",
    ],
    "pt": [
        "O governo anunciou novas medidas contra a inflação.",
        "Milhares de pessoas protestaram em Lisboa no sábado.",
    ],
    "it": [
        "Il governo ha approvato la nuova legge di bilancio.",
        "Migliaia di persone hanno manifestato a Roma sabato.",
    ],
    "nl": [
        "De regering heeft nieuwe maatregelen tegen de inflatie aangekondigd.",
        "Duizenden mensen demonstreerden zaterdag in Amsterdam.",
    ],
    "pl": [
        "Rząd ogłosił nowe środki przeciwko inflacji.",
        "Tysiące ludzi protestowało w sobotę w Warszawie.",
    ],
    "sv": [
        "Regeringen har presenterat nya åtgärder mot inflationen.",
        "Tusentals människor demonstrerade i Stockholm på lördagen.",
    ],
    "ro": [
        "Guvernul a anunțat noi măsuri împotriva inflației.",
        "Mii de oameni au protestat sâmbătă la București.",
    ],
    "cs": [
        "Vláda oznámila nová opatření proti inflaci.",
        "Tisíce lidí v sobotu protestovaly v Praze.",
    ],
    "hu": [
        "A kormány új intézkedéseket jelentett be az infláció ellen.",
        "Emberek ezrei tüntettek szombaton Budapesten.",
    ],
    "tr": [
        "Hükümet enflasyona karşı yeni önlemler açıkladı.",
        "Binlerce kişi cumartesi günü İstanbul'da protesto etti.",
    ],
    "id": [
        "Pemerintah mengumumkan langkah baru untuk menekan inflasi.",
        "Ribuan orang berunjuk rasa di Jakarta pada hari Sabtu.",
    ],
    "vi": [
        "Chính phủ công bố các biện pháp mới để kiềm chế lạm phát.",
        "Hàng nghìn người biểu tình tại Hà Nội hôm thứ Bảy.",
    ],
    "tl": [
        "Inanunsyo ng pamahalaan ang mga bagong hakbang laban sa implasyon.",
        "Libu-libong tao ang nagprotesta sa Maynila noong Sabado.",
    ],
    "sw": [
        "Serikali imetangaza hatua mpya za kupambana na mfumuko wa bei.",
        "Maelfu ya watu waliandamana jijini Nairobi Jumamosi.",
    ],
    "hy": [
        "Կառավարությունը հայտարարեց նոր միջոցառումների մասին։",
        "Հազարավոր մարդիկ բողոքի ակցիա անցկացրին Երևանում։",
    ],
    "uk": [
        "Уряд оголосив нові заходи проти інфляції.",
        "Тисячі людей протестували в Києві в суботу.",
    ],
}
ENGLISH = [
    "Putin, Xi hold talks in Moscow",
    "Ministers meet in Lisbon",
    "Nurses strike over pay",
    "Floods kill 53 in Philippines",
    "Taliban attack checkpoint in Kandahar",
    "OPEC agrees output cut",
    "Merkel, Macron meet in Berlin",
    "Ferry capsizes off Leyte",
    "Celebratory gunfire",
    "World Today",
    "Expand / Contract",
    "Jane Onyanga-Omara",
    "Abe, Modi sign nuclear deal",
    "Duterte vows crackdown",
    "Erdogan slams EU",
    "Bolsonaro, Lula trade barbs in debate",
    "Kim Jong Un, Moon Jae-in hold summit",
    "Nguyen Phu Trong meets Xi Jinping",
    "Ouagadougou, Burkina Faso",
    "Andres Manuel Lopez Obrador",
]


def _norm(text: str | None) -> str:
    """The reference scorer's normalisation of a line (NFKC, straight quotes, case, 'the ')."""
    text = unicodedata.normalize("NFKC", text or "")
    text = text.translate(str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"'})).lower().strip()
    text = re.sub(r"[\s\u00a0]+", " ", re.sub(r"^the\s+", "", text))
    return text.strip(" .,;:'\"")


def _gold_sets(shared: Path) -> list[tuple[Path, Path]]:
    return [
        (shared / "dev" / "articles", shared / "dev" / "gold"),
        (ROOT / "seeds", ROOT / "tests" / "fixtures" / "gold" / "seeds"),
    ]


def _line_recall(arts: Path, gold: Path, body_of) -> tuple[float, float]:
    """Return (boilerplate recall, body-line recall) when `body_of(text)` gives the kept lines."""
    removed = total_bp = kept = total_body = 0
    for path in sorted(gold.glob("*.json")):
        if path.name == "duplicates.json":
            continue
        gold_doc = json.loads(path.read_text())
        text = (arts / gold_doc["file"]).read_text(errors="replace")
        kept_lines = body_of(text)
        body = {_norm(line) for line in kept_lines}
        whole = _norm("\n\n".join(kept_lines))
        boiler = {_norm(line) for line in gold_doc["boilerplate_lines"]}
        for line in text.splitlines():
            key = _norm(line)
            if not key or key == _norm(gold_doc.get("title")):
                continue
            # as the scorer: a line is kept when it is a body line or a long part of the body
            present = key in body or (len(key) >= 20 and key in whole)
            if key in boiler:
                total_bp, removed = total_bp + 1, removed + (not present)
            else:
                total_body, kept = total_body + 1, kept + present
    return removed / max(1, total_bp), kept / max(1, total_body)


def measure_justext(shared: Path) -> None:
    """Print jusText's and the rules' line figures on dev and seeds."""
    try:
        import justext
    except ImportError:
        sys.exit("jusText is not installed: pip install justext lxml_html_clean")

    def by_justext(**settings):
        def body_of(text: str) -> list[str]:
            lines = [ln for ln in text.splitlines() if ln.strip()]
            page = "<html><body>" + "".join(f"<p>{html.escape(ln)}</p>" for ln in lines)
            paragraphs = justext.justext(
                (page + "</body></html>").encode(), justext.get_stoplist("English"), **settings
            )
            return [p.text for p in paragraphs if not p.is_boilerplate]

        return body_of

    def by_rules(text: str) -> list[str]:
        return [ln.clean for ln in articles.parse_article(text).lines if ln.kind == "body"]

    methods = {
        "rules (boilerplate.py)": by_rules,
        "jusText defaults": by_justext(),
        "jusText length_low=30 length_high=100": by_justext(length_low=30, length_high=100),
        "jusText stopwords_low=0.2 stopwords_high=0.25": by_justext(
            stopwords_low=0.2, stopwords_high=0.25
        ),
    }
    for arts, gold in _gold_sets(shared):
        for label, body_of in methods.items():
            removed, kept = _line_recall(arts, gold, body_of)
            print(
                f"{arts.parent.name:6} {label:48} boilerplate recall {removed:.3f}  body lines {kept:.3f}"
            )


def measure_language(shared: Path) -> None:
    """Print each language identifier's catches, false alarms and article-stage time."""
    from newsgate.bench.corpus import write_corpus

    def by_word_lists(text: str) -> str:
        """The method before py3langid: scripts and function-word profiles only."""
        text = text[: language.SAMPLE_CHARS]
        script = language._script_language(text)
        if script:
            return script
        scores = language.count_language_words(text)
        english = scores.pop("en")
        other, other_score = max(scores.items(), key=lambda item: item[1])
        if other_score >= 2 and other_score > english:
            return other
        return "en" if english else language.UNDETERMINED

    methods = {
        "word lists only": by_word_lists,
        "combined (language.py)": language.identify_language,
    }
    model = language._model()
    methods["py3langid alone"] = lambda t: (lambda r: r[0] if r[1] >= 0.9 else "und")(
        model.classify(t[: language.SAMPLE_CHARS])
    )
    try:
        from lingua import LanguageDetectorBuilder

        detector = (
            LanguageDetectorBuilder.from_all_languages()
            .with_minimum_relative_distance(0.25)
            .build()
        )

        def by_lingua(text: str) -> str:
            found = detector.detect_language_of(text[: language.SAMPLE_CHARS])
            return found.iso_code_639_1.name.lower() if found else "und"

        methods["lingua"] = by_lingua
    except ImportError:
        print("(lingua-language-detector not installed: not measured)")
    corpus_dir = Path(tempfile.mkdtemp(prefix="langbench-"))
    write_corpus(corpus_dir, 2000, seed=42)
    corpus = [p.read_text() for p in sorted(corpus_dir.rglob("*.txt"))]
    corpus_lines = sorted(
        {
            ln.strip()
            for t in corpus
            for ln in t.splitlines()
            if len(boilerplate.WORD.findall(ln)) >= 3
        }
    )
    foreign = [line for lines in FOREIGN.values() for line in lines]
    for label, identify in methods.items():

        def foreign_lang(text: str, identify=identify) -> bool:
            return identify(text) not in ("en", language.UNDETERMINED)

        caught = sum(map(foreign_lang, foreign))
        terse = sum(map(foreign_lang, ENGLISH))
        bench = sum(map(foreign_lang, corpus_lines))
        sample = []
        for arts, gold in _gold_sets(shared):
            for path in sorted(gold.glob("*.json")):
                text = (arts / json.loads(path.read_text())["file"]).read_text(errors="replace")
                sample += [
                    ln.strip()
                    for ln in text.splitlines()
                    if len(boilerplate.WORD.findall(ln)) >= 3 and foreign_lang(ln.strip())
                ]
        boilerplate.identify_language = articles.identify_language = identify
        getattr(language.identify_language, "cache_clear", lambda: None)()
        start = time.perf_counter()
        common = articles.common_lines(corpus)
        for text in corpus:
            articles.parse_article(text, common)
        seconds = time.perf_counter() - start
        print(
            f"{label:24} foreign caught {caught}/{len(foreign)}; English called foreign: terse "
            f"{terse}/{len(ENGLISH)}, benchmark {bench}/{len(corpus_lines)}; dev+seed lines "
            f"called foreign {sample}; parse_article over {len(corpus)} documents {seconds:.1f} s"
        )
    boilerplate.identify_language = articles.identify_language = language.identify_language


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--language", action="store_true", help="measure language identification")
    args = parser.parse_args()
    if not (args.shared / "dev").is_dir():
        sys.exit(f"{args.shared}/dev not found: pass --shared DIR")
    (measure_language if args.language else measure_justext)(args.shared)


if __name__ == "__main__":
    main()
