-- event: one row per real-world event, merged across the articles that report it.
-- event_date is the date all mentions agree on (newsgate.nlp.event_merge unifies their partial
-- dates); actor1/actor2 and place are the most frequent across mentions (ties broken by
-- value, so the same input always publishes the same row); source_count counts outlets.
with mentions as (
    select
        em.*,
        coalesce(a.outlet, em.article_id) as source,
        substr(a.body, em.start_char + 1, em.end_char - em.start_char) as sentence,
        r.merged_date,
        r.merged_precision,
        count(em.place) over (partition by em.event_id, em.place) as place_votes,
        count(em.actor1) over (partition by em.event_id, em.actor1) as actor1_votes,
        count(em.actor2) over (partition by em.event_id, em.actor2) as actor2_votes
    from work.event_mention as em
    inner join work.article as a on a.article_id = em.article_id
    inner join work.raw_event_mention as r
        on
            r.article_id = em.article_id
            and r.sentence_index = em.sentence_index
            and r.event_type = em.event_type
            and r.trigger_start is not distinct from em.trigger_start
)

select
    m.event_id,
    any_value(m.event_type) as event_type,
    any_value(m.cameo_root) as cameo_root,
    any_value(m.quad_class) as quad_class,
    list_sort(list_distinct(flatten(list(m.actors)))) as actors,
    list_sort(list_distinct(flatten(list(m.actor_names)))) as actor_names,
    first(m.actor1 order by m.actor1_votes desc, m.actor1) as actor1,
    -- unnamed agents have no id: their names break the tie, so the same rows give the same name
    first(m.actor1_name order by m.actor1_votes desc, m.actor1, m.actor1_name) as actor1_name,
    first(m.actor2 order by m.actor2_votes desc, m.actor2) as actor2,
    first(m.actor2_name order by m.actor2_votes desc, m.actor2, m.actor2_name) as actor2_name,
    any_value(m.merged_date) as event_date,
    any_value(m.merged_precision) as date_precision,
    first(m.place order by m.place_votes desc, m.place) as place,
    arg_min(
        trim(m.sentence, chr(10) || chr(13) || chr(9) || ' '),
        m.article_id || lpad(m.sentence_index::varchar, 6, '0')
    ) as summary,
    count(distinct m.article_id) as article_count,
    count(distinct m.source) as source_count,
    getvariable('run_id') as run_id
from mentions as m
group by m.event_id
order by event_date nulls last, m.event_id
