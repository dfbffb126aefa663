-- audit view of event_mention: its article, its event and its named actors all exist
-- (unnamed actors have a null id).
with actor_check as (
    select
        em.event_mention_id,
        bool_and(u.actor_id is null or e.entity_id is not null) as actors_exist
    from work.event_mention as em,
        unnest(em.actors) as u(actor_id)
    left join work.entity as e on e.entity_id = u.actor_id
    group by em.event_mention_id
)

select
    em.*,
    a.article_id is not null as article_exists,
    ev.event_id is not null as event_exists,
    coalesce(ac.actors_exist, true) as actors_exist,
    coalesce(length(a.body), 0) as body_length
from work.event_mention as em
left join work.article as a on a.article_id = em.article_id
left join work.event as ev on ev.event_id = em.event_id
left join actor_check as ac on ac.event_mention_id = em.event_mention_id
