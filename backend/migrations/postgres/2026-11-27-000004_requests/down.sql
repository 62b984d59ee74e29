DROP TABLE request_events;
DROP TABLE requests;
