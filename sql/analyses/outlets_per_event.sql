-- outlets_per_event: which outlets reported each event — one row per event and outlet.
select
    ev.event_id,
    ev.event_type,
    ev.event_date,
    coalesce(a.outlet, '(unknown outlet)') as outlet,
    count(*) as mentions,
    list(distinct a.source_path order by a.source_path) as articles
from event as ev
inner join event_mention as em on em.event_id = ev.event_id
inner join article as a on a.article_id = em.article_id
group by ev.event_id, ev.event_type, ev.event_date, outlet
order by ev.event_date nulls last, ev.event_id, outlet
