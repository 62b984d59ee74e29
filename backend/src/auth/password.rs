//! Argon2id password hashes in PHC string form.

use crate::error::ApiError;
use argon2::password_hash::phc::PasswordHash;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use rand::Rng;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;
use tokio::sync::Semaphore;

/// Hashes a password with Argon2id and a random salt.
pub fn hash(password: &str) -> anyhow::Result<String> {
    Argon2::default()
        .hash_password(password.as_bytes())
        .map(|hash| hash.to_string())
        .map_err(|err| anyhow::anyhow!("cannot hash a password: {err}"))
}

/// Checks a password against a stored hash; a malformed hash never matches.
pub fn verify(password: &str, stored: &str) -> bool {
    match PasswordHash::new(stored) {
        Ok(parsed) => Argon2::default().verify_password(password.as_bytes(), &parsed).is_ok(),
        Err(_) => false,
    }
}

/// Spends the time of one verification without a user, so that an unknown e-mail
/// answers as slowly as a wrong password and does not reveal which accounts exist.
pub fn verify_nobody(password: &str) {
    static DUMMY: OnceLock<Option<String>> = OnceLock::new();
    if let Some(dummy) = DUMMY.get_or_init(|| hash(&generate(24)).ok()) {
        let _ = verify(password, dummy);
    }
}

/// The gate of password verification at sign-in: a hash is checked on the blocking pool,
/// never while a database connection is held, and at most one per CPU core at a time, so
/// that a flood of sign-ins can take neither the pool nor every core from the other
/// requests. Attempts queue for a permit up to [`HashGate::QUEUE_WAIT`]; when
/// [`HashGate::MAX_WAITING`] per permit already wait, or the wait runs out, the attempt is
/// refused with `429` and a short `Retry-After`.
#[derive(Debug)]
pub struct HashGate {
    permits: Semaphore,
    size: usize,
    waiting: AtomicUsize,
}

impl HashGate {
    /// The longest an attempt waits for a permit.
    pub const QUEUE_WAIT: Duration = Duration::from_secs(10);
    /// Attempts allowed to wait, per permit.
    pub const MAX_WAITING: usize = 64;

    /// A gate of `size` permits (at least one).
    pub fn new(size: usize) -> Self {
        let size = size.max(1);
        Self {
            permits: Semaphore::new(size),
            size,
            waiting: AtomicUsize::new(0),
        }
    }

    /// A gate of one permit per CPU core of this machine.
    pub fn per_core() -> Self {
        Self::new(std::thread::available_parallelism().map_or(1, usize::from))
    }

    /// Permits of the gate.
    pub fn size(&self) -> usize {
        self.size
    }

    /// Checks a password against a stored hash, or against a dummy hash when there is no
    /// account (in the same time, so that the answer does not tell which e-mails exist).
    pub async fn verify(&self, password: String, stored: Option<String>) -> Result<bool, ApiError> {
        let busy = ApiError::TooManyRequests { retry_after: 2 };
        if self.waiting.fetch_add(1, Ordering::AcqRel) >= Self::MAX_WAITING * self.size {
            self.waiting.fetch_sub(1, Ordering::AcqRel);
            return Err(busy);
        }
        let permit = tokio::time::timeout(Self::QUEUE_WAIT, self.permits.acquire()).await;
        self.waiting.fetch_sub(1, Ordering::AcqRel);
        let Ok(Ok(_permit)) = permit else {
            tracing::warn!("password verification queue full");
            return Err(busy);
        };
        tokio::task::spawn_blocking(move || match stored {
            Some(stored) => verify(&password, &stored),
            None => {
                verify_nobody(&password);
                false
            }
        })
        .await
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("password verification failed: {err}")))
    }
}

/// Computes the dummy hash of [`verify_nobody`] now rather than at the first unknown
/// e-mail.
pub fn prepare_dummy() {
    verify_nobody("");
}

/// A random password of `length` characters from an alphabet without look-alikes.
pub fn generate(length: usize) -> String {
    const ALPHABET: &[u8] = b"abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    let mut rng = rand::rng();
    (0..length)
        .map(|_| char::from(ALPHABET[rng.random_range(0..ALPHABET.len())]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_verifies_its_password_only() {
        let stored = hash("correct horse battery").unwrap();
        assert!(stored.starts_with("$argon2id$"));
        assert!(verify("correct horse battery", &stored));
        assert!(!verify("correct horse battery!", &stored));
        assert!(!verify("anything", "not a phc string"));
    }

    #[tokio::test]
    async fn the_gate_verifies_real_and_dummy_hashes() {
        let gate = HashGate::new(1);
        let stored = hash("correct horse battery").unwrap();
        assert!(
            gate.verify("correct horse battery".into(), Some(stored.clone()))
                .await
                .unwrap()
        );
        assert!(!gate.verify("wrong".into(), Some(stored)).await.unwrap());
        assert!(!gate.verify("correct horse battery".into(), None).await.unwrap());
    }

    #[test]
    fn generated_passwords_are_long_and_distinct() {
        let (a, b) = (generate(14), generate(14));
        assert_eq!(a.chars().count(), 14);
        assert_ne!(a, b);
    }
}
