//! What an organisation stores: its attachments and the files of its resources'
//! versions, counted and summed by the database over indexes by organisation and by
//! resource (decision 31).

use crate::db::DbConnection;
use crate::domain::quota::StorageUse;
use diesel::prelude::*;
use diesel::sql_types::BigInt;
use openapi::OrganisationId;

/// The files and bytes of `$1`'s attachments and resource version files.
const STORED: &str = "SELECT CAST(COUNT(*) AS BIGINT) AS files, CAST(COALESCE(SUM(size), 0) AS BIGINT) AS bytes
    FROM (
        SELECT size FROM attachments WHERE org_id = $1
        UNION ALL
        SELECT f.size FROM resource_files f JOIN resources r ON r.id = f.resource_id WHERE r.org_id = $1
    ) stored";

#[derive(Debug, QueryableByName)]
struct Stored {
    #[diesel(sql_type = BigInt)]
    files: i64,
    #[diesel(sql_type = BigInt)]
    bytes: i64,
}

/// How many files an organisation keeps and how many bytes they take.
pub fn of(conn: &mut DbConnection, org: OrganisationId) -> QueryResult<StorageUse> {
    let stored: Stored = diesel::sql_query(STORED).bind::<BigInt, _>(org.0).get_result(conn)?;
    Ok(StorageUse {
        files: stored.files,
        bytes: stored.bytes,
    })
}
