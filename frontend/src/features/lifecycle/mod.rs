//! A resource's lifecycle: the stage and its transitions, the board, pilots and risks.

pub mod board_column;
pub mod pilots;
pub mod risks;
pub mod stage;
pub mod stage_badge;
