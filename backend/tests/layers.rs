//! The layering of `docs/architecture.md`, checked on the sources: handlers do not query
//! tables or call each other, and the rules know nothing of HTTP or the database.

use std::fs;
use std::path::{Path, PathBuf};

fn sources(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut found = Vec::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return found;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(sources(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = fs::read_to_string(&path).unwrap_or_default();
            found.push((path, text));
        }
    }
    found
}

fn src(part: &str) -> Vec<(PathBuf, String)> {
    let files = sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src").join(part));
    assert!(!files.is_empty(), "no sources under src/{part}");
    files
}

fn offenders(files: &[(PathBuf, String)], forbidden: &[&str]) -> Vec<String> {
    files
        .iter()
        .flat_map(|(path, text)| {
            forbidden
                .iter()
                .filter(|needle| text.contains(*needle))
                .map(move |needle| format!("{} uses `{needle}`", path.display()))
        })
        .collect()
}

#[test]
fn no_route_module_queries_tables_or_calls_another_route_module() {
    let found = offenders(&src("routes"), &["db::schema", "crate::routes::", "diesel::"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn domain_rules_know_nothing_of_http_or_the_database() {
    let found = offenders(&src("domain"), &["actix", "diesel", "ApiError", "crate::db"]);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn use_cases_know_nothing_of_http() {
    let found = offenders(&src("services"), &["actix", "HttpResponse", "crate::routes"]);
    assert!(found.is_empty(), "{found:#?}");
}
