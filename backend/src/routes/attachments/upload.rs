//! Receiving an attached file: the body first, then one database checkout that checks the
//! owner and records the file in one transaction.

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::uploads;
use crate::services::attachments::{self, Owner, Upload};
use actix_web::{HttpRequest, HttpResponse, web};

/// Receives and stores the body as `file_name`, then records it as a file of `owner`; the
/// stored bytes are removed again when the record is refused. When the file itself is
/// refused (too large, not of the named type), the owner's own refusal (`404`, `403`,
/// `not_under_review`) is answered first.
pub(super) async fn attach(
    session: Session,
    owner: Owner,
    file_name: &str,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let prefix = attachments::storage_prefix(owner);
    let stored = match uploads::receive(session.state(), &req, payload, file_name, &prefix).await {
        Ok(stored) => stored,
        Err(refused) => {
            session
                .run(move |conn, caller| attachments::may_attach(conn, caller, owner))
                .await?;
            return Err(refused);
        }
    };
    let files = session.clone();
    let key = stored.key.clone();
    let recorded = session
        .run(move |conn, caller| {
            let upload = Upload {
                file_name: &stored.accepted.file_name,
                content_type: stored.accepted.content_type,
                size: stored.size,
                sha256: &stored.sha256,
                storage_key: &stored.key,
            };
            attachments::attach(conn, caller, owner, upload)
        })
        .await;
    match recorded {
        Ok(file) => Ok(HttpResponse::Created().json(file)),
        Err(err) => {
            uploads::discard(files.state(), &key);
            Err(err)
        }
    }
}
