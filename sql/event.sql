-- event: one row per real-world event, merged across the articles that report it.
with mentions as (
    select
        em.*,
        a.outlet
    from work.event_mention as em
    inner join work.article as a on a.article_id = em.article_id
)

select
    m.event_id,
    any_value(m.event_type) as event_type,
    any_value(m.cameo_root) as cameo_root,
    any_value(m.quad_class) as quad_class,
    list_sort(list_distinct(flatten(list(m.actors)))) as actors,
    list_sort(list_distinct(flatten(list(m.actor_names)))) as actor_names,
    max(m.event_date) as event_date,
    arg_max(m.date_precision, m.event_date is not null) as date_precision,
    mode(m.place) as place,
    arg_min(
        substr(a.body, m.start_char + 1, m.end_char - m.start_char),
        m.article_id || lpad(m.sentence_index::varchar, 6, '0')
    ) as summary,
    count(distinct m.article_id) as article_count,
    count(distinct coalesce(m.outlet, m.article_id)) as source_count,
    getvariable('run_id') as run_id
from mentions as m
inner join work.article as a on a.article_id = m.article_id
group by m.event_id
order by event_date nulls last, m.event_id
