//! Per-client-address limits of the public entry points: sign-in, token refresh and the
//! feedback links.
//!
//! Each address (an IPv6 client by its `/64`, which one subscriber usually holds whole)
//! has, per entry point, a token bucket of requests ([`Policy::burst`], refilled at
//! [`Policy::per_second`]) and a budget of failures per window ([`Policy::failures`] per
//! [`Policy::window`]). An attempt takes its failure slot *when it is admitted* and gives
//! it back only if it succeeds, so parallel attempts cannot pass the budget by racing the
//! check. Over either limit the answer is `429` with `Retry-After`.
//!
//! The counters live in this process's memory: each instance counts on its own (behind a
//! load balancer an address gets the budget once per instance), and the map is bounded
//! ([`ClientLimits::MAX_ADDRESSES`]): when full, the least recently seen entry goes,
//! with the idle ones seen next after it. The address is the TCP peer's, or, on a
//! connection from a proxy listed in `TRUSTED_PROXIES`, the client that proxy names in
//! `X-Forwarded-For` or `Forwarded` ([`super::forwarded`]); from any other peer those
//! headers are ignored, since a client can write them. Behind a proxy that is not listed,
//! every client is the proxy and shares one budget.

use super::forwarded;
use crate::error::ApiError;
use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest};
use std::collections::{BTreeSet, HashMap};
use std::future::{Ready, ready};
use std::net::{IpAddr, Ipv6Addr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// The entry points that are limited, each with its own counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum EntryPoint {
    /// `POST /api/auth/login`.
    SignIn,
    /// `POST /api/auth/refresh`.
    Refresh,
    /// `GET` and `POST /api/public/feedback/{token}`.
    Feedback,
    /// `GET /api/public/certificates/{number}`: every check counts as a failure, found or
    /// not, so that a school's series of numbers is not walked.
    Certificate,
}

/// The limits of one entry point per address.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Policy {
    /// Requests allowed at once.
    pub burst: f64,
    /// Requests allowed per second after the burst.
    pub per_second: f64,
    /// Failed attempts allowed per window.
    pub failures: u32,
    /// The failure window.
    pub window: Duration,
}

impl EntryPoint {
    /// The limits of this entry point.
    pub const fn policy(self) -> Policy {
        match self {
            Self::SignIn => Policy {
                burst: 60.0,
                per_second: 1.0,
                failures: 20,
                window: Duration::from_secs(15 * 60),
            },
            Self::Refresh | Self::Feedback | Self::Certificate => Policy {
                burst: 60.0,
                per_second: 1.0,
                failures: 30,
                window: Duration::from_secs(15 * 60),
            },
        }
    }
}

/// The client's address, as the limits, the sign-in lock-out and its audit key it: an
/// IPv4 address, or the `/64` of an IPv6 one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClientAddress(pub IpAddr);

impl ClientAddress {
    /// The key of an address.
    pub fn of(ip: IpAddr) -> Self {
        match forwarded::canonical(ip) {
            IpAddr::V6(v6) => {
                let mut segments = v6.segments();
                segments[4..].fill(0);
                Self(IpAddr::V6(Ipv6Addr::from(segments)))
            }
            v4 => Self(v4),
        }
    }

    /// The key of a request's client: the TCP peer, or the client a trusted proxy names
    /// ([`forwarded::client_ip`]). Every use of the client address goes through here.
    pub fn of_request(req: &HttpRequest) -> Self {
        Self::of(forwarded::client_ip(req))
    }
}

impl std::fmt::Display for ClientAddress {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl FromRequest for ClientAddress {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self::of_request(req)))
    }
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    tokens: f64,
    refilled: Instant,
    failures: u32,
    window_started: Instant,
    seen: Instant,
}

/// What the counters are kept by: an entry point and an address.
type Key = (EntryPoint, ClientAddress);

/// An admitted attempt, holding its failure slot until [`ClientLimits::settle`].
#[derive(Debug)]
#[must_use = "settle the attempt, or it counts as a failure"]
pub struct Attempt {
    key: Key,
    window_started: Instant,
}

/// The counters, and the same keys in the order they were last seen, so that the least
/// recently seen is found without a scan when the map is full.
#[derive(Debug, Default)]
struct Table {
    entries: HashMap<Key, Entry>,
    by_seen: BTreeSet<(Instant, Key)>,
}

impl Table {
    /// Drops the least recently seen entry, and after it every next one that is idle:
    /// its bucket full again and its failure window over, so that forgetting it loses
    /// nothing.
    fn make_room(&mut self, now: Instant) {
        let mut dropped = 0_usize;
        while let Some(&(seen, key)) = self.by_seen.first() {
            let policy = key.0.policy();
            let idle = now.saturating_duration_since(seen);
            let is_idle = idle >= policy.window || idle.as_secs_f64() * policy.per_second >= policy.burst;
            if dropped > 0 && !is_idle {
                return;
            }
            self.by_seen.pop_first();
            self.entries.remove(&key);
            dropped += 1;
        }
    }
}

/// The counters of every address, for every entry point.
#[derive(Debug, Default)]
pub struct ClientLimits {
    table: Mutex<Table>,
}

impl ClientLimits {
    /// Addresses (per entry point) remembered at most.
    pub const MAX_ADDRESSES: usize = 50_000;

    /// Empty counters.
    pub fn new() -> Self {
        Self::default()
    }

    /// Admits a request from `address` to `entry`, taking a request token and a failure
    /// slot, or refuses it with `429` and the seconds to wait.
    pub fn admit(&self, entry: EntryPoint, address: ClientAddress) -> Result<Attempt, ApiError> {
        self.admit_at(entry, address, Instant::now())
    }

    fn admit_at(&self, entry: EntryPoint, address: ClientAddress, now: Instant) -> Result<Attempt, ApiError> {
        let policy = entry.policy();
        let mut table = self.table.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let table = &mut *table;
        let key = (entry, address);
        if !table.entries.contains_key(&key) && table.entries.len() >= Self::MAX_ADDRESSES {
            table.make_room(now);
        }
        let state = table.entries.entry(key).or_insert(Entry {
            tokens: policy.burst,
            refilled: now,
            failures: 0,
            window_started: now,
            seen: now,
        });
        table.by_seen.remove(&(state.seen, key));
        state.seen = now;
        table.by_seen.insert((now, key));
        let elapsed = now.saturating_duration_since(state.refilled).as_secs_f64();
        state.tokens = (state.tokens + elapsed * policy.per_second).min(policy.burst);
        state.refilled = now;
        if now.saturating_duration_since(state.window_started) >= policy.window {
            state.failures = 0;
            state.window_started = now;
        }
        if state.failures >= policy.failures {
            let left = policy
                .window
                .saturating_sub(now.saturating_duration_since(state.window_started));
            return Err(too_many(left));
        }
        if state.tokens < 1.0 {
            let left = Duration::from_secs_f64((1.0 - state.tokens) / policy.per_second);
            return Err(too_many(left));
        }
        state.tokens -= 1.0;
        state.failures += 1;
        Ok(Attempt {
            key,
            window_started: state.window_started,
        })
    }

    /// Gives the failure slot back when the attempt succeeded; a failure keeps it.
    pub fn settle(&self, attempt: Attempt, succeeded: bool) {
        if !succeeded {
            return;
        }
        let mut table = self.table.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(state) = table.entries.get_mut(&attempt.key)
            && state.window_started == attempt.window_started
        {
            state.failures = state.failures.saturating_sub(1);
        }
    }

    /// Runs `work` as an attempt of `address` at `entry`: refused at once when over the
    /// limits, and counted as a failure when it fails as a guess would (bad credentials
    /// or token, a used link, a throttled account) — and always at the certificate check,
    /// where a hit is what a harvester is after.
    pub async fn guard<T>(
        &self,
        entry: EntryPoint,
        address: ClientAddress,
        work: impl Future<Output = Result<T, ApiError>>,
    ) -> Result<T, ApiError> {
        let attempt = self.admit(entry, address)?;
        let result = work.await;
        let failed = matches!(
            result,
            Err(ApiError::InvalidCredentials
                | ApiError::InvalidRefreshToken
                | ApiError::InvalidToken
                | ApiError::TokenExpired
                | ApiError::TooManyRequests { .. }
                | ApiError::Conflict { .. })
        ) || entry == EntryPoint::Certificate;
        self.settle(attempt, !failed);
        result
    }

    /// Addresses remembered, over every entry point.
    pub fn len(&self) -> usize {
        self.table
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .entries
            .len()
    }

    /// Whether no address is remembered.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

fn too_many(left: Duration) -> ApiError {
    ApiError::TooManyRequests {
        retry_after: left.as_secs().saturating_add(u64::from(left.subsec_nanos() > 0)).max(1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::Ipv4Addr;

    fn address(last: u8) -> ClientAddress {
        ClientAddress::of(IpAddr::V4(Ipv4Addr::new(10, 0, 0, last)))
    }

    #[test]
    fn failures_are_counted_when_admitted_and_given_back_on_success() {
        let limits = ClientLimits::new();
        let now = Instant::now();
        let budget = EntryPoint::SignIn.policy().failures;
        // Parallel attempts: all admitted before any is settled.
        let attempts: Vec<_> = (0..budget)
            .map(|_| limits.admit_at(EntryPoint::SignIn, address(1), now).unwrap())
            .collect();
        let refused = limits.admit_at(EntryPoint::SignIn, address(1), now).unwrap_err();
        assert!(matches!(refused, ApiError::TooManyRequests { retry_after: 900 }));
        // Another address and another entry point are not affected.
        assert!(limits.admit_at(EntryPoint::SignIn, address(2), now).is_ok());
        assert!(limits.admit_at(EntryPoint::Refresh, address(1), now).is_ok());
        let mut attempts = attempts.into_iter();
        limits.settle(attempts.next().unwrap(), true);
        assert!(limits.admit_at(EntryPoint::SignIn, address(1), now).is_ok());
        // The window passes: the failures are forgotten.
        let later = now + EntryPoint::SignIn.policy().window;
        assert!(limits.admit_at(EntryPoint::SignIn, address(1), later).is_ok());
    }

    #[test]
    fn the_request_bucket_refills_at_its_rate() {
        let limits = ClientLimits::new();
        let now = Instant::now();
        let policy = EntryPoint::Feedback.policy();
        for _ in 0..policy.burst as usize {
            let attempt = limits.admit_at(EntryPoint::Feedback, address(3), now).unwrap();
            limits.settle(attempt, true);
        }
        assert!(matches!(
            limits.admit_at(EntryPoint::Feedback, address(3), now),
            Err(ApiError::TooManyRequests { retry_after: 1 })
        ));
        assert!(
            limits
                .admit_at(EntryPoint::Feedback, address(3), now + Duration::from_secs(1))
                .is_ok()
        );
    }

    #[test]
    fn the_map_stays_bounded() {
        let limits = ClientLimits::new();
        let now = Instant::now();
        for n in 0..ClientLimits::MAX_ADDRESSES + 10 {
            let ip = IpAddr::V4(Ipv4Addr::from(u32::try_from(n).unwrap()));
            let _ = limits.admit_at(EntryPoint::SignIn, ClientAddress::of(ip), now);
        }
        assert_eq!(limits.len(), ClientLimits::MAX_ADDRESSES);
    }

    #[test]
    fn a_full_map_forgets_the_least_recently_seen_then_the_idle_ones() {
        let limits = ClientLimits::new();
        let now = Instant::now();
        let nth = |n: usize| ClientAddress::of(IpAddr::V4(Ipv4Addr::from(u32::try_from(n).unwrap())));
        let admit = |n: usize, at: Instant| {
            let _ = limits.admit_at(EntryPoint::SignIn, nth(n), at);
        };
        for n in 0..ClientLimits::MAX_ADDRESSES {
            admit(n, now);
        }
        let known = |n: usize| {
            let table = limits.table.lock().unwrap();
            table.entries.contains_key(&(EntryPoint::SignIn, nth(n)))
        };
        // The first address comes back: the next one is now the least recently seen.
        admit(0, now + Duration::from_secs(2));
        admit(ClientLimits::MAX_ADDRESSES, now + Duration::from_secs(2));
        assert!(known(0));
        assert!(!known(1));
        assert_eq!(limits.len(), ClientLimits::MAX_ADDRESSES);
        // A minute later every address not seen since is idle, and all of them go at once.
        admit(ClientLimits::MAX_ADDRESSES + 1, now + Duration::from_secs(61));
        assert_eq!(limits.len(), 3);
        assert!(known(0) && known(ClientLimits::MAX_ADDRESSES) && known(ClientLimits::MAX_ADDRESSES + 1));
    }

    #[test]
    fn an_ipv6_client_is_keyed_by_its_slash_64() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(ClientAddress::of(a), ClientAddress::of(b));
        assert_ne!(ClientAddress::of(a), ClientAddress::of(c));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(ClientAddress::of(mapped).to_string(), "192.0.2.7");
    }
}
