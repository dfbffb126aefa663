from newsgate.config import PROJECT_DIR
from newsgate.dictionary import declared_columns, render_data_dictionary
from newsgate.tables import declared_tables


def test_committed_dictionary_is_generated_from_the_suites():
    committed = (PROJECT_DIR / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == render_data_dictionary(), "run `newsgate dictionary` and commit the result"


def test_every_declared_column_has_a_type_and_description():
    for table in declared_tables():
        columns = declared_columns(table)
        assert columns, table.name
        for name, spec in columns.items():
            assert spec["type"] and spec["description"], f"{table.name}.{name}"
