//! The `feedback` table, and the metrics aggregated from it.

use super::PageRequest;
use crate::db::schema::{deliveries, feedback, requests, resources};
use crate::db::{DbConnection, read_model};
use crate::domain::metrics::{Counts, Response, Scope, Tally, to_metrics};
use chrono::{Datelike, NaiveDate, NaiveDateTime};
use diesel::dsl::count_star;
use diesel::prelude::*;
use openapi::feedback::{Feedback, Metrics, MonthlyMetrics};
use openapi::requests::RequestStatus;
use openapi::{FeedbackId, OrganisationId, ResourceId};

/// The `via` of an answer given in the app.
pub const VIA_APP: &str = "app";
/// The `via` of an answer given through a single-use link.
pub const VIA_LINK: &str = "link";

/// A new answer, validated.
#[derive(Debug, Clone)]
pub struct NewFeedback<'a> {
    /// Delivery.
    pub delivery_id: i64,
    /// Resource.
    pub resource_id: i64,
    /// Host school.
    pub org_id: i64,
    /// Consumer school.
    pub recipient_org_id: i64,
    /// `user:<id>` (in the app) or `email:<e-mail>` (by link); `link:<name>` for links
    /// issued before links named an e-mail. One answer per key and delivery.
    pub respondent_key: &'a str,
    /// The respondent's normalised e-mail (the account's in the app, the link's by
    /// link): one answer per e-mail and delivery. Absent only for links issued before.
    pub respondent_email: Option<&'a str>,
    /// The account, when answered in the app.
    pub respondent_user_id: Option<i64>,
    /// The name shown.
    pub respondent_name: &'a str,
    /// 1–5.
    pub csat: u8,
    /// 0–10.
    pub recommend: u8,
    /// Ready to recommend.
    pub ready: bool,
    /// Comment.
    pub comment: &'a str,
    /// `app` or `link`.
    pub via: &'a str,
}

/// Records an answer; a second answer by the same respondent (key or e-mail) is a unique
/// violation.
pub fn insert(conn: &mut DbConnection, new: &NewFeedback<'_>) -> QueryResult<i64> {
    let id = diesel::insert_into(feedback::table)
        .values((
            feedback::delivery_id.eq(new.delivery_id),
            feedback::resource_id.eq(new.resource_id),
            feedback::org_id.eq(new.org_id),
            feedback::recipient_org_id.eq(new.recipient_org_id),
            feedback::respondent_key.eq(new.respondent_key),
            feedback::respondent_email.eq(new.respondent_email),
            feedback::respondent_user_id.eq(new.respondent_user_id),
            feedback::respondent_name.eq(new.respondent_name),
            feedback::csat.eq(i32::from(new.csat)),
            feedback::recommend.eq(i32::from(new.recommend)),
            feedback::ready.eq(new.ready),
            feedback::comment.eq(new.comment),
            feedback::via.eq(new.via),
            feedback::created_at.eq(super::now()),
        ))
        .returning(feedback::id)
        .get_result(conn)?;
    let response = Response {
        csat: new.csat,
        recommend: new.recommend,
        ready: new.ready,
        by_link: new.via == VIA_LINK,
    };
    let respondent = new.respondent_email.unwrap_or(new.respondent_key);
    read_model::on_answer(conn, new.resource_id, new.org_id, respondent, response)?;
    Ok(id)
}

type Row = (
    i64,
    i64,
    i64,
    i64,
    String,
    i32,
    i32,
    bool,
    String,
    String,
    NaiveDateTime,
);

fn to_dto(row: Row) -> Feedback {
    let (id, delivery_id, resource_id, recipient, respondent_name, csat, recommend, ready, comment, via, at) = row;
    Feedback {
        id,
        delivery_id,
        resource_id: ResourceId(resource_id),
        recipient_org_id: OrganisationId(recipient),
        respondent_name,
        csat: u8::try_from(csat).unwrap_or(0),
        recommend: u8::try_from(recommend).unwrap_or(0),
        ready,
        comment,
        via,
        created_at: at.and_utc(),
    }
}

/// One answer.
pub fn load(conn: &mut DbConnection, id: FeedbackId) -> QueryResult<Feedback> {
    let id = id.0;
    feedback::table
        .select(COLUMNS)
        .filter(feedback::id.eq(id))
        .first::<Row>(conn)
        .map(to_dto)
}

/// The columns of an answer, in the order of [`Row`].
type Columns = (
    feedback::id,
    feedback::delivery_id,
    feedback::resource_id,
    feedback::recipient_org_id,
    feedback::respondent_name,
    feedback::csat,
    feedback::recommend,
    feedback::ready,
    feedback::comment,
    feedback::via,
    feedback::created_at,
);

const COLUMNS: Columns = (
    feedback::id,
    feedback::delivery_id,
    feedback::resource_id,
    feedback::recipient_org_id,
    feedback::respondent_name,
    feedback::csat,
    feedback::recommend,
    feedback::ready,
    feedback::comment,
    feedback::via,
    feedback::created_at,
);

/// One page of a resource's answers, newest first, and the total.
pub fn list_for_resource(
    conn: &mut DbConnection,
    resource_id: ResourceId,
    page: PageRequest,
) -> QueryResult<(Vec<Feedback>, i64)> {
    let resource_id = resource_id.0;
    let total = feedback::table
        .filter(feedback::resource_id.eq(resource_id))
        .count()
        .get_result(conn)?;
    let rows: Vec<Row> = feedback::table
        .select(COLUMNS)
        .filter(feedback::resource_id.eq(resource_id))
        .order(feedback::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .load(conn)?;
    Ok((rows.into_iter().map(to_dto).collect(), total))
}

/// The metrics of a scope aggregated from the raw rows: one grouped query for the scores
/// (at most 110 groups), one count each for requests and deliveries, one for the adopting
/// schools, one for the respondents. The lists read the read model (`db::read_model`) instead; this is what the
/// read model is checked against.
pub fn aggregate(conn: &mut DbConnection, scope: Scope) -> QueryResult<Metrics> {
    let resource_ids: Vec<i64> = match scope {
        Scope::Resource(id) => vec![id.0],
        Scope::Project(id) => resources::table
            .filter(resources::project_id.eq(id.0))
            .select(resources::id)
            .load(conn)?,
        Scope::School(id) => resources::table
            .filter(resources::org_id.eq(id.0))
            .select(resources::id)
            .load(conn)?,
    };
    let groups: Vec<(i32, i32, bool, String, i64)> = feedback::table
        .filter(feedback::resource_id.eq_any(&resource_ids))
        .group_by((feedback::csat, feedback::recommend, feedback::ready, feedback::via))
        .select((
            feedback::csat,
            feedback::recommend,
            feedback::ready,
            feedback::via,
            count_star(),
        ))
        .load(conn)?;
    let mut tally = Tally::default();
    for (csat, recommend, ready, via, count) in groups {
        let response = Response {
            csat: u8::try_from(csat).unwrap_or(0),
            recommend: u8::try_from(recommend).unwrap_or(0),
            ready,
            by_link: via == VIA_LINK,
        };
        tally.add_many(response, u64::try_from(count).unwrap_or(0));
    }
    let requests = requests::table
        .filter(requests::resource_id.eq_any(&resource_ids))
        .filter(requests::status.eq_any([RequestStatus::Accepted.as_str(), RequestStatus::Answered.as_str()]))
        .count()
        .get_result(conn)?;
    let deliveries = deliveries::table
        .filter(deliveries::resource_id.eq_any(&resource_ids))
        .count()
        .get_result(conn)?;
    let adopting: Vec<i64> = deliveries::table
        .filter(deliveries::resource_id.eq_any(&resource_ids))
        .select(deliveries::recipient_org_id)
        .distinct()
        .load(conn)?;
    let respondents: std::collections::HashSet<String> = feedback::table
        .filter(feedback::resource_id.eq_any(&resource_ids))
        .select((feedback::respondent_email, feedback::respondent_key))
        .load::<(Option<String>, String)>(conn)?
        .into_iter()
        .map(|(email, key)| email.unwrap_or(key))
        .collect();
    let counts = Counts {
        requests,
        deliveries,
        adopting_schools: i64::try_from(adopting.len()).unwrap_or(i64::MAX),
        respondents: i64::try_from(respondents.len()).unwrap_or(i64::MAX),
    };
    Ok(to_metrics(&tally, counts))
}

/// A resource's answers month by month, oldest first; months without answers are left
/// out. The answers of one resource are few (tens to a few thousand), so they are read
/// as (time, scores) and counted here rather than grouped by an engine-specific date
/// function.
pub fn monthly(conn: &mut DbConnection, resource_id: ResourceId) -> QueryResult<Vec<MonthlyMetrics>> {
    let answers: Vec<(NaiveDateTime, i32, i32, bool, String)> = feedback::table
        .filter(feedback::resource_id.eq(resource_id.0))
        .select((
            feedback::created_at,
            feedback::csat,
            feedback::recommend,
            feedback::ready,
            feedback::via,
        ))
        .load(conn)?;
    let mut months: std::collections::BTreeMap<NaiveDate, Tally> = std::collections::BTreeMap::new();
    for (at, csat, recommend, ready, via) in answers {
        let Some(month) = at.date().with_day(1) else { continue };
        months.entry(month).or_default().add(Response {
            csat: u8::try_from(csat).unwrap_or(0),
            recommend: u8::try_from(recommend).unwrap_or(0),
            ready,
            by_link: via == VIA_LINK,
        });
    }
    let count = |value: u64| i64::try_from(value).unwrap_or(i64::MAX);
    Ok(months
        .into_iter()
        .map(|(month, tally)| MonthlyMetrics {
            month,
            responses: count(tally.responses),
            satisfied: count(tally.satisfied),
            promoters: count(tally.promoters),
            detractors: count(tally.detractors),
            ready: count(tally.ready),
            csat_percent: tally.csat_percent(),
            nps: tally.nps(),
            ready_percent: tally.ready_percent(),
        })
        .collect())
}
