//! A school's, project's or resource's dissemination figures for a school year.

pub mod dissemination_panel;
