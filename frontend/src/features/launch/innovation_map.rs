//! The innovation map's nine fields, as the package's forms and reviews show them.

use crate::i18n::Pick;
use openapi::package::InnovationMap;

/// The innovation map's fields: the wire name, the label, and the field of the struct.
type MapField = (&'static str, Pick, fn(&mut InnovationMap) -> &mut String);

/// The nine fields of the innovation map, in order. The free-text `risks` is shown for
/// the versions that have it but no longer edited: the project's risk register (the
/// «Риски» tab) replaces it.
pub const MAP_FIELDS: [MapField; 9] = [
    ("problem", |t| t.launch.map_problem, |m| &mut m.problem),
    ("idea", |t| t.launch.map_idea, |m| &mut m.idea),
    ("goal", |t| t.launch.map_goal, |m| &mut m.goal),
    ("tasks", |t| t.launch.map_tasks, |m| &mut m.tasks),
    (
        "expected_results",
        |t| t.launch.map_expected_results,
        |m| &mut m.expected_results,
    ),
    ("products", |t| t.launch.map_products, |m| &mut m.products),
    ("resources", |t| t.launch.map_resources, |m| &mut m.resources),
    ("risks", |t| t.launch.map_risks, |m| &mut m.risks),
    ("consumers", |t| t.launch.map_consumers, |m| &mut m.consumers),
];

/// The map's field the web app no longer edits: new versions leave it blank.
pub const EDITED_NO_MORE: &str = "risks";
