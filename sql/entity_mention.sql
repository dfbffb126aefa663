-- entity_mention: one row per entity mention in an article body.
-- Offsets index article.body; entity_id is derived from the canonical name and label,
-- so it is stable across runs and shared by every article mentioning the entity.
select
    substr(sha256(m.article_id || ':' || m.start_char::varchar || ':' || m.end_char::varchar), 1, 16)
        as mention_id,
    m.article_id,
    substr(sha256(m.label || '|' || m.canonical_name), 1, 16) as entity_id,
    m.text,
    m.label,
    m.start_char,
    m.end_char,
    m.sentence_index,
    m.canonical_name,
    coalesce(m.mention_kind, 'name') as mention_kind,
    getvariable('run_id') as run_id
from work.raw_entity_mention as m
order by m.article_id, m.start_char
