-- event: one row per real-world event, merged across the articles that report it.
-- event_date is the date all mentions agree on (newsgate.nlp.event_merge unifies their partial
-- dates); actor1/actor2 are the most frequent across mentions; source_count counts outlets.
with mentions as (
    select
        em.*,
        coalesce(a.outlet, em.article_id) as source,
        substr(a.body, em.start_char + 1, em.end_char - em.start_char) as sentence,
        r.merged_date,
        r.merged_precision
    from work.event_mention as em
    inner join work.article as a on a.article_id = em.article_id
    inner join work.raw_event_mention as r
        on
            r.article_id = em.article_id
            and r.sentence_index = em.sentence_index
            and r.event_type = em.event_type
)

select
    m.event_id,
    any_value(m.event_type) as event_type,
    any_value(m.cameo_root) as cameo_root,
    any_value(m.quad_class) as quad_class,
    list_sort(list_distinct(flatten(list(m.actors)))) as actors,
    list_sort(list_distinct(flatten(list(m.actor_names)))) as actor_names,
    mode(m.actor1) as actor1,
    mode(m.actor1_name) as actor1_name,
    mode(m.actor2) as actor2,
    mode(m.actor2_name) as actor2_name,
    any_value(m.merged_date) as event_date,
    any_value(m.merged_precision) as date_precision,
    mode(m.place) as place,
    arg_min(trim(m.sentence), m.article_id || lpad(m.sentence_index::varchar, 6, '0')) as summary,
    count(distinct m.article_id) as article_count,
    count(distinct m.source) as source_count,
    getvariable('run_id') as run_id
from mentions as m
group by m.event_id
order by event_date nulls last, m.event_id
