-- The recorders tell a redelivered event by the entries' own unique event_id (ON CONFLICT DO NOTHING), not by the
-- shared inbox: the ids the inbox kept for the timeline are redundant.
DELETE FROM processed_event WHERE consumer = 'ReadModel_Timeline';
