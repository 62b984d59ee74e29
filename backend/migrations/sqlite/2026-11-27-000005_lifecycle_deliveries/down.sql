DROP TABLE deliveries;
DROP TABLE lifecycle_transitions;
