//! Where uploaded files live: behind a trait, so that a local directory (now) and an
//! S3-compatible object store (later) are interchangeable.

use anyhow::Context;
use std::io::Write;
use std::path::PathBuf;

/// A store of immutable blobs under string keys.
pub trait Storage: Send + Sync + std::fmt::Debug {
    /// Stores a blob under a new key.
    fn put(&self, key: &str, content: &[u8]) -> anyhow::Result<()>;
    /// Reads a blob.
    fn get(&self, key: &str) -> anyhow::Result<Vec<u8>>;
    /// Removes a blob (used to undo a put whose database write failed).
    fn delete(&self, key: &str) -> anyhow::Result<()>;
}

/// Blobs as files under a directory (`DATA_DIR/files`).
#[derive(Debug, Clone)]
pub struct LocalStorage {
    root: PathBuf,
}

impl LocalStorage {
    /// A store rooted at a directory, created if missing.
    pub fn new(root: PathBuf) -> anyhow::Result<Self> {
        std::fs::create_dir_all(&root).with_context(|| format!("cannot create {}", root.display()))?;
        Ok(Self { root })
    }

    fn path(&self, key: &str) -> anyhow::Result<PathBuf> {
        let safe = !key.is_empty()
            && key
                .split('/')
                .all(|part| !part.is_empty() && part != "." && part != "..")
            && key
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'/' || b == b'-' || b == b'_');
        anyhow::ensure!(safe, "invalid storage key {key:?}");
        Ok(self.root.join(key))
    }
}

impl Storage for LocalStorage {
    fn put(&self, key: &str, content: &[u8]) -> anyhow::Result<()> {
        let path = self.path(key)?;
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        // Write aside, then rename: a reader never sees half a file.
        let partial = path.with_extension("partial");
        let mut file =
            std::fs::File::create(&partial).with_context(|| format!("cannot create {}", partial.display()))?;
        file.write_all(content)?;
        file.sync_all()?;
        std::fs::rename(&partial, &path)?;
        Ok(())
    }

    fn get(&self, key: &str) -> anyhow::Result<Vec<u8>> {
        let path = self.path(key)?;
        std::fs::read(&path).with_context(|| format!("cannot read {}", path.display()))
    }

    fn delete(&self, key: &str) -> anyhow::Result<()> {
        let path = self.path(key)?;
        std::fs::remove_file(&path).with_context(|| format!("cannot delete {}", path.display()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blobs_round_trip_and_keys_cannot_escape_the_root() {
        let root = std::env::temp_dir().join(format!("storage-test-{}", uuid::Uuid::new_v4()));
        let store = LocalStorage::new(root.clone()).unwrap();
        store.put("12/abc-def", b"content").unwrap();
        assert_eq!(store.get("12/abc-def").unwrap(), b"content");
        store.delete("12/abc-def").unwrap();
        let gone = store.get("12/abc-def").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(gone.starts_with("cannot read"), "{gone}");
        for bad in ["../x", "/etc/passwd", "a/../../b", "", "a b"] {
            let refused = store.put(bad, b"x").err().map(|e| e.to_string()).unwrap_or_default();
            assert!(refused.starts_with("invalid storage key"), "{bad}: {refused}");
        }
        std::fs::remove_dir_all(root).unwrap();
    }
}
