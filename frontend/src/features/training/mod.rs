//! Training programmes' cohorts: enrolment, attendance, completion.

pub mod cohort_form;
pub mod cohorts;
