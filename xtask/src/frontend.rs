//! Building the web app into `dist/`: the wasm crate, split into a main module and the
//! lazily loaded routes' chunks (`wasm_split_cli_support`), bound by wasm-bindgen (as a
//! library), the static files, content-hashed names, and gzip and brotli copies.

use crate::process;
use anyhow::{Context, bail};
use flate2::Compression;
use flate2::write::GzEncoder;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The module that loads the chunks, written by the splitter beside the main module.
const SPLIT_LOADER: &str = "__wasm_split.js";

/// Builds the web app into `<root>/dist` and returns that path.
pub fn build(root: &Path, release: bool) -> anyhow::Result<PathBuf> {
    crate::tools::ensure_wasm_target()?;
    let started = Instant::now();
    let profile = if release { "wasm-release" } else { "dev" };
    // The splitter needs the linker's relocations. Passed to the final link only (`cargo
    // rustc … -- <flags>`), so the dependencies stay the ones clippy and other builds use.
    let mut command = process::cargo();
    command.current_dir(root).args([
        "rustc",
        "--package",
        "frontend",
        "--lib",
        "--target",
        "wasm32-unknown-unknown",
        "--profile",
        profile,
        "--",
        "-Clink-args=--emit-relocs",
    ]);
    process::run_status(&mut command, "the frontend build")?;
    let out_dir = wasm_out_dir(root, release);
    let wasm = out_dir.join("frontend.wasm");
    if !wasm.is_file() {
        bail!("the frontend build produced no {}", wasm.display());
    }
    let dist = root.join("dist");
    if dist.exists() {
        std::fs::remove_dir_all(&dist).with_context(|| format!("cannot clear {}", dist.display()))?;
    }
    std::fs::create_dir_all(&dist)?;

    // The split comes first: nothing may change the wasm before it. The chunks and their
    // loader go to dist/, the main module to wasm-bindgen.
    let main_module = split_main_path(&out_dir);
    let input = std::fs::read(&wasm).with_context(|| format!("cannot read {}", wasm.display()))?;
    let mut options = wasm_split_cli_support::Options::new(&input);
    options.output_dir = &dist;
    options.main_out_path = &main_module;
    options.link_name = "./__wasm_split.js";
    options.main_module = "./frontend.js";
    let split =
        wasm_split_cli_support::transform(options).map_err(|err| anyhow::anyhow!("the wasm split failed: {err:?}"))?;
    if release {
        // wasm-bindgen strips the main module; the chunks keep the linker's function
        // names (three quarters of their bytes) unless dropped here.
        for chunk in &split.split_modules {
            let bytes = std::fs::read(chunk)?;
            std::fs::write(chunk, without_custom_sections(&bytes, &["name", "producers"])?)?;
        }
    }

    wasm_bindgen_cli_support::Bindgen::new()
        .input_path(&main_module)
        .web(true)?
        .typescript(false)
        .debug(!release)
        .keep_lld_exports(true)
        .demangle(false)
        .remove_name_section(release)
        .remove_producers_section(release)
        .out_name("frontend")
        .generate(&dist)
        .context("wasm-bindgen failed")?;
    for file in ["index.html", "boot.js", "style.css", "favicon.svg"] {
        std::fs::copy(root.join("frontend").join(file), dist.join(file))
            .with_context(|| format!("cannot copy frontend/{file}"))?;
    }
    fingerprint(&dist)?;
    compress(&dist)?;
    let size = signin_size(&dist)?;
    println!(
        "web app built into {} in {:.0} s (the sign-in page loads {} KB raw, {} KB gzipped, {} KB brotli; \
         {} lazily loaded chunks, {} KB gzipped)",
        dist.display(),
        started.elapsed().as_secs_f64(),
        size.raw / 1024,
        size.gzip / 1024,
        size.brotli / 1024,
        size.chunks,
        size.chunks_gzip / 1024,
    );
    Ok(dist)
}

/// Where cargo writes the web app's wasm for the release (`wasm-release`) or dev profile.
fn wasm_out_dir(root: &Path, release: bool) -> PathBuf {
    crate::target_dir(root)
        .join("wasm32-unknown-unknown")
        .join(if release { "wasm-release" } else { "debug" })
}

/// The main module as the splitter leaves it (with its name section), in the build's
/// output directory.
fn split_main_path(out_dir: &Path) -> PathBuf {
    out_dir.join("frontend.split.wasm")
}

/// `wasm` without the custom sections called one of `names`; every other section as it is.
fn without_custom_sections(wasm: &[u8], names: &[&str]) -> anyhow::Result<Vec<u8>> {
    let mut out = wasm.get(..8).context("a chunk is not a wasm module")?.to_vec();
    for payload in wasmparser::Parser::new(0).parse_all(wasm) {
        let payload = payload.context("cannot parse a chunk")?;
        if let wasmparser::Payload::CustomSection(section) = &payload
            && names.contains(&section.name())
        {
            continue;
        }
        let Some((id, range)) = payload.as_section() else {
            continue;
        };
        out.push(id);
        let mut size = u32::try_from(range.end - range.start).context("a section over 4 GiB")?;
        loop {
            let byte = (size & 0x7f) as u8;
            size >>= 7;
            out.push(if size == 0 { byte } else { byte | 0x80 });
            if size == 0 {
                break;
            }
        }
        let start = usize::try_from(range.start)?;
        let end = usize::try_from(range.end)?;
        out.extend_from_slice(wasm.get(start..end).context("a section past the end of a chunk")?);
    }
    Ok(out)
}

/// Whether a file of `dist/` is a chunk of the lazily loaded routes (not part of what
/// the sign-in page loads).
fn is_chunk(name: &str) -> bool {
    (name.starts_with("split_") || name.starts_with("chunk_")) && name.ends_with(".wasm")
}

/// Gives every script, stylesheet and wasm module a name with its content's hash
/// (`frontend-<hash>.js`), so they can be cached for good, and rewrites the references
/// to them; `index.html` keeps its name. Files are named leaves first: the chunks and the
/// main module, then the main script with the chunk loader (they import each other, so
/// they share one hash of both), then the starter script and the stylesheet.
fn fingerprint(dist: &Path) -> anyhow::Result<()> {
    let mut wasm: Vec<String> = file_names(dist)?
        .into_iter()
        .filter(|name| name.ends_with(".wasm"))
        .collect();
    wasm.sort();
    let mut groups: Vec<Vec<String>> = wasm.into_iter().map(|name| vec![name]).collect();
    groups.push(vec!["frontend.js".to_owned(), SPLIT_LOADER.to_owned()]);
    groups.push(vec!["boot.js".to_owned()]);
    groups.push(vec!["style.css".to_owned()]);
    let mut renamed: BTreeMap<String, String> = BTreeMap::new();
    for group in groups {
        let mut contents = Vec::new();
        let mut hasher = Sha256::new();
        for name in &group {
            let path = dist.join(name);
            let mut content = std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))?;
            if !name.ends_with(".wasm") {
                content = rewrite(&content, &renamed)?;
            }
            hasher.update(&content);
            contents.push(content);
        }
        let hash: String = hasher.finalize()[..8].iter().map(|b| format!("{b:02x}")).collect();
        let own: BTreeMap<String, String> = group
            .iter()
            .map(|name| {
                let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
                (name.clone(), format!("{stem}-{hash}.{ext}"))
            })
            .collect();
        for (name, content) in group.iter().zip(contents) {
            // Members of one group refer to each other by their new names too.
            let content = if name.ends_with(".wasm") {
                content
            } else {
                rewrite(&content, &own)?
            };
            std::fs::write(dist.join(&own[name]), content)?;
            std::fs::remove_file(dist.join(name))?;
        }
        renamed.extend(own);
    }
    let index = dist.join("index.html");
    let content = rewrite(&std::fs::read(&index)?, &renamed)?;
    std::fs::write(&index, content)?;
    Ok(())
}

/// Replaces every quoted reference to a renamed file (`"./x.wasm"`, `'/boot.js'`,
/// `"style.css"`) by its new name — but not an object key (`"./__wasm_split.js": …`,
/// how wasm-bindgen names the module a wasm import comes from, which stays as linked).
fn rewrite(content: &[u8], renamed: &BTreeMap<String, String>) -> anyhow::Result<Vec<u8>> {
    let mut text = String::from_utf8(content.to_vec()).context("a script or page of the web app is not UTF-8")?;
    for (old, new) in renamed {
        for before in ['/', '"', '\''] {
            for after in ['"', '\''] {
                let from = format!("{before}{old}{after}");
                let mut out = String::with_capacity(text.len());
                let mut rest = text.as_str();
                while let Some(at) = rest.find(&from) {
                    let end = at + from.len();
                    let is_key = rest[end..].trim_start().starts_with(':');
                    out.push_str(&rest[..at]);
                    if is_key {
                        out.push_str(&from);
                    } else {
                        out.push_str(&format!("{before}{new}{after}"));
                    }
                    rest = &rest[end..];
                }
                out.push_str(rest);
                text = out;
            }
        }
    }
    Ok(text.into_bytes())
}

fn file_names(dist: &Path) -> anyhow::Result<Vec<String>> {
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dist)? {
        let entry = entry?;
        if entry.file_type()?.is_file() {
            names.push(entry.file_name().to_string_lossy().into_owned());
        }
    }
    Ok(names)
}

/// Writes a gzip and a brotli copy beside every script, stylesheet, page and module.
fn compress(dist: &Path) -> anyhow::Result<()> {
    for name in file_names(dist)? {
        let path = dist.join(&name);
        let compressible = matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("js" | "wasm" | "css" | "html")
        );
        if !compressible {
            continue;
        }
        let raw = std::fs::read(&path)?;
        let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(&raw)?;
        std::fs::write(dist.join(format!("{name}.gz")), encoder.finish()?)?;
        // Brotli at quality 9: most of quality 11's gain in a fraction of its time.
        let mut br = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 9,
            lgwin: 22,
            ..Default::default()
        };
        brotli::BrotliCompress(&mut raw.as_slice(), &mut br, &params)?;
        std::fs::write(dist.join(format!("{name}.br")), br)?;
    }
    Ok(())
}

/// What the sign-in page downloads: every script, stylesheet and module but the chunks
/// of the lazily loaded routes (sign-in is in the main module), in bytes.
#[derive(Debug, Default, Clone, Copy)]
pub struct SigninSize {
    pub raw: u64,
    pub gzip: u64,
    pub brotli: u64,
    /// The chunks, which this page does not load, and their gzipped bytes.
    pub chunks: usize,
    pub chunks_gzip: u64,
}

/// Measures [`SigninSize`] from the files of `dist` and their compressed copies.
pub fn signin_size(dist: &Path) -> anyhow::Result<SigninSize> {
    let mut size = SigninSize::default();
    let len = |name: &str| -> anyhow::Result<u64> {
        let path = dist.join(name);
        Ok(std::fs::metadata(&path)
            .with_context(|| format!("cannot read {}", path.display()))?
            .len())
    };
    for name in file_names(dist)? {
        let loaded = [".js", ".wasm", ".css"].iter().any(|ext| name.ends_with(ext));
        if !loaded {
            continue;
        }
        if is_chunk(&name) {
            size.chunks += 1;
            size.chunks_gzip += len(&format!("{name}.gz"))?;
            continue;
        }
        size.raw += len(&name)?;
        size.gzip += len(&format!("{name}.gz"))?;
        size.brotli += len(&format!("{name}.br"))?;
    }
    Ok(size)
}

/// The sign-in page's budget, gzipped: what it downloads before the form appears.
pub const SIGNIN_BUDGET_KB: u64 = 300;

/// Fails when the sign-in page downloads more than [`SIGNIN_BUDGET_KB`] gzipped, listing
/// the largest functions of the main module (from its name section) as where to look.
pub fn check_budget(root: &Path, dist: &Path) -> anyhow::Result<()> {
    let size = signin_size(dist)?;
    println!(
        "the sign-in page loads {} KB gzipped ({} KB raw, {} KB brotli); budget {SIGNIN_BUDGET_KB} KB gzipped",
        size.gzip / 1024,
        size.raw / 1024,
        size.brotli / 1024
    );
    if size.gzip <= SIGNIN_BUDGET_KB * 1024 {
        return Ok(());
    }
    let main_module = split_main_path(&wasm_out_dir(root, true));
    let largest = largest_functions(&std::fs::read(&main_module)?, 25)?;
    eprintln!("the largest functions of the main module ({}):", main_module.display());
    for (bytes, name) in &largest {
        eprintln!("{bytes:>8} B  {name}");
    }
    bail!(
        "the sign-in page loads {} KB gzipped, over the budget of {SIGNIN_BUDGET_KB} KB",
        size.gzip / 1024
    )
}

/// The `count` largest function bodies of a wasm module, in bytes, with their names from
/// the name section (demangled by hand only as far as dropping the hash suffix).
pub fn largest_functions(wasm: &[u8], count: usize) -> anyhow::Result<Vec<(u64, String)>> {
    use wasmparser::{Name, Parser, Payload};
    let mut imported = 0u32;
    let mut bodies = Vec::new();
    let mut names: BTreeMap<u32, String> = BTreeMap::new();
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.context("cannot parse the main module")? {
            Payload::ImportSection(reader) => {
                for import in reader.into_imports() {
                    if matches!(import?.ty, wasmparser::TypeRef::Func(_)) {
                        imported += 1;
                    }
                }
            }
            Payload::CodeSectionEntry(body) => {
                let range = body.range();
                bodies.push(range.end - range.start);
            }
            Payload::CustomSection(section) => {
                if let wasmparser::KnownCustom::Name(reader) = section.as_known() {
                    for name in reader {
                        if let Name::Function(map) = name? {
                            for naming in map {
                                let naming = naming?;
                                names.insert(naming.index, naming.name.to_owned());
                            }
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let mut largest: Vec<(u64, String)> = bodies
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| {
            let index = imported + u32::try_from(i).unwrap_or(u32::MAX);
            let name = names
                .get(&index)
                .cloned()
                .unwrap_or_else(|| format!("function #{index}"));
            (bytes, name)
        })
        .collect();
    largest.sort_by_key(|function| std::cmp::Reverse(function.0));
    largest.truncate(count);
    Ok(largest)
}
