-- event_mention: one row per event reported in an article.
-- actors holds the entity_id of each actor, in the order of actor_names and actor_roles; an
-- unnamed actor ("police", "Somali security forces": label AGENT) is no entity, so its id is null.
-- event_id hashes the merge key chosen by newsgate.nlp.event_merge, so every mention of one
-- real-world event shares it. event_date here is what this article itself says; the event
-- table carries the date agreed across all mentions.
with mentions as (
    select
        m.*,
        list_transform(
            list_zip(m.actor_labels, m.actor_names),
            lambda pair: case
                when pair[1] = 'AGENT' then null
                else substr(sha256(pair[1] || '|' || pair[2]), 1, 16)
            end
        ) as actor_ids
    from work.raw_event_mention as m
)

select
    substr(
        sha256(
            m.article_id || ':' || m.sentence_index::varchar || ':' || m.event_type || ':'
            || m.trigger_start::varchar
        ),
        1,
        16
    ) as event_mention_id,
    substr(sha256(m.merge_key), 1, 16) as event_id,
    m.article_id,
    m.event_type,
    m.cameo_root,
    m.quad_class,
    m.sentence_index,
    m.start_char,
    m.end_char,
    m.trigger,
    m.trigger_start,
    m.date_text,
    m.event_date,
    m.date_precision,
    m.place,
    m.actor_names,
    m.actor_ids as actors,
    m.actor_roles,
    m.actor_ids[list_position(m.actor_roles, 'actor1')] as actor1,
    m.actor_names[list_position(m.actor_roles, 'actor1')] as actor1_name,
    m.actor_ids[list_position(m.actor_roles, 'actor2')] as actor2,
    m.actor_names[list_position(m.actor_roles, 'actor2')] as actor2_name,
    getvariable('run_id') as run_id
from mentions as m
order by m.article_id, m.sentence_index, m.trigger_start, m.event_type
