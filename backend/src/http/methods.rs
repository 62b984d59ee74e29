//! `405 Method Not Allowed` for a known path asked with a method it does not have: the
//! paths and methods are read from the OpenAPI document, so they cannot drift from the
//! registered handlers.

use crate::http::responses::by_method;
use utoipa::openapi::OpenApi;

/// Every documented path as its segments, with the methods it answers.
#[derive(Debug, Clone, Default)]
pub struct Methods {
    routes: Vec<(Vec<String>, Vec<&'static str>)>,
    /// The first segments of the documented paths (`api`, `healthz`, `readyz`): any
    /// other path (a page of the web app, a missing file) is unknown without a walk.
    roots: Vec<String>,
}

impl Methods {
    /// The paths and methods of a document.
    pub fn of(spec: &OpenApi) -> Self {
        let mut roots: Vec<String> = Vec::new();
        let routes = spec
            .paths
            .paths
            .iter()
            .map(|(path, item)| {
                let segments: Vec<String> = path.split('/').map(str::to_owned).collect();
                if let Some(root) = segments.get(1).filter(|root| !roots.contains(root)) {
                    roots.push(root.clone());
                }
                // A copy, as the one list of methods and their operations lends them mutably.
                let mut item = item.clone();
                let methods = by_method(&mut item)
                    .into_iter()
                    .filter_map(|(method, operation)| operation.is_some().then_some(method))
                    .collect();
                (segments, methods)
            })
            .collect();
        Self { routes, roots }
    }

    /// The methods a request path answers, in the order GET, PUT, POST, DELETE, PATCH;
    /// empty for an unknown path. Of the templates it matches, those naming the most
    /// segments literally count: `/api/consultations/given` is that path's, not an `{id}`.
    pub fn allowed(&self, path: &str) -> Vec<&'static str> {
        let parts: Vec<&str> = path.split('/').collect();
        let mut allowed: Vec<&'static str> = Vec::new();
        if !parts
            .get(1)
            .is_some_and(|root| self.roots.iter().any(|known| known == root))
        {
            return allowed;
        }
        let literal = |template: &[String]| -> Option<usize> {
            let matches = template.len() == parts.len()
                && template
                    .iter()
                    .zip(&parts)
                    .all(|(expected, part)| expected == part || (expected.starts_with('{') && !part.is_empty()));
            matches.then(|| template.iter().filter(|segment| !segment.starts_with('{')).count())
        };
        let Some(best) = self.routes.iter().filter_map(|(template, _)| literal(template)).max() else {
            return allowed;
        };
        for (template, methods) in &self.routes {
            if literal(template) == Some(best) {
                for method in methods {
                    if !allowed.contains(method) {
                        allowed.push(method);
                    }
                }
            }
        }
        allowed
    }
}
