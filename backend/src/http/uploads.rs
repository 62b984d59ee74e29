//! Receiving and serving files: the body read under the 20 MiB limit, the type checked,
//! the bytes hashed and put behind the storage trait; downloads with the original name.

use crate::domain::files::{self, AcceptedFile, MAX_FILE_SIZE};
use crate::error::ApiError;
use crate::state::AppState;
use actix_web::http::header::{self, Charset, ContentDisposition, DispositionParam, DispositionType, ExtendedValue};
use actix_web::{HttpRequest, HttpResponse, web};
use futures_util::StreamExt;
use sha2::{Digest, Sha256};

/// The raw bytes of a file, for the OpenAPI document.
#[derive(utoipa::ToSchema)]
#[schema(value_type = String, format = Binary)]
pub struct FileContent(pub Vec<u8>);

async fn read_limited(req: &HttpRequest, mut payload: web::Payload) -> Result<Vec<u8>, ApiError> {
    let declared = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.parse::<usize>().ok());
    if declared.is_some_and(|length| length > MAX_FILE_SIZE) {
        return Err(ApiError::PayloadTooLarge);
    }
    let mut content = Vec::with_capacity(declared.unwrap_or(0));
    while let Some(chunk) = payload.next().await {
        let chunk = chunk.map_err(|err| ApiError::body_read(&err, "the upload"))?;
        if content.len() + chunk.len() > MAX_FILE_SIZE {
            return Err(ApiError::PayloadTooLarge);
        }
        content.extend_from_slice(&chunk);
    }
    Ok(content)
}

/// A file received and stored, not yet recorded in the database.
#[derive(Debug)]
pub struct Stored {
    /// The accepted name and media type.
    pub accepted: AcceptedFile,
    /// Bytes.
    pub size: i64,
    /// Hex SHA-256.
    pub sha256: String,
    /// Where the storage keeps it.
    pub key: String,
}

/// Reads the body, checks its type against `file_name`, and stores it under `prefix/`.
pub async fn receive(
    state: &AppState,
    req: &HttpRequest,
    payload: web::Payload,
    file_name: &str,
    prefix: &str,
) -> Result<Stored, ApiError> {
    let content = read_limited(req, payload).await?;
    let accepted = files::accept(file_name, &content).map_err(|err| ApiError::Validation(vec![err]))?;
    let size = i64::try_from(content.len()).map_err(|err| ApiError::Internal(err.into()))?;
    let sha256: String = Sha256::digest(&content)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect();
    let key = format!("{prefix}/{}", uuid::Uuid::new_v4());
    let (storage, stored_key) = (state.storage.clone(), key.clone());
    web::block(move || storage.put(&stored_key, &content))
        .await
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("blocking task failed: {err}")))??;
    Ok(Stored {
        accepted,
        size,
        sha256,
        key,
    })
}

/// Removes a stored file whose database record could not be written.
pub fn discard(state: &AppState, key: &str) {
    if let Err(cleanup) = state.storage.delete(key) {
        tracing::warn!(error = %cleanup, key = %key, "could not remove an orphaned upload");
    }
}

/// `Content-Disposition: attachment` with the name in ASCII (other characters as `_`) and
/// in UTF-8 (`filename*`), which every current browser prefers.
pub fn disposition(file_name: &str) -> ContentDisposition {
    let ascii: String = file_name
        .chars()
        .map(|c| if c.is_ascii_graphic() || c == ' ' { c } else { '_' })
        .collect();
    ContentDisposition {
        disposition: DispositionType::Attachment,
        parameters: vec![
            DispositionParam::Filename(ascii),
            DispositionParam::FilenameExt(ExtendedValue {
                charset: Charset::Ext("UTF-8".to_owned()),
                language_tag: None,
                value: file_name.as_bytes().to_vec(),
            }),
        ],
    }
}

/// Serves a stored file as an attachment with its original name (`filename*` in UTF-8).
pub async fn serve(
    state: &AppState,
    key: String,
    file_name: &str,
    content_type: &str,
) -> Result<HttpResponse, ApiError> {
    let storage = state.storage.clone();
    let content = web::block(move || storage.get(&key))
        .await
        .map_err(|err| ApiError::Internal(anyhow::anyhow!("blocking task failed: {err}")))??;
    Ok(HttpResponse::Ok()
        .insert_header((header::CONTENT_TYPE, content_type.to_owned()))
        .insert_header(disposition(file_name))
        .insert_header((header::CACHE_CONTROL, "private, no-store"))
        .body(content))
}
