//! The refresh token as a cookie: `HttpOnly` (no script reads it), `SameSite=Strict` (no
//! other site's page sends it), scoped to `Path=/api/auth` (only sign-in, refresh and
//! sign-out see it), `Secure` when the request came over HTTPS. The web app keeps its
//! access token in memory and, after a reload, buys a new one with this cookie.
//!
//! A client that keeps the refresh token itself asks for it in the body instead
//! (`refresh_token_in_body` at sign-in, or by presenting it in a refresh's body).

use crate::config::CookieSecure;
use crate::error::ApiError;
use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::http::header;
use actix_web::{HttpRequest, HttpResponse, ResponseError};
use openapi::auth::TokenPair;

/// The cookie's name.
pub const NAME: &str = "refresh_token";
/// The only path the browser sends it to.
pub const PATH: &str = "/api/auth";

/// When the cookie is `Secure`, in the app data (`auto` when absent).
#[derive(Debug, Clone, Copy)]
pub struct CookiePolicy(pub CookieSecure);

/// The refresh token the browser sent, if any.
pub fn read(req: &HttpRequest) -> Option<String> {
    req.cookie(NAME)
        .map(|cookie| cookie.value().to_owned())
        .filter(|value| !value.is_empty())
}

/// Whether the request came over HTTPS: a TLS connection, or a proxy saying so in
/// `X-Forwarded-Proto` or `Forwarded`. Any mention of `https` counts, so a forged
/// header can only make the cookie stricter.
fn over_https(req: &HttpRequest) -> bool {
    let says_https = |name: header::HeaderName| {
        req.headers()
            .get_all(name)
            .filter_map(|value| value.to_str().ok())
            .any(|value| value.to_ascii_lowercase().contains("https"))
    };
    req.connection_info().scheme() == "https"
        || says_https(header::HeaderName::from_static("x-forwarded-proto"))
        || says_https(header::FORWARDED)
}

fn secure(req: &HttpRequest) -> bool {
    let policy = req
        .app_data::<CookiePolicy>()
        .map_or(CookieSecure::Auto, |policy| policy.0);
    match policy {
        CookieSecure::Always => true,
        CookieSecure::Never => false,
        CookieSecure::Auto => over_https(req),
    }
}

fn cookie(req: &HttpRequest, value: String, max_age: time::Duration) -> Cookie<'static> {
    Cookie::build(NAME, value)
        .path(PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure(req))
        .max_age(max_age)
        .finish()
}

/// The cookie that removes the refresh token from the browser.
pub fn removal(req: &HttpRequest) -> Cookie<'static> {
    cookie(req, String::new(), time::Duration::ZERO)
}

/// The answer that opens (or continues) a session: the pair as JSON, its refresh token
/// in the body when `in_body`, otherwise in the cookie and left out of the body.
pub fn session_response(req: &HttpRequest, mut pair: TokenPair, in_body: bool) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    if !in_body && let Some(token) = pair.refresh_token.take() {
        response.cookie(cookie(req, token, time::Duration::seconds(pair.refresh_expires_in)));
    }
    response.json(pair)
}

/// The problem answer for `err`, also removing the cookie (a refused refresh token must
/// not be offered again).
pub fn refused(req: &HttpRequest, err: &ApiError) -> HttpResponse {
    let mut response = err.error_response();
    // Adding a cookie to a freshly built response cannot fail.
    let _ = response.add_cookie(&removal(req));
    response
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::test::TestRequest;

    fn pair() -> TokenPair {
        TokenPair {
            access_token: "access".to_owned(),
            token_type: "Bearer".to_owned(),
            expires_in: 900,
            refresh_token: Some("secret-refresh".to_owned()),
            refresh_expires_in: 3600,
            user: openapi::users::Me {
                id: openapi::UserId(1),
                email: "teacher@sch61.demo".to_owned(),
                full_name: "Учитель".to_owned(),
                organisation: openapi::organisations::OrganisationSummary {
                    id: openapi::OrganisationId(1),
                    name: "СОШ № 61".to_owned(),
                    short_name: "СОШ № 61".to_owned(),
                    kind: openapi::organisations::OrganisationKind::School,
                },
                roles: vec![openapi::users::Role::Staff],
                is_platform_admin: false,
                version: 1,
                locale: openapi::users::Locale::Ru,
            },
        }
    }

    fn set_cookie(response: &HttpResponse) -> String {
        response
            .headers()
            .get(header::SET_COOKIE)
            .and_then(|value| value.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    }

    #[test]
    fn the_cookie_is_http_only_strict_and_scoped_to_the_auth_path() {
        let req = TestRequest::default().to_http_request();
        let response = session_response(&req, pair(), false);
        let cookie = set_cookie(&response);
        assert!(cookie.starts_with("refresh_token=secret-refresh;"), "{cookie}");
        for attribute in ["HttpOnly", "SameSite=Strict", "Path=/api/auth", "Max-Age=3600"] {
            assert!(cookie.contains(attribute), "{attribute} in {cookie}");
        }
        assert!(!cookie.contains("Secure"), "plain HTTP: {cookie}");
    }

    #[test]
    fn the_cookie_is_secure_behind_an_https_proxy_or_when_configured() {
        let proxied = TestRequest::default()
            .insert_header(("X-Forwarded-Proto", "https"))
            .to_http_request();
        assert!(set_cookie(&session_response(&proxied, pair(), false)).contains("Secure"));
        let always = TestRequest::default()
            .app_data(CookiePolicy(CookieSecure::Always))
            .to_http_request();
        assert!(set_cookie(&session_response(&always, pair(), false)).contains("Secure"));
        let never = TestRequest::default()
            .insert_header(("X-Forwarded-Proto", "https"))
            .app_data(CookiePolicy(CookieSecure::Never))
            .to_http_request();
        assert!(!set_cookie(&session_response(&never, pair(), false)).contains("Secure"));
    }

    #[test]
    fn asked_for_in_the_body_the_token_sets_no_cookie() {
        let req = TestRequest::default().to_http_request();
        let response = session_response(&req, pair(), true);
        assert!(response.headers().get(header::SET_COOKIE).is_none());
    }

    #[test]
    fn a_refusal_removes_the_cookie() {
        let req = TestRequest::default().to_http_request();
        let response = refused(&req, &ApiError::InvalidRefreshToken);
        assert_eq!(response.status(), actix_web::http::StatusCode::UNAUTHORIZED);
        let cookie = set_cookie(&response);
        assert!(cookie.starts_with("refresh_token=;"), "{cookie}");
        assert!(
            cookie.contains("Max-Age=0") && cookie.contains("Path=/api/auth"),
            "{cookie}"
        );
    }
}
