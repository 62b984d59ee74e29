//! Building the web app: the wasm crate, wasm-bindgen (as a library), static files and
//! gzip and brotli copies, into `dist/`.

use crate::process;
use anyhow::{Context, bail};
use flate2::Compression;
use flate2::write::GzEncoder;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// Builds the web app into `<root>/dist` and returns that path.
pub fn build(root: &Path, release: bool) -> anyhow::Result<PathBuf> {
    crate::tools::ensure_wasm_target()?;
    let started = Instant::now();
    let profile = if release { "wasm-release" } else { "dev" };
    let mut command = process::cargo();
    command.current_dir(root).args([
        "build",
        "--package",
        "frontend",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
    ]);
    process::run_status(&mut command, "the frontend build")?;
    let profile_dir = if release { "wasm-release" } else { "debug" };
    let wasm = crate::target_dir(root)
        .join("wasm32-unknown-unknown")
        .join(profile_dir)
        .join("frontend.wasm");
    if !wasm.is_file() {
        bail!("the frontend build produced no {}", wasm.display());
    }
    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).with_context(|| format!("cannot clear {}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist)?;
    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&wasm)
        .web(true)?
        .typescript(false)
        .debug(!release)
        .remove_name_section(release)
        .remove_producers_section(release)
        .out_name("frontend")
        .generate(&dist)
        .context("wasm-bindgen failed")?;
    for file in ["index.html", "boot.js", "style.css"] {
        std::fs::copy(root.join("frontend").join(file), dist.join(file))
            .with_context(|| format!("cannot copy frontend/{file}"))?;
    }
    let mut sizes = Vec::new();
    for entry in std::fs::read_dir(&dist)? {
        let path = entry?.path();
        let compressible = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("js" | "wasm" | "css" | "html")
        );
        if compressible {
            let raw = std::fs::read(&path)?;
            let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
            encoder.write_all(&raw)?;
            let gz = encoder.finish()?;
            let mut gz_path = path.clone().into_os_string();
            gz_path.push(".gz");
            std::fs::write(&gz_path, &gz)?;
            // Brotli at quality 9: most of quality 11's gain in a fraction of its time.
            let mut br = Vec::new();
            let params = brotli::enc::BrotliEncoderParams {
                quality: 9,
                lgwin: 22,
                ..Default::default()
            };
            brotli::BrotliCompress(&mut raw.as_slice(), &mut br, &params)?;
            let mut br_path = path.clone().into_os_string();
            br_path.push(".br");
            std::fs::write(&br_path, &br)?;
            if path.extension().is_some_and(|e| e == "wasm") {
                sizes.push(format!(
                    "wasm {} KB raw, {} KB gzipped, {} KB brotli",
                    raw.len() / 1024,
                    gz.len() / 1024,
                    br.len() / 1024
                ));
            }
        }
    }
    println!(
        "web app built into {} in {:.0} s ({})",
        dist.display(),
        started.elapsed().as_secs_f64(),
        sizes.join(", ")
    );
    Ok(dist)
}
