"""Names: the one entity layer and name resolver that quotes and events read.

- `spans`: span rules that add PERSON/ORG/GPE/LOC spans beyond the gazetteer;
- `local`: resolution inside an article (surnames, role references) into each span's kb_id_;
- `resolver`: `article_names(doc)`, the per-article resolver (names, roles, pronouns);
- `resolve`: mention rows and resolution of mentions to canonical entities across articles;
- `credits`: entities of removed caption, credit and byline lines;
- `fold`: the one fold for comparing names.
"""

from newsgate.nlp.names.fold import fold
from newsgate.nlp.names.resolver import ArticleNames, Referent, article_names

__all__ = ["ArticleNames", "Referent", "article_names", "fold"]
