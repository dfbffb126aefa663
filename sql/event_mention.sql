-- event_mention: one row per event reported in an article.
-- event_id comes from the merge key, so mentions of one real-world event share it.
select
    substr(sha256(m.article_id || ':' || m.sentence_index::varchar || ':' || m.event_type), 1, 16)
        as event_mention_id,
    substr(sha256(m.merge_key), 1, 16) as event_id,
    m.article_id,
    m.event_type,
    m.cameo_root,
    m.quad_class,
    m.sentence_index,
    m.start_char,
    m.end_char,
    m.trigger,
    m.date_text,
    m.event_date,
    m.date_precision,
    m.place,
    m.actor_names,
    list_transform(
        list_zip(m.actor_labels, m.actor_names),
        lambda pair: substr(sha256(pair[1] || '|' || pair[2]), 1, 16)
    ) as actors,
    getvariable('run_id') as run_id
from work.raw_event_mention as m
order by m.article_id, m.sentence_index
