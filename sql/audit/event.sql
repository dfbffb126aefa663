-- audit view of event: every actor id points at an entity.
with actor_check as (
    select
        ev.event_id,
        bool_and(e.entity_id is not null) as actors_exist
    from work.event as ev,
        unnest(ev.actors) as u(actor_id)
    left join work.entity as e on e.entity_id = u.actor_id
    group by ev.event_id
)

select
    ev.*,
    coalesce(ac.actors_exist, true) as actors_exist
from work.event as ev
left join actor_check as ac on ac.event_id = ev.event_id
