DROP TABLE consultation_feedback;
DROP TABLE consultations;
