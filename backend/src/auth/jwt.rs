//! Access tokens: HS256 JWTs with issuer, audience and expiry checked and the algorithm pinned.

use crate::error::ApiError;
use anyhow::Context;
use base64::Engine as _;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The `iss` claim of every access token.
pub const ISSUER: &str = "innovation-platform";
/// The `aud` claim of every access token.
pub const AUDIENCE: &str = "innovation-platform-api";
/// How long an access token lives, in seconds.
pub const ACCESS_TTL_SECONDS: i64 = 15 * 60;

/// The claims of an access token.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The user id, as a string.
    pub sub: String,
    /// The user's organisation id.
    pub org: i64,
    /// The session (one sign-in) the token belongs to; ending it refuses the token.
    pub sid: String,
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// Issued at (Unix seconds).
    pub iat: i64,
    /// Expires at (Unix seconds).
    pub exp: i64,
}

/// The `aud` claim of feedback links, distinct from access tokens' so neither passes as the other.
pub const FEEDBACK_AUDIENCE: &str = "innovation-platform-feedback";

/// The claims of a feedback link.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct LinkClaims {
    /// The link's unique id; the database records its single use.
    pub jti: String,
    /// The delivery the feedback is about.
    pub delivery: i64,
    /// Whom the link is for.
    pub respondent: String,
    /// Issuer.
    pub iss: String,
    /// Audience.
    pub aud: String,
    /// Expires at (Unix seconds).
    pub exp: i64,
}

/// The signing and verification keys and the validation rules.
#[derive(Clone)]
pub struct JwtKeys {
    encoding: EncodingKey,
    decoding: DecodingKey,
    validation: Validation,
    link_validation: Validation,
}

impl std::fmt::Debug for JwtKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JwtKeys(..)")
    }
}

impl JwtKeys {
    /// Keys from a shared secret.
    pub fn from_secret(secret: &[u8]) -> Self {
        let mut validation = Validation::new(Algorithm::HS256);
        validation.set_issuer(&[ISSUER]);
        validation.set_audience(&[AUDIENCE]);
        validation.set_required_spec_claims(&["exp", "iss", "aud", "sub"]);
        validation.leeway = 5;
        let mut link_validation = Validation::new(Algorithm::HS256);
        link_validation.set_issuer(&[ISSUER]);
        link_validation.set_audience(&[FEEDBACK_AUDIENCE]);
        link_validation.set_required_spec_claims(&["exp", "iss", "aud", "jti"]);
        link_validation.leeway = 5;
        Self {
            encoding: EncodingKey::from_secret(secret),
            decoding: DecodingKey::from_secret(secret),
            validation,
            link_validation,
        }
    }

    /// Signs an access token for a user's session, valid for [`ACCESS_TTL_SECONDS`].
    pub fn issue(&self, user_id: i64, org_id: i64, session: &str) -> Result<String, ApiError> {
        let now = chrono::Utc::now().timestamp();
        let claims = Claims {
            sub: user_id.to_string(),
            org: org_id,
            sid: session.to_owned(),
            iss: ISSUER.to_owned(),
            aud: AUDIENCE.to_owned(),
            iat: now,
            exp: now + ACCESS_TTL_SECONDS,
        };
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &self.encoding)
            .map_err(|err| ApiError::Internal(anyhow::Error::new(err).context("cannot sign a token")))
    }

    /// Verifies a token's signature, algorithm, issuer, audience and expiry.
    pub fn verify(&self, token: &str) -> Result<Claims, ApiError> {
        jsonwebtoken::decode::<Claims>(token, &self.decoding, &self.validation)
            .map(|data| data.claims)
            .map_err(|err| match err.kind() {
                ErrorKind::ExpiredSignature => ApiError::TokenExpired,
                _ => ApiError::InvalidToken,
            })
    }
}

impl JwtKeys {
    /// Signs a feedback link.
    pub fn issue_link(&self, claims: &LinkClaims) -> Result<String, ApiError> {
        jsonwebtoken::encode(&Header::new(Algorithm::HS256), claims, &self.encoding)
            .map_err(|err| ApiError::Internal(anyhow::Error::new(err).context("cannot sign a link")))
    }

    /// Verifies a feedback link's signature, algorithm, issuer, audience and expiry.
    pub fn verify_link(&self, token: &str) -> Result<LinkClaims, ApiError> {
        jsonwebtoken::decode::<LinkClaims>(token, &self.decoding, &self.link_validation)
            .map(|data| data.claims)
            .map_err(|err| match err.kind() {
                ErrorKind::ExpiredSignature => ApiError::TokenExpired,
                _ => ApiError::InvalidToken,
            })
    }
}

/// The signing secret: the configured one (at least 32 characters), or one generated on
/// first start into `data_dir/jwt_secret` with mode 0600 and reused afterwards.
pub fn load_secret(configured: Option<&str>, data_dir: &Path) -> anyhow::Result<Vec<u8>> {
    if let Some(secret) = configured.filter(|secret| !secret.is_empty()) {
        anyhow::ensure!(
            secret.chars().count() >= 32,
            "JWT_SECRET must be at least 32 characters long"
        );
        return Ok(secret.as_bytes().to_vec());
    }
    let path = data_dir.join("jwt_secret");
    if path.exists() {
        let secret = std::fs::read_to_string(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let secret = secret.trim();
        anyhow::ensure!(
            secret.len() >= 32,
            "{} is too short; delete it to generate a new one",
            path.display()
        );
        return Ok(secret.as_bytes().to_vec());
    }
    let mut bytes = [0u8; 48];
    rand::rng().fill_bytes(&mut bytes);
    let secret = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes);
    write_private(&path, &secret).with_context(|| format!("cannot write {}", path.display()))?;
    tracing::info!(path = %path.display(), "generated a new JWT signing key");
    Ok(secret.into_bytes())
}

#[cfg(unix)]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    file.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_round_trips_and_another_key_refuses_it() {
        let keys = JwtKeys::from_secret(b"0123456789abcdef0123456789abcdef");
        let token = keys.issue(7, 3, "s1").unwrap();
        let claims = keys.verify(&token).unwrap();
        assert_eq!((claims.sub.as_str(), claims.org, claims.sid.as_str()), ("7", 3, "s1"));
        let other = JwtKeys::from_secret(b"fedcba9876543210fedcba9876543210");
        assert!(matches!(other.verify(&token), Err(ApiError::InvalidToken)));
    }

    #[test]
    fn links_and_access_tokens_do_not_pass_for_each_other() {
        let keys = JwtKeys::from_secret(b"0123456789abcdef0123456789abcdef");
        let access = keys.issue(7, 3, "s1").unwrap();
        assert!(matches!(keys.verify_link(&access), Err(ApiError::InvalidToken)));
        let link = LinkClaims {
            jti: "j1".into(),
            delivery: 4,
            respondent: "Орлова".into(),
            iss: ISSUER.into(),
            aud: FEEDBACK_AUDIENCE.into(),
            exp: chrono::Utc::now().timestamp() + 60,
        };
        let token = keys.issue_link(&link).unwrap();
        assert_eq!(keys.verify_link(&token).unwrap().delivery, 4);
        assert!(matches!(keys.verify(&token), Err(ApiError::InvalidToken)));
    }

    #[test]
    fn a_generated_secret_is_private_and_stable() {
        let dir = std::env::temp_dir().join(format!("jwt-test-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let first = load_secret(None, &dir).unwrap();
        let second = load_secret(None, &dir).unwrap();
        assert_eq!(first, second);
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.join("jwt_secret")).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        let short = load_secret(Some("short"), &dir)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(short.contains("at least 32 characters"), "{short}");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
