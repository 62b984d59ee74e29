//! The `consultations` and `consultation_feedback` tables.

use super::{Backend, PageRequest};
use crate::db::DbConnection;
use crate::db::schema::{consultation_feedback, consultations, resources};
use crate::domain::consultations::{Held, Schedule, mean};
use crate::domain::feedback::Answer;
use crate::domain::text::{like_pattern, search_key};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use openapi::consultations::{
    Consultation, ConsultationCounts, ConsultationForm, ConsultationRatings, ConsultationRole, ConsultationStatus,
};
use openapi::{ConsultationId, OrganisationId, ResourceId, UserId};
use std::collections::{HashMap, HashSet};

/// A row of `consultations`.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = consultations)]
pub struct ConsultationRow {
    /// Id.
    pub id: i64,
    /// The consulting school.
    pub host_org_id: i64,
    /// The recipient organisation.
    pub recipient_org_id: i64,
    /// The host's resource it is about.
    pub resource_id: Option<i64>,
    /// Topic.
    pub topic: String,
    /// Question.
    pub question: String,
    /// Status.
    pub status: String,
    /// Scheduled day.
    pub scheduled_on: Option<NaiveDate>,
    /// Day held.
    pub held_on: Option<NaiveDate>,
    /// Form.
    pub form: Option<String>,
    /// Place or link.
    pub place: String,
    /// Consultants.
    pub consultants: String,
    /// Participants.
    pub participants: String,
    /// Participants counted.
    pub participant_count: Option<i32>,
    /// Outcome.
    pub outcome: String,
    /// Follow-ups.
    pub follow_ups: String,
    /// Decline or cancellation reason.
    pub reason: Option<String>,
    /// Who asked.
    pub requested_by: Option<i64>,
    /// Creation.
    pub created_at: NaiveDateTime,
    /// Last change.
    pub updated_at: NaiveDateTime,
    /// The record's version (see `services::concurrency`).
    pub version: i32,
}

impl ConsultationRow {
    /// The consulting school.
    pub fn host(&self) -> OrganisationId {
        OrganisationId(self.host_org_id)
    }

    /// The recipient.
    pub fn recipient(&self) -> OrganisationId {
        OrganisationId(self.recipient_org_id)
    }

    /// The status; the CHECK constraint keeps other values out.
    pub fn status(&self) -> ConsultationStatus {
        ConsultationStatus::parse(&self.status).unwrap_or(ConsultationStatus::Requested)
    }
}

/// One consultation row.
pub fn find(conn: &mut DbConnection, id: ConsultationId) -> QueryResult<ConsultationRow> {
    consultations::table
        .find(id.0)
        .select(ConsultationRow::as_select())
        .first(conn)
}

/// What a new consultation starts with.
#[derive(Debug)]
pub struct NewConsultation<'a> {
    /// The consulting school.
    pub host: OrganisationId,
    /// The recipient.
    pub recipient: OrganisationId,
    /// The host's resource it is about.
    pub resource: Option<ResourceId>,
    /// Topic.
    pub topic: &'a str,
    /// Question; empty for one recorded without a request.
    pub question: &'a str,
    /// Who asked; `None` for one recorded without a request.
    pub requested_by: Option<UserId>,
    /// Who records it.
    pub actor: UserId,
}

/// Records a consultation: `requested`, or `held` as `held` says.
pub fn insert(conn: &mut DbConnection, new: &NewConsultation<'_>, held: Option<&Held>) -> QueryResult<ConsultationId> {
    let now = super::now();
    let id = diesel::insert_into(consultations::table)
        .values((
            consultations::host_org_id.eq(new.host.0),
            consultations::recipient_org_id.eq(new.recipient.0),
            consultations::resource_id.eq(new.resource.map(|r| r.0)),
            consultations::topic.eq(new.topic),
            consultations::question.eq(new.question),
            consultations::search.eq(search_key(&[new.topic, new.question])),
            consultations::status.eq(ConsultationStatus::Requested.as_str()),
            consultations::place.eq(""),
            consultations::consultants.eq(""),
            consultations::participants.eq(""),
            consultations::outcome.eq(""),
            consultations::follow_ups.eq(""),
            consultations::requested_by.eq(new.requested_by.map(|u| u.0)),
            consultations::created_by.eq(new.actor.0),
            consultations::created_at.eq(now),
            consultations::updated_at.eq(now),
        ))
        .returning(consultations::id)
        .get_result(conn)
        .map(ConsultationId)?;
    if let Some(held) = held {
        hold(conn, id, held)?;
    }
    Ok(id)
}

/// Schedules (or reschedules) a consultation.
pub fn schedule(conn: &mut DbConnection, id: ConsultationId, schedule: &Schedule) -> QueryResult<()> {
    diesel::update(consultations::table.find(id.0))
        .set((
            consultations::status.eq(ConsultationStatus::Scheduled.as_str()),
            consultations::scheduled_on.eq(schedule.scheduled_on),
            consultations::form.eq(schedule.form.as_str()),
            consultations::place.eq(&schedule.place),
            consultations::consultants.eq(&schedule.consultants),
            consultations::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Closes a consultation as declined or cancelled, with the reason.
pub fn close(conn: &mut DbConnection, id: ConsultationId, status: ConsultationStatus, reason: &str) -> QueryResult<()> {
    diesel::update(consultations::table.find(id.0))
        .set((
            consultations::status.eq(status.as_str()),
            consultations::reason.eq(reason),
            consultations::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Records a consultation as held.
pub fn hold(conn: &mut DbConnection, id: ConsultationId, held: &Held) -> QueryResult<()> {
    diesel::update(consultations::table.find(id.0))
        .set((
            consultations::status.eq(ConsultationStatus::Held.as_str()),
            consultations::held_on.eq(held.held_on),
            consultations::form.eq(held.form.as_str()),
            consultations::place.eq(&held.place),
            consultations::consultants.eq(&held.consultants),
            consultations::participants.eq(&held.participants),
            consultations::participant_count.eq(held.participant_count),
            consultations::outcome.eq(&held.outcome),
            consultations::follow_ups.eq(&held.follow_ups),
            consultations::updated_at.eq(super::now()),
        ))
        .execute(conn)
        .map(|_| ())
}

/// Stores one person's answer about a consultation; a second answer of the same person
/// is a unique violation.
pub fn insert_answer(
    conn: &mut DbConnection,
    row: &ConsultationRow,
    respondent: UserId,
    name: &str,
    answer: &Answer,
) -> QueryResult<i64> {
    diesel::insert_into(consultation_feedback::table)
        .values((
            consultation_feedback::consultation_id.eq(row.id),
            consultation_feedback::host_org_id.eq(row.host_org_id),
            consultation_feedback::recipient_org_id.eq(row.recipient_org_id),
            consultation_feedback::respondent_id.eq(respondent.0),
            consultation_feedback::respondent_name.eq(name),
            consultation_feedback::csat.eq(i32::from(answer.csat)),
            consultation_feedback::recommend.eq(i32::from(answer.recommend)),
            consultation_feedback::ready.eq(answer.ready),
            consultation_feedback::comment.eq(&answer.comment),
            consultation_feedback::created_at.eq(super::now()),
        ))
        .returning(consultation_feedback::id)
        .get_result(conn)
}

/// The ratings of answers `(csat, recommend, ready)`.
fn ratings(answers: &[(i32, i32, bool)]) -> ConsultationRatings {
    let count = i64::try_from(answers.len()).unwrap_or(i64::MAX);
    let csat: i64 = answers.iter().map(|a| i64::from(a.0)).sum();
    let recommend: i64 = answers.iter().map(|a| i64::from(a.1)).sum();
    ConsultationRatings {
        responses: count,
        csat_mean: mean(csat, count),
        recommend_mean: mean(recommend, count),
        ready: i64::try_from(answers.iter().filter(|a| a.2).count()).unwrap_or_default(),
    }
}

/// The API representation of rows, with both sides' names, the resources' titles and
/// the ratings: three more queries, whatever the number of rows.
pub fn complete(conn: &mut DbConnection, rows: Vec<ConsultationRow>) -> QueryResult<Vec<Consultation>> {
    let ids: Vec<i64> = rows.iter().map(|row| row.id).collect();
    let names = super::organisation::short_names(
        conn,
        rows.iter().flat_map(|row| [row.host_org_id, row.recipient_org_id]),
    )?;
    let resource_ids: Vec<i64> = rows.iter().filter_map(|row| row.resource_id).collect();
    let titles: HashMap<i64, String> = resources::table
        .filter(resources::id.eq_any(&resource_ids))
        .select((resources::id, resources::title))
        .load::<(i64, String)>(conn)?
        .into_iter()
        .collect();
    let mut answers: HashMap<i64, Vec<(i32, i32, bool)>> = HashMap::new();
    let answer_rows: Vec<(i64, i32, i32, bool)> = consultation_feedback::table
        .filter(consultation_feedback::consultation_id.eq_any(&ids))
        .select((
            consultation_feedback::consultation_id,
            consultation_feedback::csat,
            consultation_feedback::recommend,
            consultation_feedback::ready,
        ))
        .load(conn)?;
    for (id, csat, recommend, ready) in answer_rows {
        answers.entry(id).or_default().push((csat, recommend, ready));
    }
    let name = |org: i64| names.get(&org).cloned().unwrap_or_default();
    Ok(rows
        .into_iter()
        .map(|row| {
            let status = row.status();
            Consultation {
                id: ConsultationId(row.id),
                host_org_id: row.host(),
                host_short_name: name(row.host_org_id),
                recipient_org_id: row.recipient(),
                recipient_short_name: name(row.recipient_org_id),
                resource_id: row.resource_id.map(ResourceId),
                resource_title: row.resource_id.and_then(|id| titles.get(&id).cloned()),
                topic: row.topic,
                question: row.question,
                status,
                scheduled_on: row.scheduled_on,
                held_on: row.held_on,
                form: row.form.as_deref().and_then(ConsultationForm::parse),
                place: row.place,
                consultants: row.consultants,
                participants: row.participants,
                participant_count: row.participant_count,
                outcome: row.outcome,
                follow_ups: row.follow_ups,
                reason: row.reason,
                requested_by: row.requested_by.map(UserId),
                ratings: ratings(answers.get(&row.id).map(Vec::as_slice).unwrap_or_default()),
                created_at: row.created_at.and_utc(),
                updated_at: row.updated_at.and_utc(),
                version: row.version,
            }
        })
        .collect())
}

/// The API representation of one consultation.
pub fn load(conn: &mut DbConnection, id: ConsultationId) -> QueryResult<Consultation> {
    let row = find(conn, id)?;
    complete(conn, vec![row])?.pop().ok_or(diesel::result::Error::NotFound)
}

/// Whose consultations a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every consultation (the committee).
    All,
    /// Those of one organisation, on one side or on either.
    Of(OrganisationId, Option<ConsultationRole>),
}

fn filtered<'a>(
    scope: Scope,
    status: Option<ConsultationStatus>,
    q: Option<&str>,
) -> consultations::BoxedQuery<'a, Backend> {
    let mut query = consultations::table.into_boxed();
    match scope {
        Scope::All => {}
        Scope::Of(org, Some(ConsultationRole::Host)) => query = query.filter(consultations::host_org_id.eq(org.0)),
        Scope::Of(org, Some(ConsultationRole::Recipient)) => {
            query = query.filter(consultations::recipient_org_id.eq(org.0));
        }
        Scope::Of(org, None) => {
            query = query.filter(
                consultations::host_org_id
                    .eq(org.0)
                    .or(consultations::recipient_org_id.eq(org.0)),
            );
        }
    }
    if let Some(status) = status {
        query = query.filter(consultations::status.eq(status.as_str()));
    }
    if let Some(pattern) = q.and_then(like_pattern) {
        query = query.filter(consultations::search.like(super::planned_with(pattern)).escape('\\'));
    }
    query
}

/// One page of consultations, newest first, and the total.
pub fn list(
    conn: &mut DbConnection,
    scope: Scope,
    status: Option<ConsultationStatus>,
    q: Option<&str>,
    page: PageRequest,
) -> QueryResult<(Vec<Consultation>, i64)> {
    let total = filtered(scope, status, q).count().get_result(conn)?;
    let rows = filtered(scope, status, q)
        .order(consultations::id.desc())
        .limit(page.limit())
        .offset(page.offset())
        .select(ConsultationRow::as_select())
        .load(conn)?;
    Ok((complete(conn, rows)?, total))
}

/// The consultations school `host` held from `from` to `to` (both included), for the
/// dissemination metrics: how many, how many organisations they reached, how many
/// people took part, and the recipients' answers about them.
pub fn counts(
    conn: &mut DbConnection,
    host: OrganisationId,
    from: NaiveDate,
    to: NaiveDate,
) -> QueryResult<ConsultationCounts> {
    let held = || {
        consultations::table
            .filter(consultations::host_org_id.eq(host.0))
            .filter(consultations::held_on.ge(from))
            .filter(consultations::held_on.le(to))
    };
    let sessions: Vec<(i64, Option<i32>)> = held()
        .select((consultations::recipient_org_id, consultations::participant_count))
        .load(conn)?;
    let answers: Vec<(i32, i32, bool)> = consultation_feedback::table
        .inner_join(consultations::table)
        .filter(consultations::host_org_id.eq(host.0))
        .filter(consultations::held_on.ge(from))
        .filter(consultations::held_on.le(to))
        .select((
            consultation_feedback::csat,
            consultation_feedback::recommend,
            consultation_feedback::ready,
        ))
        .load(conn)?;
    let recipients: HashSet<i64> = sessions.iter().map(|s| s.0).collect();
    Ok(ConsultationCounts {
        held: i64::try_from(sessions.len()).unwrap_or_default(),
        recipients: i64::try_from(recipients.len()).unwrap_or_default(),
        participants: sessions.iter().filter_map(|s| s.1).map(i64::from).sum(),
        ratings: ratings(&answers),
    })
}

versioned!(consultations);
