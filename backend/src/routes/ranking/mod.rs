//! The problem-oriented analysis of a school: ranking rounds per school year, their
//! problems and the council's scores (Regulation 4.1).

pub mod problems;
pub mod rounds;
