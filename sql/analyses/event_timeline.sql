-- event_timeline: dated events in order — one row per event with a known date.
select
    ev.event_date,
    ev.date_precision,
    ev.event_type,
    ev.cameo_root,
    array_to_string(ev.actor_names, ', ') as actors,
    ev.place,
    ev.article_count,
    ev.source_count,
    ev.summary,
    ev.event_id
from event as ev
where ev.event_date is not null
order by ev.event_date, ev.event_type, ev.event_id
