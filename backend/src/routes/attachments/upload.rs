//! Receiving an attached file: the owner checked on a short checkout, the body received
//! with no connection held, then the record written in one transaction that checks the
//! owner again (a version may be decided while its file is being received).

use crate::auth::Session;
use crate::error::ApiError;
use crate::http::uploads;
use crate::services::attachments::{self, Owner, Upload};
use actix_web::{HttpRequest, HttpResponse, web};

/// Checks that the caller may attach a file to `owner`, receives and stores the body as
/// `file_name`, and records it; the stored bytes are removed again when the record is
/// refused.
pub(super) async fn attach(
    session: Session,
    owner: Owner,
    file_name: &str,
    req: HttpRequest,
    payload: web::Payload,
) -> Result<HttpResponse, ApiError> {
    session
        .clone()
        .run(move |conn, caller| attachments::may_attach(conn, caller, owner))
        .await?;
    let prefix = attachments::storage_prefix(owner);
    let stored = uploads::receive(session.state(), &req, payload, file_name, &prefix).await?;
    let files = session.clone();
    let key = stored.key.clone();
    let quota = session.state().quota;
    let recorded = session
        .run(move |conn, caller| {
            let upload = Upload {
                file_name: &stored.accepted.file_name,
                content_type: stored.accepted.content_type,
                size: stored.size,
                sha256: &stored.sha256,
                storage_key: &stored.key,
            };
            attachments::attach(conn, caller, owner, upload, quota)
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
