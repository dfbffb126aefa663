-- article_line: one row per line of an ingested document, with its body/boilerplate
-- decision (kind: title, body, boilerplate or blank), the boilerplate reason and the
-- signal that fired, so a user can see why a line was dropped from the body.
select
    substr(sha256(l.doc_id || ':' || l.line_no::varchar), 1, 16) as line_id,
    substr(l.doc_id, 1, 16) as article_id,
    l.doc_id,
    l.line_no,
    l.text,
    l.kind,
    l.reason,
    l.signal,
    getvariable('run_id') as run_id
from work.raw_article_line as l
order by l.doc_id, l.line_no
