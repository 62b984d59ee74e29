//! Running commands: plain, or streamed while counting the tests they report.

use anyhow::{Context, bail};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};

/// A `cargo` command (the same cargo that runs xtask).
pub fn cargo() -> Command {
    Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
}

/// Runs a command with inherited output; fails when it fails.
pub fn run_status(command: &mut Command, what: &str) -> anyhow::Result<()> {
    let status = command.status().with_context(|| format!("cannot start {what}"))?;
    if !status.success() {
        bail!("{what} failed ({status})");
    }
    Ok(())
}

/// Test counts read from a runner's output.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Tests that passed.
    pub passed: u64,
    /// Tests that failed.
    pub failed: u64,
    /// Tests skipped or ignored.
    pub skipped: u64,
}

impl Counts {
    /// Adds another run's counts.
    pub fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.skipped += other.skipped;
    }
}

fn number_before(line: &str, word: &str) -> Option<u64> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ';' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    words
        .windows(2)
        .find(|pair| pair[1] == word)
        .and_then(|pair| pair[0].parse().ok())
}

/// Reads one output line: cargo's `test result:` lines and node's `# pass`/`# fail` lines
/// (node's `cancelled` tests, e.g. cut off by a timeout, count as failed).
pub fn parse_line(line: &str, counts: &mut Counts) {
    let line = line.trim();
    if line.starts_with("test result:") {
        counts.passed += number_before(line, "passed").unwrap_or(0);
        counts.failed += number_before(line, "failed").unwrap_or(0);
        counts.skipped += number_before(line, "ignored").unwrap_or(0);
    } else if let Some(rest) = line.strip_prefix("ℹ ").or_else(|| line.strip_prefix("# ")) {
        let mut parts = rest.split_whitespace();
        if let (Some(key), Some(Ok(value))) = (parts.next(), parts.next().map(str::parse::<u64>)) {
            match key {
                "pass" => counts.passed += value,
                "fail" | "cancelled" => counts.failed += value,
                "skipped" | "todo" => counts.skipped += value,
                _ => {}
            }
        }
    }
}

/// Whether a `CI` variable's value means "running in CI": any value but empty, `0`,
/// `false`, `no` or `off` (GitHub and GitLab set `true`, others `1` or `yes`).
pub fn truthy(value: Option<&str>) -> bool {
    value.is_some_and(|value| {
        let value = value.trim().to_ascii_lowercase();
        !matches!(value.as_str(), "" | "0" | "false" | "no" | "off")
    })
}

/// Reads one line of schemathesis's phase summaries: `✅ 50 passed  ❌ 3 failed`,
/// `⏭  89 skipped` (operations per phase).
pub fn parse_schemathesis_line(line: &str, counts: &mut Counts) {
    let line = line.trim();
    if !["✅", "❌", "⏭"].iter().any(|mark| line.starts_with(mark)) {
        return;
    }
    counts.passed += number_before(line, "passed").unwrap_or(0);
    counts.failed += number_before(line, "failed").unwrap_or(0);
    counts.skipped += number_before(line, "skipped").unwrap_or(0);
}

/// Runs a command, echoing its output; returns the test counts it reported, and whether
/// it succeeded (the counts are kept either way, so a summary can show the failures).
pub fn run_counting(command: &mut Command, what: &str) -> (Counts, anyhow::Result<()>) {
    run_counting_with(command, what, parse_line)
}

/// [`run_counting`] with another reader of the output's lines.
pub fn run_counting_with(
    command: &mut Command,
    what: &str,
    parse: fn(&str, &mut Counts),
) -> (Counts, anyhow::Result<()>) {
    command.stdout(Stdio::piped()).stderr(Stdio::inherit());
    let mut child = match command.spawn() {
        Ok(child) => child,
        Err(err) => {
            return (
                Counts::default(),
                Err(anyhow::Error::new(err).context(format!("cannot start {what}"))),
            );
        }
    };
    let mut counts = Counts::default();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap_or_default();
            println!("{line}");
            parse(&line, &mut counts);
        }
    }
    let result = match child.wait() {
        Ok(status) if status.success() && counts.passed + counts.failed == 0 => Err(anyhow::anyhow!(
            "{what} ran 0 tests: a step that tests nothing proves nothing"
        )),
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(anyhow::anyhow!(
            "{what} failed ({status}): {} passed, {} failed",
            counts.passed,
            counts.failed
        )),
        Err(err) => Err(anyhow::Error::new(err).context(format!("cannot wait for {what}"))),
    };
    (counts, result)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_truthy_ci_value_is_ci() {
        for value in ["true", "1", "yes", "on", "True", "gitlab"] {
            assert!(truthy(Some(value)), "{value}");
        }
        for value in ["", "0", "false", "FALSE", "no", "off", " "] {
            assert!(!truthy(Some(value)), "{value:?}");
        }
        assert!(!truthy(None));
    }

    #[test]
    fn a_successful_command_that_ran_no_test_fails() {
        let (counts, result) = run_counting(Command::new("true").arg("no tests"), "nothing");
        assert_eq!(counts, Counts::default());
        let err = result.err().map(|err| err.to_string()).unwrap_or_default();
        assert!(err.contains("ran 0 tests"), "{err}");
        let (counts, result) = run_counting(
            Command::new("echo").arg("test result: ok. 1 passed; 0 failed; 0 ignored"),
            "one test",
        );
        assert_eq!(counts.passed, 1);
        assert!(result.is_ok());
    }

    #[test]
    fn cargo_and_node_summaries_are_counted() {
        let mut counts = Counts::default();
        parse_line(
            "test result: ok. 40 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out; finished in 6.52s",
            &mut counts,
        );
        parse_line("ℹ pass 7", &mut counts);
        parse_line("ℹ fail 1", &mut counts);
        parse_line("# skipped 3", &mut counts);
        parse_line("ℹ cancelled 2", &mut counts);
        parse_line("the pass 9 of something", &mut counts);
        assert_eq!(
            counts,
            Counts {
                passed: 47,
                failed: 3,
                skipped: 5
            }
        );
    }

    #[test]
    fn schemathesis_phase_summaries_are_counted() {
        let mut counts = Counts::default();
        for line in [
            "     ⏭  89 skipped",
            "     ✅ 50 passed  ❌ 39 failed",
            " ✅  Loaded specification from ../../openapi/openapi.json (in 4.95s)",
            "  3396 generated, 51 found 51 unique failures, 94 skipped",
            "     ✅ 89 passed",
        ] {
            parse_schemathesis_line(line, &mut counts);
        }
        assert_eq!(
            counts,
            Counts {
                passed: 139,
                failed: 39,
                skipped: 89
            }
        );
    }
}
