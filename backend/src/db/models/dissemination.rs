//! The dissemination figures of schools for one school year, each school's from a few
//! grouped queries over the pilots, risks, cohorts, consultations, events, fairs,
//! requests, deliveries and feedback — for one school or a registry page of them at once.
//!
//! A scope is either a set of schools (all their records) or a set of resources (the
//! records about them; every resource belongs to one school, so the figures still come
//! out per school). Each query filters by one or the other.

use crate::db::DbConnection;
use crate::db::schema::{
    certificates, cohorts, consultations, deliveries, enrolments, event_registrations, event_resources, events,
    fair_stand_resources, fair_stands, feedback, pilot_sites, pilots, requests, resources, risks, stand_ratings,
};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::dsl::count_star;
use diesel::prelude::*;
use openapi::cohorts::EnrolmentStatus;
use openapi::consultations::ConsultationStatus;
use openapi::events::{EventKind, EventLevel, EventRole, EventStatus};
use openapi::risks::RiskStatus;
use std::collections::{BTreeSet, HashMap};

pub use crate::domain::dissemination::Figures;

/// Whose records count.
#[derive(Debug, Clone, Copy)]
pub enum Scope<'a> {
    /// Every record of these schools.
    Schools(&'a [i64]),
    /// The records about these resources, and the risks of these projects.
    Resources {
        /// The resources.
        resources: &'a [i64],
        /// The projects whose own risks count (a project's scope), or none.
        projects: &'a [i64],
    },
}

/// The days counted, both included.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub to: NaiveDate,
}

impl Span {
    fn start(self) -> NaiveDateTime {
        self.from.and_time(chrono::NaiveTime::MIN)
    }

    /// The first instant after the last day.
    fn end(self) -> NaiveDateTime {
        self.to.succ_opt().unwrap_or(self.to).and_time(chrono::NaiveTime::MIN)
    }
}

/// Runs `$body` with `$q` being `$query` filtered to the scope: by `$org` for schools,
/// by `$resource` for resources.
macro_rules! scoped {
    ($scope:expr, $query:expr, $org:expr, $resource:expr, |$q:ident| $body:expr) => {
        match $scope {
            Scope::Schools(orgs) => {
                let $q = $query.filter($org.eq_any(orgs));
                $body
            }
            Scope::Resources { resources, .. } => {
                let $q = $query.filter($resource.eq_any(resources));
                $body
            }
        }
    };
}

/// A school's figures while they are counted, with the organisations it reached (their
/// number is the figure).
#[derive(Debug, Default)]
struct Working {
    figures: Figures,
    reached: BTreeSet<i64>,
}

impl std::ops::Deref for Working {
    type Target = Figures;

    fn deref(&self) -> &Figures {
        &self.figures
    }
}

impl std::ops::DerefMut for Working {
    fn deref_mut(&mut self) -> &mut Figures {
        &mut self.figures
    }
}

/// Which risks count for a span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Risks {
    /// Every risk recorded before the span ends (a school year's figure).
    UpToEnd,
    /// The risks recorded within the span (a row of the read model, summed over the years).
    Within,
}

/// Which figures to count: a set of the parts below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Parts(pub i32);

impl Parts {
    /// Pilots, their sites and pupils.
    pub const PILOTS: Self = Self(1);
    /// Risks.
    pub const RISKS: Self = Self(2);
    /// Cohorts, completions, hours and certificates.
    pub const TRAINING: Self = Self(4);
    /// Consultations held and their participants.
    pub const CONSULTATIONS: Self = Self(8);
    /// Events by kind and level, and the organised ones' attendees.
    pub const EVENTS: Self = Self(16);
    /// Fair stands and their ratings.
    pub const FAIRS: Self = Self(32);
    /// Requests filed.
    pub const REQUESTS: Self = Self(64);
    /// Deliveries made.
    pub const DELIVERIES: Self = Self(128);
    /// Answers and the satisfied among them.
    pub const ANSWERS: Self = Self(256);
    /// The parts that reach other schools: the schools reached are counted from all of
    /// them at once.
    pub const REACH: Self = Self(1 | 4 | 8 | 16 | 128);
    /// Every figure.
    pub const ALL: Self = Self(511);

    /// Whether any of `other`'s parts is among these.
    pub fn any(self, other: Self) -> bool {
        self.0 & other.0 != 0
    }

    /// These parts and `other`'s.
    #[must_use]
    pub fn with(self, other: Self) -> Self {
        Self(self.0 | other.0)
    }

    /// These parts, with every part that reaches schools when one of them does (the
    /// schools reached are one figure over all of them).
    #[must_use]
    pub fn closed(self) -> Self {
        if self.any(Self::REACH) {
            self.with(Self::REACH)
        } else {
            self
        }
    }
}

/// The figures of every school in scope with at least one record (others are absent).
pub fn figures(conn: &mut DbConnection, scope: Scope<'_>, span: Span) -> QueryResult<HashMap<i64, Figures>> {
    collect(conn, scope, span, Risks::UpToEnd, Parts::ALL)
}

/// The figures of the schools `orgs` as the read model keeps them for a school year: as
/// [`figures`], but with the risks recorded within the span only, and only the `parts`
/// asked for (with every part that reaches schools when one of them is asked for).
pub fn recorded(conn: &mut DbConnection, orgs: &[i64], span: Span, parts: Parts) -> QueryResult<HashMap<i64, Figures>> {
    collect(conn, Scope::Schools(orgs), span, Risks::Within, parts.closed())
}

/// Replaces the figures of `parts` in `into` with those of `from` (the schools reached
/// when `parts` reach schools).
pub fn replace(into: &mut Figures, from: Figures, parts: Parts) {
    let parts = parts.closed();
    if parts.any(Parts::PILOTS) {
        (into.pilots, into.pilot_sites, into.pilot_pupils) = (from.pilots, from.pilot_sites, from.pilot_pupils);
    }
    if parts.any(Parts::RISKS) {
        (into.risks_open, into.risks_closed) = (from.risks_open, from.risks_closed);
    }
    if parts.any(Parts::TRAINING) {
        into.cohorts = from.cohorts;
        into.teachers_trained = from.teachers_trained;
        into.training_hours = from.training_hours;
        into.certificates = from.certificates;
    }
    if parts.any(Parts::CONSULTATIONS) {
        into.consultations = from.consultations;
        into.consultation_participants = from.consultation_participants;
    }
    if parts.any(Parts::EVENTS) {
        into.events_by_kind = from.events_by_kind;
        into.events_by_level = from.events_by_level;
        into.attendees = from.attendees;
    }
    if parts.any(Parts::FAIRS) {
        (into.fair_stands, into.fair_ratings, into.fair_score_sum) =
            (from.fair_stands, from.fair_ratings, from.fair_score_sum);
    }
    if parts.any(Parts::REQUESTS) {
        into.requests = from.requests;
    }
    if parts.any(Parts::DELIVERIES) {
        into.deliveries = from.deliveries;
    }
    if parts.any(Parts::ANSWERS) {
        (into.responses, into.satisfied) = (from.responses, from.satisfied);
    }
    if parts.any(Parts::REACH) {
        into.schools_reached = from.schools_reached;
    }
}

fn collect(
    conn: &mut DbConnection,
    scope: Scope<'_>,
    span: Span,
    risks: Risks,
    parts: Parts,
) -> QueryResult<HashMap<i64, Figures>> {
    type Count = fn(&mut DbConnection, Scope<'_>, Span, &mut HashMap<i64, Working>) -> QueryResult<()>;
    let counts: [(Parts, Count); 8] = [
        (Parts::PILOTS, pilots_of),
        (Parts::TRAINING, training_of),
        (Parts::CONSULTATIONS, consultations_of),
        (Parts::EVENTS, events_of),
        (Parts::FAIRS, fairs_of),
        (Parts::REQUESTS, requests_of),
        (Parts::DELIVERIES, deliveries_of),
        (Parts::ANSWERS, answers_of),
    ];
    let mut out: HashMap<i64, Working> = HashMap::new();
    if parts.any(Parts::RISKS) {
        risks_of(conn, scope, span, risks, &mut out)?;
    }
    for (part, count) in counts {
        if parts.any(part) {
            count(conn, scope, span, &mut out)?;
        }
    }
    Ok(out
        .into_iter()
        .map(|(org, mut working)| {
            working.reached.remove(&org);
            working.figures.schools_reached = i64::try_from(working.reached.len()).unwrap_or(i64::MAX);
            (org, working.figures)
        })
        .collect())
}

fn pilots_of(
    conn: &mut DbConnection,
    scope: Scope<'_>,
    span: Span,
    out: &mut HashMap<i64, Working>,
) -> QueryResult<()> {
    let base = pilots::table
        .filter(pilots::starts_on.le(span.to))
        .filter(pilots::ends_on.ge(span.from));
    let rows: Vec<(i64, i64, i32)> = scoped!(scope, base, pilots::org_id, pilots::resource_id, |q| q
        .select((pilots::id, pilots::org_id, pilots::pupils))
        .load(conn))?;
    if rows.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = rows.iter().map(|row| row.0).collect();
    let owner: HashMap<i64, i64> = rows.iter().map(|row| (row.0, row.1)).collect();
    for (_, org, pupils) in &rows {
        let figures = out.entry(*org).or_default();
        figures.pilots += 1;
        figures.pilot_pupils += i64::from(*pupils);
    }
    let sites: Vec<(i64, i64)> = pilot_sites::table
        .filter(pilot_sites::pilot_id.eq_any(&ids))
        .select((pilot_sites::pilot_id, pilot_sites::org_id))
        .load(conn)?;
    let mut distinct: BTreeSet<(i64, i64)> = BTreeSet::new();
    for (pilot, site) in sites {
        let org = owner[&pilot];
        if distinct.insert((org, site)) {
            let figures = out.entry(org).or_default();
            figures.pilot_sites += 1;
            figures.reached.insert(site);
        }
    }
    Ok(())
}

fn risks_of(
    conn: &mut DbConnection,
    scope: Scope<'_>,
    span: Span,
    which: Risks,
    out: &mut HashMap<i64, Working>,
) -> QueryResult<()> {
    let since = match which {
        // The first day both engines store: every risk was recorded after it.
        Risks::UpToEnd => NaiveDate::from_ymd_opt(1, 1, 1)
            .unwrap_or(span.from)
            .and_time(chrono::NaiveTime::MIN),
        Risks::Within => span.start(),
    };
    let recorded = risks::table
        .filter(risks::created_at.lt(span.end()))
        .filter(risks::created_at.ge(since));
    let rows: Vec<(i64, String, i64)> = match scope {
        Scope::Schools(orgs) => recorded
            .filter(risks::org_id.eq_any(orgs))
            .group_by((risks::org_id, risks::status))
            .select((risks::org_id, risks::status, count_star()))
            .load(conn)?,
        Scope::Resources { resources, projects } => {
            let of_pilots = pilots::table
                .filter(pilots::resource_id.eq_any(resources))
                .select(pilots::id.nullable());
            recorded
                .filter(
                    risks::project_id
                        .eq_any(projects.iter().map(|id| Some(*id)))
                        .or(risks::pilot_id.eq_any(of_pilots)),
                )
                .group_by((risks::org_id, risks::status))
                .select((risks::org_id, risks::status, count_star()))
                .load(conn)?
        }
    };
    for (org, status, count) in rows {
        let figures = out.entry(org).or_default();
        match RiskStatus::parse(&status) {
            Some(RiskStatus::Open | RiskStatus::Occurred) => figures.risks_open += count,
            Some(RiskStatus::Mitigated | RiskStatus::Closed) => figures.risks_closed += count,
            None => {}
        }
    }
    Ok(())
}

fn training_of(
    conn: &mut DbConnection,
    scope: Scope<'_>,
    span: Span,
    out: &mut HashMap<i64, Working>,
) -> QueryResult<()> {
    let base = cohorts::table
        .filter(cohorts::starts_on.le(span.to))
        .filter(cohorts::ends_on.ge(span.from))
        .group_by(cohorts::org_id);
    let counted: Vec<(i64, i64)> = scoped!(scope, base, cohorts::org_id, cohorts::resource_id, |q| q
        .select((cohorts::org_id, count_star()))
        .load(conn))?;
    for (org, count) in counted {
        out.entry(org).or_default().cohorts += count;
    }
    let completed = enrolments::table
        .inner_join(cohorts::table)
        .filter(enrolments::status.eq(EnrolmentStatus::Completed.as_str()))
        .filter(enrolments::completed_on.ge(span.from))
        .filter(enrolments::completed_on.le(span.to))
        .filter(diesel::dsl::not(diesel::dsl::exists(
            certificates::table
                .filter(certificates::enrolment_id.eq(enrolments::id))
                .filter(certificates::revoked_on.is_not_null()),
        )));
    let rows: Vec<(i64, i64, i64, Option<i32>)> =
        scoped!(scope, completed, enrolments::host_org_id, cohorts::resource_id, |q| q
            .select((
                enrolments::host_org_id,
                enrolments::user_id,
                enrolments::user_org_id,
                enrolments::hours,
            ))
            .load(conn))?;
    let mut teachers: BTreeSet<(i64, i64)> = BTreeSet::new();
    for (org, user, user_org, hours) in rows {
        let figures = out.entry(org).or_default();
        if teachers.insert((org, user)) {
            figures.teachers_trained += 1;
        }
        figures.training_hours += i64::from(hours.unwrap_or(0));
        figures.reached.insert(user_org);
    }
    let issued = certificates::table
        .inner_join(enrolments::table.inner_join(cohorts::table))
        .filter(certificates::issued_on.ge(span.from))
        .filter(certificates::issued_on.le(span.to))
        .filter(certificates::revoked_on.is_null())
        .group_by(certificates::org_id);
    let counted: Vec<(i64, i64)> = scoped!(scope, issued, certificates::org_id, cohorts::resource_id, |q| q
        .select((certificates::org_id, count_star()))
        .load(conn))?;
    for (org, count) in counted {
        out.entry(org).or_default().certificates += count;
    }
    Ok(())
}

fn consultations_of(
    conn: &mut DbConnection,
    scope: Scope<'_>,
    span: Span,
    out: &mut HashMap<i64, Working>,
) -> QueryResult<()> {
    let held = consultations::table
        .filter(consultations::status.eq(ConsultationStatus::Held.as_str()))
        .filter(consultations::held_on.ge(span.from))
        .filter(consultations::held_on.le(span.to));
    let rows: Vec<(i64, i64, Option<i32>)> = match scope {
        Scope::Schools(orgs) => held
            .filter(consultations::host_org_id.eq_any(orgs))
            .select((
                consultations::host_org_id,
                consultations::recipient_org_id,
                consultations::participant_count,
            ))
            .load(conn)?,
        Scope::Resources { resources, .. } => held
            .filter(consultations::resource_id.eq_any(resources.iter().map(|id| Some(*id))))
            .select((
                consultations::host_org_id,
                consultations::recipient_org_id,
                consultations::participant_count,
            ))
            .load(conn)?,
    };
    for (org, recipient, participants) in rows {
        let figures = out.entry(org).or_default();
        figures.consultations += 1;
        figures.consultation_participants += i64::from(participants.unwrap_or(0));
        figures.reached.insert(recipient);
    }
    Ok(())
}

fn events_of(
    conn: &mut DbConnection,
    scope: Scope<'_>,
    span: Span,
    out: &mut HashMap<i64, Working>,
) -> QueryResult<()> {
    let published = events::table
        .filter(events::status.eq(EventStatus::Published.as_str()))
        .filter(events::starts_on.ge(span.from))
        .filter(events::starts_on.le(span.to));
    let columns = (events::id, events::org_id, events::role, events::kind, events::level);
    let rows: Vec<(i64, i64, String, String, String)> = match scope {
        Scope::Schools(orgs) => published
            .filter(events::org_id.eq_any(orgs))
            .select(columns)
            .load(conn)?,
        Scope::Resources { resources, .. } => published
            .filter(
                events::id.eq_any(
                    event_resources::table
                        .filter(event_resources::resource_id.eq_any(resources))
                        .select(event_resources::event_id),
                ),
            )
            .select(columns)
            .load(conn)?,
    };
    let mut organised: HashMap<i64, i64> = HashMap::new();
    for (id, org, role, kind, level) in rows {
        let figures = out.entry(org).or_default();
        if let Some(kind) = EventKind::parse(&kind) {
            *figures.events_by_kind.entry(kind).or_default() += 1;
        }
        if let Some(level) = EventLevel::parse(&level) {
            *figures.events_by_level.entry(level).or_default() += 1;
        }
        if role == EventRole::Organiser.as_str() {
            organised.insert(id, org);
        }
    }
    if organised.is_empty() {
        return Ok(());
    }
    let ids: Vec<i64> = organised.keys().copied().collect();
    let attended: Vec<(i64, i64)> = event_registrations::table
        .filter(event_registrations::event_id.eq_any(&ids))
        .filter(event_registrations::attended.eq(true))
        .select((event_registrations::event_id, event_registrations::org_id))
        .load(conn)?;
    for (event, attendee_org) in attended {
        let figures = out.entry(organised[&event]).or_default();
        figures.attendees += 1;
        figures.reached.insert(attendee_org);
    }
    Ok(())
}

fn fairs_of(conn: &mut DbConnection, scope: Scope<'_>, span: Span, out: &mut HashMap<i64, Working>) -> QueryResult<()> {
    let of_year = fair_stands::table
        .inner_join(events::table)
        .filter(events::status.eq(EventStatus::Published.as_str()))
        .filter(events::starts_on.ge(span.from))
        .filter(events::starts_on.le(span.to));
    let stands: Vec<(i64, i64)> = match scope {
        Scope::Schools(orgs) => of_year
            .filter(fair_stands::org_id.eq_any(orgs))
            .select((fair_stands::id, fair_stands::org_id))
            .load(conn)?,
        Scope::Resources { resources, .. } => of_year
            .filter(
                fair_stands::id.eq_any(
                    fair_stand_resources::table
                        .filter(fair_stand_resources::resource_id.eq_any(resources))
                        .select(fair_stand_resources::stand_id),
                ),
            )
            .select((fair_stands::id, fair_stands::org_id))
            .load(conn)?,
    };
    if stands.is_empty() {
        return Ok(());
    }
    let owner: HashMap<i64, i64> = stands.iter().copied().collect();
    for (_, org) in &stands {
        out.entry(*org).or_default().fair_stands += 1;
    }
    let ids: Vec<i64> = owner.keys().copied().collect();
    let ratings: Vec<(i64, i32)> = stand_ratings::table
        .filter(stand_ratings::stand_id.eq_any(&ids))
        .select((stand_ratings::stand_id, stand_ratings::score))
        .load(conn)?;
    for (stand, score) in ratings {
        let figures = out.entry(owner[&stand]).or_default();
        figures.fair_ratings += 1;
        figures.fair_score_sum += i64::from(score);
    }
    Ok(())
}

fn requests_of(
    conn: &mut DbConnection,
    scope: Scope<'_>,
    span: Span,
    out: &mut HashMap<i64, Working>,
) -> QueryResult<()> {
    let (start, end) = (span.start(), span.end());
    let filed = requests::table
        .filter(requests::created_at.ge(start))
        .filter(requests::created_at.lt(end));
    let counted: Vec<(i64, i64)> = match scope {
        Scope::Schools(orgs) => filed
            .filter(requests::target_org_id.eq_any(orgs.iter().map(|id| Some(*id))))
            .group_by(requests::target_org_id)
            .select((requests::target_org_id.assume_not_null(), count_star()))
            .load(conn)?,
        Scope::Resources { resources: ids, .. } => {
            let owners: HashMap<i64, i64> = resources::table
                .filter(resources::id.eq_any(ids))
                .select((resources::id, resources::org_id))
                .load(conn)?
                .into_iter()
                .collect();
            let about: Vec<(Option<i64>, i64)> = filed
                .filter(requests::resource_id.eq_any(ids.iter().map(|id| Some(*id))))
                .group_by(requests::resource_id)
                .select((requests::resource_id, count_star()))
                .load(conn)?;
            about
                .into_iter()
                .filter_map(|(resource, count)| Some((*owners.get(&resource?)?, count)))
                .collect()
        }
    };
    for (org, count) in counted {
        out.entry(org).or_default().requests += count;
    }
    Ok(())
}

fn deliveries_of(
    conn: &mut DbConnection,
    scope: Scope<'_>,
    span: Span,
    out: &mut HashMap<i64, Working>,
) -> QueryResult<()> {
    let made = deliveries::table
        .filter(deliveries::delivered_on.ge(span.from))
        .filter(deliveries::delivered_on.le(span.to));
    let rows: Vec<(i64, i64)> = scoped!(scope, made, deliveries::org_id, deliveries::resource_id, |q| q
        .select((deliveries::org_id, deliveries::recipient_org_id))
        .load(conn))?;
    for (org, recipient) in rows {
        let figures = out.entry(org).or_default();
        figures.deliveries += 1;
        figures.reached.insert(recipient);
    }
    Ok(())
}

fn answers_of(
    conn: &mut DbConnection,
    scope: Scope<'_>,
    span: Span,
    out: &mut HashMap<i64, Working>,
) -> QueryResult<()> {
    let (start, end) = (span.start(), span.end());
    let answered = feedback::table
        .filter(feedback::created_at.ge(start))
        .filter(feedback::created_at.lt(end))
        .group_by(feedback::org_id);
    let all: Vec<(i64, i64)> = scoped!(scope, answered, feedback::org_id, feedback::resource_id, |q| q
        .select((feedback::org_id, count_star()))
        .load(conn))?;
    for (org, count) in all {
        out.entry(org).or_default().responses += count;
    }
    let satisfied = feedback::table
        .filter(feedback::created_at.ge(start))
        .filter(feedback::created_at.lt(end))
        .filter(feedback::csat.ge(4))
        .group_by(feedback::org_id);
    let rows: Vec<(i64, i64)> = scoped!(scope, satisfied, feedback::org_id, feedback::resource_id, |q| q
        .select((feedback::org_id, count_star()))
        .load(conn))?;
    for (org, count) in rows {
        out.entry(org).or_default().satisfied += count;
    }
    Ok(())
}
