DROP TABLE certificates;
DROP TABLE certificate_counters;
DROP TABLE cohort_attendance;
DROP TABLE enrolments;
DROP TABLE cohort_sessions;
DROP TABLE cohorts;
