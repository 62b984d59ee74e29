//! Who the client is when the server stands behind reverse proxies.
//!
//! Behind a reverse proxy every connection comes from the proxy, so the per-client limits
//! and the sign-in lock-out would count every client as one. The proxies listed in
//! `TRUSTED_PROXIES` ([`TrustedProxies`]) say whom they serve in `X-Forwarded-For` or the
//! standard `Forwarded` header; those headers are read only on a connection from such a
//! proxy, since anybody else can write them. Each proxy appends the address it got the
//! request from, so the client is the rightmost hop that is not itself a trusted proxy:
//! everything left of it was written by someone no trusted proxy vouches for. A hop that
//! names no address there (`unknown`, an obfuscated `_name`, garbage) leaves the TCP peer
//! as the client, and so do the two headers naming different clients (a proxy writes one
//! of them and passes the other through from the client unchecked).

use actix_web::HttpRequest;
use actix_web::http::header::{FORWARDED, HeaderMap, HeaderName, X_FORWARDED_FOR};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::str::FromStr;

/// An IP network: an address and the length of its prefix (`10.0.0.0/8`,
/// `2001:db8::/32`); a bare address is the network of that one host.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Network {
    address: IpAddr,
    prefix: u8,
}

/// An entry of `TRUSTED_PROXIES` that is not an address or a network.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{entry}` is not an IP address or CIDR network: {reason}")]
pub struct InvalidNetwork {
    entry: String,
    reason: String,
}

impl InvalidNetwork {
    fn new(entry: &str, reason: impl Into<String>) -> Self {
        Self {
            entry: entry.to_owned(),
            reason: reason.into(),
        }
    }
}

impl Network {
    /// Whether `ip` lies in the network (an IPv4-mapped IPv6 address as its IPv4 one).
    pub fn contains(&self, ip: IpAddr) -> bool {
        let ip = canonical(ip);
        ip.is_ipv4() == self.address.is_ipv4()
            && Self {
                address: ip,
                prefix: self.prefix,
            }
            .masked()
                == self.address
    }

    /// The network's address with every bit after the prefix cleared.
    fn masked(&self) -> IpAddr {
        match self.address {
            IpAddr::V4(v4) => {
                let mask = u32::MAX.checked_shl(32 - u32::from(self.prefix)).unwrap_or(0);
                IpAddr::V4(Ipv4Addr::from(u32::from(v4) & mask))
            }
            IpAddr::V6(v6) => {
                let mask = u128::MAX.checked_shl(128 - u32::from(self.prefix)).unwrap_or(0);
                IpAddr::V6(Ipv6Addr::from(u128::from(v6) & mask))
            }
        }
    }
}

impl FromStr for Network {
    type Err = InvalidNetwork;

    fn from_str(entry: &str) -> Result<Self, InvalidNetwork> {
        let (address, prefix) = match entry.split_once('/') {
            Some((address, prefix)) => (address, Some(prefix)),
            None => (entry, None),
        };
        let address: IpAddr = address
            .parse()
            .map_err(|_| InvalidNetwork::new(entry, format!("`{address}` is not an IP address")))?;
        let bits: u8 = if address.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            None => bits,
            Some(prefix) => prefix
                .parse::<u8>()
                .ok()
                .filter(|prefix| *prefix <= bits)
                .ok_or_else(|| InvalidNetwork::new(entry, format!("the prefix must be a number from 0 to {bits}")))?,
        };
        // An IPv4-mapped network is the IPv4 one, as the addresses it is matched with are.
        let (address, prefix) = match address {
            IpAddr::V6(v6) if prefix >= 96 => v6
                .to_ipv4_mapped()
                .map_or((address, prefix), |v4| (IpAddr::V4(v4), prefix - 96)),
            _ => (address, prefix),
        };
        let network = Self { address, prefix };
        if network.masked() != address {
            return Err(InvalidNetwork::new(
                entry,
                format!(
                    "bits are set after the /{prefix} prefix (the network is {}/{prefix})",
                    network.masked()
                ),
            ));
        }
        Ok(network)
    }
}

impl std::fmt::Display for Network {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.address, self.prefix)
    }
}

/// The reverse proxies whose forwarded headers name the client (`TRUSTED_PROXIES`):
/// comma-separated addresses and CIDR networks, none by default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedProxies(Vec<Network>);

impl FromStr for TrustedProxies {
    type Err = InvalidNetwork;

    fn from_str(list: &str) -> Result<Self, InvalidNetwork> {
        list.split(',')
            .map(str::trim)
            .filter(|entry| !entry.is_empty())
            .map(str::parse)
            .collect::<Result<_, _>>()
            .map(Self)
    }
}

impl std::fmt::Display for TrustedProxies {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (n, network) in self.0.iter().enumerate() {
            if n > 0 {
                f.write_str(",")?;
            }
            network.fmt(f)?;
        }
        Ok(())
    }
}

impl TrustedProxies {
    /// Whether no proxy is trusted.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Whether a connection from `ip` is a trusted proxy's.
    pub fn trusts(&self, ip: IpAddr) -> bool {
        self.0.iter().any(|network| network.contains(ip))
    }

    /// The client of a request that came from the TCP `peer` with `headers`: the peer
    /// itself unless it is a trusted proxy; then the client its forwarded headers name,
    /// or the peer when they name none.
    pub fn client(&self, peer: Option<IpAddr>, headers: &HeaderMap) -> IpAddr {
        let peer = peer.map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), canonical);
        if !self.trusts(peer) {
            return peer;
        }
        let told = |name: &HeaderName, hops: fn(&str) -> Vec<Option<IpAddr>>| {
            headers.contains_key(name).then(|| {
                let hops: Vec<_> = headers
                    .get_all(name)
                    .flat_map(|value| value.to_str().map_or_else(|_| vec![None], hops))
                    .collect();
                self.client_among(&hops)
            })
        };
        let named = match (
            told(&X_FORWARDED_FOR, forwarded_for_hops),
            told(&FORWARDED, forwarded_hops),
        ) {
            (Some(one), Some(other)) => one.filter(|_| one == other),
            (Some(one), None) | (None, Some(one)) => one,
            (None, None) => None,
        };
        named.unwrap_or(peer)
    }

    /// The client among the hops of a forwarded header, oldest first: the rightmost
    /// that is not a trusted proxy, or the leftmost when every one is; `None` when that
    /// hop names no address.
    fn client_among(&self, hops: &[Option<IpAddr>]) -> Option<IpAddr> {
        for hop in hops.iter().rev() {
            match hop {
                Some(ip) if self.trusts(*ip) => {}
                other => return *other,
            }
        }
        hops.first().copied().flatten()
    }
}

/// The client address of a request, as every per-client limit, the sign-in lock-out and
/// the sign-in audit take it: the TCP peer, or the client a trusted proxy names.
pub fn client_ip(req: &HttpRequest) -> IpAddr {
    let none = TrustedProxies::default();
    let proxies = req.app_data::<TrustedProxies>().unwrap_or(&none);
    proxies.client(req.peer_addr().map(|peer| peer.ip()), req.headers())
}

/// An IPv4-mapped IPv6 address as its IPv4 address; any other as it is.
pub fn canonical(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    }
}

/// The address of a node as a proxy writes it: bare, with a port (`192.0.2.7:4711`,
/// `[2001:db8::1]:4711`) or bracketed; `None` for `unknown`, an obfuscated name or
/// anything else.
fn node_address(node: &str) -> Option<IpAddr> {
    let node = node.trim();
    let ip = node
        .parse::<IpAddr>()
        .ok()
        .or_else(|| node.parse::<SocketAddr>().ok().map(|socket| socket.ip()))
        .or_else(|| {
            node.strip_prefix('[')
                .and_then(|rest| rest.strip_suffix(']'))
                .and_then(|inner| inner.parse::<Ipv6Addr>().ok())
                .map(IpAddr::V6)
        })?;
    Some(canonical(ip))
}

/// The hops of one `X-Forwarded-For` value: comma-separated addresses.
fn forwarded_for_hops(value: &str) -> Vec<Option<IpAddr>> {
    value.split(',').map(node_address).collect()
}

/// The hops of one `Forwarded` value (RFC 7239): the `for=` node of each element; a value
/// that does not parse is one hop naming no address.
fn forwarded_hops(value: &str) -> Vec<Option<IpAddr>> {
    forwarded_nodes(value).map_or_else(
        || vec![None],
        |nodes| {
            nodes
                .into_iter()
                .map(|node| node.as_deref().and_then(node_address))
                .collect()
        },
    )
}

/// The `for=` parameter of each element of a `Forwarded` value, unquoted; `None` when the
/// value is not a list of `name=value` pairs or an element names `for` twice.
fn forwarded_nodes(value: &str) -> Option<Vec<Option<String>>> {
    let mut nodes = Vec::new();
    let mut node = None;
    let mut rest = value;
    loop {
        let (name, after) = rest.split_once('=')?;
        let name = name.trim_matches([' ', '\t']);
        if name.is_empty() || !name.bytes().all(is_token_byte) {
            return None;
        }
        let (parameter, after) = parameter_value(after.trim_start_matches([' ', '\t']))?;
        if name.eq_ignore_ascii_case("for") && node.replace(parameter).is_some() {
            return None;
        }
        rest = after.trim_start_matches([' ', '\t']);
        let mut chars = rest.chars();
        match chars.next() {
            Some(';') => {}
            Some(',') => nodes.push(node.take()),
            None => {
                nodes.push(node);
                return Some(nodes);
            }
            Some(_) => return None,
        }
        rest = chars.as_str();
    }
}

/// A parameter value at the start of `text` (a token, or a quoted string with its
/// escapes undone) and the text after it.
fn parameter_value(text: &str) -> Option<(String, &str)> {
    match text.strip_prefix('"') {
        Some(quoted) => {
            let mut value = String::new();
            let mut chars = quoted.char_indices();
            while let Some((at, c)) = chars.next() {
                match c {
                    '"' => return Some((value, &quoted[at + 1..])),
                    '\\' => value.push(chars.next()?.1),
                    c => value.push(c),
                }
            }
            None
        }
        None => {
            // Lenient: an address with a port, which the RFC wants quoted, is taken too.
            let end = text.find([';', ',', ' ', '\t']).unwrap_or(text.len());
            (end > 0).then(|| (text[..end].to_owned(), &text[end..]))
        }
    }
}

/// Whether a byte may appear in an HTTP token (RFC 9110 `tchar`).
fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

#[cfg(test)]
mod tests {
    use super::*;
    use actix_web::http::header::HeaderValue;

    fn proxies(list: &str) -> TrustedProxies {
        list.parse().unwrap()
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    fn headers(pairs: &[(&str, &str)]) -> HeaderMap {
        let mut map = HeaderMap::new();
        for (name, value) in pairs {
            map.append(
                HeaderName::from_bytes(name.as_bytes()).unwrap(),
                HeaderValue::from_str(value).unwrap(),
            );
        }
        map
    }

    /// The client of a request from `peer` with `pairs`, behind the proxy 10.0.0.1 and
    /// the network 2001:db8:ffff::/48.
    fn client(peer: &str, pairs: &[(&str, &str)]) -> IpAddr {
        proxies("10.0.0.1, 2001:db8:ffff::/48").client(Some(ip(peer)), &headers(pairs))
    }

    #[test]
    fn entries_are_addresses_or_networks_and_a_bare_address_is_one_host() {
        let parsed = proxies(" 10.0.0.0/8, 192.0.2.7 ,2001:db8::/32,::1,");
        assert_eq!(parsed.to_string(), "10.0.0.0/8,192.0.2.7/32,2001:db8::/32,::1/128");
        assert!(parsed.trusts(ip("10.255.3.4")));
        assert!(parsed.trusts(ip("192.0.2.7")));
        assert!(!parsed.trusts(ip("192.0.2.8")));
        assert!(parsed.trusts(ip("2001:db8:1234::9")));
        assert!(!parsed.trusts(ip("2001:db9::1")));
        assert!(parsed.trusts(ip("::1")));
        assert!(!parsed.trusts(ip("::2")));
        assert!(
            parsed.trusts(ip("::ffff:10.1.2.3")),
            "an IPv4-mapped peer is its IPv4 address"
        );
        assert!(proxies("0.0.0.0/0").trusts(ip("203.0.113.7")));
        assert!(!proxies("0.0.0.0/0").trusts(ip("2001:db8::1")));
        assert_eq!(proxies("::ffff:10.0.0.0/104").to_string(), "10.0.0.0/8");
    }

    #[test]
    fn nothing_is_trusted_by_default() {
        let none = proxies("");
        assert!(none.is_empty());
        assert_eq!(none, TrustedProxies::default());
        assert!(!none.trusts(ip("127.0.0.1")));
        assert!(proxies(" , ").is_empty());
    }

    #[test]
    fn an_invalid_entry_is_refused_by_name() {
        for (list, entry, reason) in [
            ("10.0.0.0/8, 10.0.0.300", "`10.0.0.300`", "is not an IP address"),
            ("proxy.local", "`proxy.local`", "is not an IP address"),
            ("10.0.0.0/33", "`10.0.0.0/33`", "from 0 to 32"),
            ("2001:db8::/129", "`2001:db8::/129`", "from 0 to 128"),
            ("10.0.0.0/", "`10.0.0.0/`", "from 0 to 32"),
            ("10.0.0.0/-1", "`10.0.0.0/-1`", "from 0 to 32"),
            ("10.0.0.1/8", "`10.0.0.1/8`", "the network is 10.0.0.0/8"),
            ("2001:db8::1/32", "`2001:db8::1/32`", "the network is 2001:db8::/32"),
            ("fe80::1%eth0", "`fe80::1%eth0`", "is not an IP address"),
        ] {
            let message = list.parse::<TrustedProxies>().unwrap_err().to_string();
            assert!(message.contains(entry), "{list}: {message}");
            assert!(message.contains(reason), "{list}: {message}");
        }
    }

    #[test]
    fn an_untrusted_peer_is_the_client_whatever_it_writes() {
        let spoofed = [("x-forwarded-for", "198.51.100.9"), ("forwarded", "for=198.51.100.9")];
        assert_eq!(client("203.0.113.7", &spoofed), ip("203.0.113.7"));
        assert_eq!(client("203.0.113.7", &spoofed[..1]), ip("203.0.113.7"));
        assert_eq!(client("203.0.113.7", &spoofed[1..]), ip("203.0.113.7"));
        let nobody_trusted = TrustedProxies::default();
        assert_eq!(
            nobody_trusted.client(Some(ip("10.0.0.1")), &headers(&spoofed)),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn behind_a_trusted_proxy_the_client_is_the_rightmost_untrusted_hop() {
        for (peer, lines, expected) in [
            ("10.0.0.1", &["203.0.113.7"][..], "203.0.113.7"),
            // The client wrote the first hop itself; the proxy appended the address it saw.
            ("10.0.0.1", &["198.51.100.9, 203.0.113.7"], "203.0.113.7"),
            // Proxies in a chain are skipped, over several header lines too.
            (
                "10.0.0.1",
                &["198.51.100.9, 203.0.113.7", "2001:db8:ffff::5,10.0.0.1"],
                "203.0.113.7",
            ),
            // Every hop trusted: the leftmost.
            ("10.0.0.1", &["2001:db8:ffff::5, 10.0.0.1"], "2001:db8:ffff::5"),
            ("2001:db8:ffff::2", &["[2001:db8::1]:4711"], "2001:db8::1"),
            ("::ffff:10.0.0.1", &["192.0.2.60:80"], "192.0.2.60"),
        ] {
            let pairs: Vec<_> = lines.iter().map(|line| ("x-forwarded-for", *line)).collect();
            assert_eq!(client(peer, &pairs), ip(expected), "{peer}: {lines:?}");
        }
    }

    #[test]
    fn the_forwarded_header_names_the_client_in_its_for_parameters() {
        assert_eq!(
            client(
                "10.0.0.1",
                &[(
                    "forwarded",
                    r#"for=198.51.100.9;proto=https, For="[2001:db8::1]:4711";by=10.0.0.1"#
                )]
            ),
            ip("2001:db8::1")
        );
        assert_eq!(
            client(
                "10.0.0.1",
                &[("forwarded", "for=192.0.2.60;proto=http;by=203.0.113.43")]
            ),
            ip("192.0.2.60")
        );
        assert_eq!(
            client("10.0.0.1", &[("forwarded", r#"for="192.0.2.60:4711", for=10.0.0.1"#)]),
            ip("192.0.2.60")
        );
    }

    #[test]
    fn an_unknown_or_obfuscated_hop_leaves_the_peer_as_the_client() {
        for value in ["for=unknown", "for=_hidden", r#"for="_gazonk""#, "proto=https"] {
            assert_eq!(client("10.0.0.1", &[("forwarded", value)]), ip("10.0.0.1"), "{value}");
        }
        // Left of the client it does not matter.
        assert_eq!(
            client("10.0.0.1", &[("forwarded", "for=unknown, for=203.0.113.7")]),
            ip("203.0.113.7")
        );
        // Right of it, the hops behind it cannot be told.
        assert_eq!(
            client("10.0.0.1", &[("x-forwarded-for", "203.0.113.7, unknown")]),
            ip("10.0.0.1")
        );
    }

    #[test]
    fn a_malformed_header_leaves_the_peer_as_the_client() {
        for (name, value) in [
            ("x-forwarded-for", ""),
            ("x-forwarded-for", "203.0.113.7 198.51.100.9"),
            ("x-forwarded-for", "203.0.113.7,"),
            ("forwarded", ""),
            ("forwarded", "for=203.0.113.7;"),
            ("forwarded", r#"for="203.0.113.7"#),
            ("forwarded", "for=203.0.113.7 garbage"),
            ("forwarded", "for=203.0.113.7;for=198.51.100.9"),
            ("forwarded", "for="),
            ("forwarded", "203.0.113.7"),
        ] {
            assert_eq!(client("10.0.0.1", &[(name, value)]), ip("10.0.0.1"), "{name}: {value}");
        }
        let mut map = HeaderMap::new();
        map.insert(X_FORWARDED_FOR, HeaderValue::from_bytes(b"203.0.113.\xff").unwrap());
        assert_eq!(proxies("10.0.0.1").client(Some(ip("10.0.0.1")), &map), ip("10.0.0.1"));
    }

    #[test]
    fn the_two_headers_must_agree() {
        let agreeing = [("x-forwarded-for", "203.0.113.7"), ("forwarded", "for=203.0.113.7")];
        assert_eq!(client("10.0.0.1", &agreeing), ip("203.0.113.7"));
        // A proxy writing one header passes the other through from the client.
        let disagreeing = [("x-forwarded-for", "203.0.113.7"), ("forwarded", "for=198.51.100.9")];
        assert_eq!(client("10.0.0.1", &disagreeing), ip("10.0.0.1"));
        let one_unknown = [("x-forwarded-for", "203.0.113.7"), ("forwarded", "for=unknown")];
        assert_eq!(client("10.0.0.1", &one_unknown), ip("10.0.0.1"));
    }

    #[test]
    fn a_request_is_read_with_the_configured_proxies() {
        let request = actix_web::test::TestRequest::default()
            .peer_addr("10.0.0.1:5000".parse().unwrap())
            .insert_header(("x-forwarded-for", "203.0.113.7"));
        assert_eq!(
            client_ip(&request.to_http_request()),
            ip("10.0.0.1"),
            "no proxy configured"
        );
        let request = actix_web::test::TestRequest::default()
            .peer_addr("10.0.0.1:5000".parse().unwrap())
            .insert_header(("x-forwarded-for", "203.0.113.7"))
            .app_data(proxies("10.0.0.0/8"));
        assert_eq!(client_ip(&request.to_http_request()), ip("203.0.113.7"));
    }
}
