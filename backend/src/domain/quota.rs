//! How much an organisation may store: a number of files and a number of bytes, over
//! every file it keeps (attachments of documents, plan items, pilots and events, and the
//! files of its resources' versions). An upload that would go past either is refused,
//! with the figures, so the school knows what to remove.

/// The most an organisation may store, set by the operator (`ATTACHMENT_QUOTA_FILES`,
/// `ATTACHMENT_QUOTA_BYTES`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StorageQuota {
    /// Files.
    pub files: i64,
    /// Bytes.
    pub bytes: i64,
}

impl StorageQuota {
    /// Files an organisation keeps when the operator sets nothing: about ten years of a
    /// school's evidence, materials and versions at a few hundred files a year.
    pub const DEFAULT_FILES: u64 = 2000;
    /// Bytes when the operator sets nothing: 2 GiB, a thousand scanned documents or
    /// presentations of 2 MiB (a hundred schools fill 200 GiB).
    pub const DEFAULT_BYTES: u64 = 2 * 1024 * 1024 * 1024;

    /// A quota of `files` and `bytes`, each capped at what the database counts in.
    pub fn new(files: u64, bytes: u64) -> Self {
        Self {
            files: i64::try_from(files).unwrap_or(i64::MAX),
            bytes: i64::try_from(bytes).unwrap_or(i64::MAX),
        }
    }

    /// Whether one more file of `size` bytes fits beside what is `used`; the figures of
    /// the refusal otherwise.
    pub fn admits(self, used: StorageUse, size: i64) -> Result<(), QuotaExceeded> {
        let files_fit = used.files < self.files;
        let bytes_fit = used.bytes.checked_add(size).is_some_and(|total| total <= self.bytes);
        if files_fit && bytes_fit {
            Ok(())
        } else {
            Err(QuotaExceeded { used, quota: self })
        }
    }
}

impl Default for StorageQuota {
    fn default() -> Self {
        Self::new(Self::DEFAULT_FILES, Self::DEFAULT_BYTES)
    }
}

/// What an organisation stores now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StorageUse {
    /// Files.
    pub files: i64,
    /// Bytes.
    pub bytes: i64,
}

/// An upload refused by the quota: what the organisation stores and may store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuotaExceeded {
    /// What it stores now (without the refused file).
    pub used: StorageUse,
    /// What it may store.
    pub quota: StorageQuota,
}

#[cfg(test)]
mod tests {
    use super::*;

    const QUOTA: StorageQuota = StorageQuota { files: 3, bytes: 100 };

    fn used(files: i64, bytes: i64) -> StorageUse {
        StorageUse { files, bytes }
    }

    #[test]
    fn a_file_fits_up_to_the_last_byte_and_the_last_file() {
        assert_eq!(QUOTA.admits(used(0, 0), 100), Ok(()));
        assert_eq!(QUOTA.admits(used(2, 60), 40), Ok(()));
    }

    #[test]
    fn one_file_or_one_byte_too_many_is_refused_with_the_figures() {
        let refused = QUOTA.admits(used(2, 60), 41).unwrap_err();
        assert_eq!(refused.used, used(2, 60));
        assert_eq!(refused.quota, QUOTA);
        assert!(QUOTA.admits(used(3, 0), 1).is_err(), "the fourth file");
        assert!(QUOTA.admits(used(0, 0), i64::MAX).is_err(), "no overflow");
    }

    #[test]
    fn a_quota_past_what_the_database_counts_is_capped() {
        assert_eq!(StorageQuota::new(u64::MAX, 1).files, i64::MAX);
        assert_eq!(
            StorageQuota::default(),
            StorageQuota {
                files: 2000,
                bytes: 2_147_483_648
            }
        );
    }
}
