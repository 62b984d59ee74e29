//! Which documented operations the API suite saw succeed: the harness appends every
//! request it sends to `API_OPERATION_LOG` as `METHOD path status`; this matches the lines
//! against the path templates of `openapi/openapi.json` and fails when an operation was
//! never answered with a 2xx.

use anyhow::{Context, bail};
use std::collections::BTreeMap;
use std::path::Path;

/// One documented operation and what the suite saw of it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Seen {
    pub requests: usize,
    pub successes: usize,
}

/// The operations of the spec, as `(METHOD, template)`.
pub fn operations(spec: &serde_json::Value) -> Vec<(String, String)> {
    let mut found = Vec::new();
    if let Some(paths) = spec.get("paths").and_then(|p| p.as_object()) {
        for (template, item) in paths {
            let Some(item) = item.as_object() else { continue };
            for method in ["get", "post", "put", "patch", "delete"] {
                if item.contains_key(method) {
                    found.push((method.to_uppercase(), template.clone()));
                }
            }
        }
    }
    found
}

/// Whether a concrete path matches a template such as `/api/projects/{id}/items`.
pub fn matches(template: &str, path: &str) -> bool {
    let mut wanted = template.split('/');
    let mut given = path.split('/');
    loop {
        match (wanted.next(), given.next()) {
            (None, None) => return true,
            (Some(w), Some(g)) if w.starts_with('{') && w.ends_with('}') => {
                if g.is_empty() {
                    return false;
                }
            }
            (Some(w), Some(g)) if w == g => {}
            _ => return false,
        }
    }
}

/// Tallies the log's lines per operation. A line that matches no operation is ignored
/// (the suite also sends requests to undocumented paths on purpose). Where a path
/// matches several templates (`/api/x/new` and `/api/x/{id}`), the one with more literal
/// segments wins, as in the router.
pub fn tally(operations: &[(String, String)], log: &str) -> BTreeMap<(String, String), Seen> {
    let mut seen: BTreeMap<(String, String), Seen> =
        operations.iter().map(|op| (op.clone(), Seen::default())).collect();
    for line in log.lines() {
        let mut parts = line.split(' ');
        let (Some(method), Some(path), Some(status)) = (parts.next(), parts.next(), parts.next()) else {
            continue;
        };
        let Ok(status) = status.parse::<u16>() else { continue };
        let best = operations
            .iter()
            .filter(|(m, t)| m == method && matches(t, path))
            .max_by_key(|(_, t)| t.split('/').filter(|s| !s.starts_with('{')).count());
        if let Some(op) = best
            && let Some(entry) = seen.get_mut(op)
        {
            entry.requests += 1;
            if (200..300).contains(&status) {
                entry.successes += 1;
            }
        }
    }
    seen
}

/// Reads the spec and the log, prints the count, and fails listing the operations the
/// suite never saw succeed.
pub fn check(root: &Path, log: &Path) -> anyhow::Result<()> {
    let spec_path = root.join("openapi/openapi.json");
    let spec: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(&spec_path).with_context(|| format!("cannot read {}", spec_path.display()))?,
    )
    .context("openapi.json is not JSON")?;
    let text = std::fs::read_to_string(log).with_context(|| format!("cannot read {}", log.display()))?;
    let operations = operations(&spec);
    let seen = tally(&operations, &text);
    let requests: usize = seen.values().map(|s| s.requests).sum();
    let missing: Vec<String> = seen
        .iter()
        .filter(|(_, s)| s.successes == 0)
        .map(|((m, t), s)| format!("{m} {t} ({} requests, none 2xx)", s.requests))
        .collect();
    println!(
        "{} of {} documented operations answered 2xx in the API suite ({requests} requests to documented operations)",
        operations.len() - missing.len(),
        operations.len(),
    );
    if !missing.is_empty() {
        bail!("operations without a success-path test:\n  {}", missing.join("\n  "));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_match_whole_segments() {
        assert!(matches("/api/projects/{id}", "/api/projects/7"));
        assert!(!matches("/api/projects/{id}", "/api/projects/7/items"));
        assert!(!matches("/api/projects/{id}", "/api/projects/"));
        assert!(matches("/healthz", "/healthz"));
    }

    #[test]
    fn the_literal_template_wins_and_only_2xx_counts_as_success() {
        let ops = vec![
            ("GET".to_owned(), "/api/x/{id}".to_owned()),
            ("GET".to_owned(), "/api/x/mine".to_owned()),
            ("POST".to_owned(), "/api/x".to_owned()),
        ];
        let seen = tally(
            &ops,
            "GET /api/x/mine 200\nGET /api/x/3 404\nPOST /api/x 201\nPUT /api/x 405\n",
        );
        assert_eq!(
            seen[&ops[1]],
            Seen {
                requests: 1,
                successes: 1
            }
        );
        assert_eq!(
            seen[&ops[0]],
            Seen {
                requests: 1,
                successes: 0
            }
        );
        assert_eq!(
            seen[&ops[2]],
            Seen {
                requests: 1,
                successes: 1
            }
        );
    }
}
