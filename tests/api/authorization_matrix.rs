//! The authorisation matrix: every operation of the committed spec × every role × whose
//! record it is (the own school's, another school's, the committee's).
//!
//! The demo municipality is loaded, and a few accounts are added so that every role
//! exists both in the demo's host school (СОШ № 61, which owns the school records: the
//! *own* school) and in another school (СОШ № 12, which receives СОШ № 61's deliveries
//! and files requests to it: the *other* school), plus the committee's administrator
//! without the platform flag. The operations are read from `openapi/openapi.json` at run
//! time; an operation without a row in [`ROWS`] fails the test, and so does a row whose
//! operation left the spec.
//!
//! Each cell asserts the status: `Ok` is the operation's success (or a `409` naming a
//! `reason`, which the record's state gives after the access check), the refusals are
//! exact. Before and after the refused cells of a write, every table but the sign-in
//! bookkeeping is read whole: a refusal writes nothing, not even an audit entry.
//! `docs/security.md` shows the same matrix.

use backend::auth::JwtKeys;
use backend::db::DbConnection;
use backend::db::models::{refresh_token, session};
use diesel::{QueryableByName, RunQueryDsl, sql_types::Text};
use openapi::users::Role;
use openapi::{OrganisationId, RefusalReason, UserId};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use std::collections::{BTreeMap, BTreeSet};
use tests::fixtures::{Account, PASSWORD, TestUser};
use tests::{JWT_SECRET, Reply, TestApp, spawn_app};

/// Which school an account belongs to, seen from the school records (all СОШ № 61's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// СОШ № 61, the records' school.
    Own,
    /// СОШ № 12, another school (the recipient of deliveries, the requester).
    Other,
}

/// Who calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    /// A platform administrator (an administrator of the committee's organisation).
    Platform,
    /// An administrator of the committee's organisation without the platform flag.
    CommitteeAdmin,
    /// The committee's specialist (role `committee`).
    Committee,
    /// A school's administration (the director).
    Director(Side),
    /// A council member (and teacher).
    Council(Side),
    /// A teacher (role `staff`).
    Teacher(Side),
    /// A scientific supervisor.
    Supervisor(Side),
    /// A partner-school teacher (role `partner`).
    Partner(Side),
    /// No token.
    SignedOut,
}

use Side::{Other, Own};

const WHO: [Who; 14] = [
    Who::Platform,
    Who::CommitteeAdmin,
    Who::Committee,
    Who::Director(Own),
    Who::Council(Own),
    Who::Teacher(Own),
    Who::Supervisor(Own),
    Who::Partner(Own),
    Who::Director(Other),
    Who::Council(Other),
    Who::Teacher(Other),
    Who::Supervisor(Other),
    Who::Partner(Other),
    Who::SignedOut,
];

/// What a cell must answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// The operation's success, or a `409` with a reason (the record's state).
    Ok,
    /// A `409` naming this reason: the caller's own relation to the record refuses it
    /// (not registered for the fair, a stand there already), whatever the record's state.
    Refused(RefusalReason),
    /// `403`.
    Forbidden,
    /// `404`.
    NotFound,
    /// `401`.
    Unauthenticated,
}

use Expect::{Forbidden, NotFound};

/// Whose record an operation touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Owner {
    /// СОШ № 61's record (own school for `Own`, another school for `Other`).
    School,
    /// The committee's organisation's record (its accounts).
    Committee,
    /// СОШ № 12's side of a shared record (its request, the delivery it received).
    Recipient,
    /// Nobody's: the caller's own data, lists scoped to the caller, public pages.
    Caller,
}

/// One row: method, path as in the spec, variant, owner.
type Row = (&'static str, &'static str, &'static str, Owner);

use Owner::{Caller, Committee as CommitteeOrg, Recipient, School};

/// Every row of the matrix, in the order they run (sign-in before the password change).
const ROWS: &[Row] = &[
    ("GET", "/healthz", "", Caller),
    ("GET", "/readyz", "", Caller),
    ("POST", "/api/auth/login", "", Caller),
    ("POST", "/api/auth/refresh", "", Caller),
    ("POST", "/api/auth/logout", "", Caller),
    ("GET", "/api/me", "", Caller),
    ("PATCH", "/api/me", "", Caller),
    ("GET", "/api/me/approvals", "", Caller),
    ("GET", "/api/me/reminders", "", Caller),
    ("GET", "/api/organisations", "", Caller),
    ("POST", "/api/organisations", "", Caller),
    ("GET", "/api/organisations/{id}", "", School),
    ("GET", "/api/organisations/{id}/metrics", "", School),
    ("GET", "/api/organisations/{id}/dissemination", "", School),
    ("GET", "/api/organisations/{id}/users", "school", School),
    ("GET", "/api/organisations/{id}/users", "committee", CommitteeOrg),
    ("POST", "/api/organisations/{id}/users", "school", School),
    ("POST", "/api/organisations/{id}/users", "committee", CommitteeOrg),
    ("GET", "/api/users/{id}", "school", School),
    ("GET", "/api/users/{id}", "platform", CommitteeOrg),
    ("PATCH", "/api/users/{id}", "school", School),
    ("PATCH", "/api/users/{id}", "school_admin", School),
    ("PATCH", "/api/users/{id}", "specialist", CommitteeOrg),
    ("PATCH", "/api/users/{id}", "platform", CommitteeOrg),
    ("POST", "/api/users/{id}/password-reset", "school", School),
    ("POST", "/api/users/{id}/password-reset", "specialist", CommitteeOrg),
    ("POST", "/api/users/{id}/password-reset", "platform", CommitteeOrg),
    ("GET", "/api/audit", "", Caller),
    ("GET", "/api/audit", "school", School),
    ("GET", "/api/catalogue", "", Caller),
    ("GET", "/api/registry", "", Caller),
    ("GET", "/api/registry/export", "", Caller),
    ("GET", "/api/projects", "", Caller),
    ("POST", "/api/projects", "", Caller),
    ("GET", "/api/projects/{id}", "", School),
    ("PUT", "/api/projects/{id}", "", School),
    ("POST", "/api/projects/{id}/confirmations", "", School),
    ("GET", "/api/projects/{id}/metrics", "", School),
    ("GET", "/api/projects/{id}/dissemination", "", School),
    ("GET", "/api/projects/{id}/structures", "", School),
    ("POST", "/api/projects/{id}/structures", "", School),
    ("PUT", "/api/structures/{id}", "", School),
    ("POST", "/api/structures/{id}/approval", "", School),
    ("GET", "/api/projects/{id}/orders", "", School),
    ("POST", "/api/projects/{id}/orders", "", School),
    ("GET", "/api/orders/{id}", "", School),
    ("PUT", "/api/orders/{id}", "", School),
    ("GET", "/api/orders/{id}/docx", "", School),
    ("POST", "/api/orders/{id}/issue", "", School),
    ("GET", "/api/projects/{id}/package", "", School),
    ("GET", "/api/projects/{id}/package/{kind}", "", School),
    ("POST", "/api/projects/{id}/package/{kind}", "", School),
    ("POST", "/api/document-versions/{id}/comments", "", School),
    ("POST", "/api/document-versions/{id}/attachments", "", School),
    ("POST", "/api/document-versions/{id}/review", "", School),
    ("GET", "/api/projects/{id}/plan-items", "", School),
    ("POST", "/api/projects/{id}/plan-items", "", School),
    ("GET", "/api/projects/{id}/plan-summary", "", School),
    ("PUT", "/api/plan-items/{id}", "", School),
    ("POST", "/api/plan-items/{id}/attachments", "", School),
    ("GET", "/api/attachments/{id}", "", School),
    ("DELETE", "/api/attachments/{id}", "", School),
    ("DELETE", "/api/plan-items/{id}", "", School),
    ("GET", "/api/projects/{id}/indicators", "", School),
    ("POST", "/api/projects/{id}/indicators", "", School),
    ("PUT", "/api/indicators/{id}", "", School),
    ("GET", "/api/ranking-rounds", "", Caller),
    ("POST", "/api/ranking-rounds", "", Caller),
    ("GET", "/api/ranking-rounds/{id}", "", School),
    ("POST", "/api/ranking-rounds/{id}/problems", "", School),
    ("PUT", "/api/problems/{id}", "", School),
    ("PUT", "/api/problems/{id}/scores/me", "", School),
    ("DELETE", "/api/problems/{id}", "", School),
    ("PUT", "/api/ranking-rounds/{id}/criteria", "", School),
    ("POST", "/api/ranking-rounds/{id}/freeze", "", School),
    ("GET", "/api/resources", "", Caller),
    ("POST", "/api/projects/{id}/resources", "", School),
    ("GET", "/api/resources/{id}", "internal", School),
    ("GET", "/api/resources/{id}", "published", School),
    ("PUT", "/api/resources/{id}", "", School),
    ("GET", "/api/resources/{id}/versions", "", School),
    ("POST", "/api/resources/{id}/versions", "", School),
    ("POST", "/api/versions/{id}/files", "", School),
    ("GET", "/api/files/{id}", "", School),
    ("GET", "/api/resources/{id}/transitions", "", School),
    ("POST", "/api/resources/{id}/transitions", "", School),
    ("GET", "/api/resources/{id}/metrics", "", School),
    ("GET", "/api/resources/{id}/metrics/monthly", "", School),
    ("GET", "/api/resources/{id}/dissemination", "", School),
    ("GET", "/api/resources/{id}/feedback", "", School),
    ("GET", "/api/resources/{id}/pilots", "internal", School),
    ("GET", "/api/resources/{id}/pilots", "published", School),
    ("POST", "/api/resources/{id}/pilots", "", School),
    ("GET", "/api/pilots/{id}", "internal", School),
    ("GET", "/api/pilots/{id}", "published", School),
    ("PUT", "/api/pilots/{id}", "", School),
    ("POST", "/api/pilots/{id}/attachments", "", School),
    ("POST", "/api/pilots/{id}/conclude", "", School),
    ("GET", "/api/pilots/{id}/risks", "internal", School),
    ("GET", "/api/pilots/{id}/risks", "published", School),
    ("POST", "/api/pilots/{id}/risks", "", School),
    ("GET", "/api/projects/{id}/risks", "", School),
    ("POST", "/api/projects/{id}/risks", "", School),
    ("GET", "/api/risks/{id}", "project", School),
    ("GET", "/api/risks/{id}", "published", School),
    ("PUT", "/api/risks/{id}", "project", School),
    ("PUT", "/api/risks/{id}", "pilot", School),
    ("GET", "/api/risks/{id}/history", "project", School),
    ("GET", "/api/risks/{id}/history", "published", School),
    ("GET", "/api/requests", "", Caller),
    ("POST", "/api/requests", "", Caller),
    ("GET", "/api/requests/{id}", "", Recipient),
    ("POST", "/api/requests/{id}/decision", "", Recipient),
    ("GET", "/api/deliveries", "", Caller),
    ("POST", "/api/resources/{id}/deliveries", "published", School),
    ("POST", "/api/deliveries/{id}/confirmation", "", Recipient),
    ("POST", "/api/deliveries/{id}/feedback", "", Recipient),
    ("POST", "/api/deliveries/{id}/feedback-links", "", Recipient),
    ("GET", "/api/deliveries/{id}/feedback-links", "", Recipient),
    ("GET", "/api/public/feedback/{token}", "", Caller),
    ("POST", "/api/public/feedback/{token}", "", Caller),
    ("GET", "/api/resources/{id}/cohorts", "published", School),
    ("POST", "/api/resources/{id}/cohorts", "published", School),
    ("GET", "/api/cohorts/{id}", "published", School),
    ("PUT", "/api/cohorts/{id}", "published", School),
    ("PUT", "/api/cohort-sessions/{id}/attendance", "published", School),
    ("GET", "/api/cohorts/{id}/enrolments", "published", School),
    ("POST", "/api/cohorts/{id}/enrolments", "published", School),
    ("GET", "/api/enrolments/{id}", "", Recipient),
    ("POST", "/api/enrolments/{id}/withdraw", "", Recipient),
    ("POST", "/api/enrolments/{id}/complete", "", Recipient),
    ("GET", "/api/enrolments/{id}/certificate", "", Recipient),
    ("GET", "/api/enrolments/{id}/certificate.docx", "", Recipient),
    ("POST", "/api/enrolments/{id}/certificate/revoke", "", Recipient),
    ("GET", "/api/public/certificates/{number}", "", Caller),
    ("GET", "/api/me/training", "", Caller),
    ("GET", "/api/organisations/{id}/training", "", School),
    ("GET", "/api/events", "", Caller),
    ("POST", "/api/events", "", Caller),
    ("GET", "/api/events/{id}", "draft", School),
    ("GET", "/api/events/{id}", "published", School),
    ("PUT", "/api/events/{id}", "", School),
    ("POST", "/api/events/{id}/publish", "", School),
    ("POST", "/api/events/{id}/cancel", "", School),
    ("POST", "/api/events/{id}/attachments", "", School),
    ("GET", "/api/events/{id}/registrations", "", School),
    ("POST", "/api/events/{id}/registrations", "", School),
    ("DELETE", "/api/events/{id}/registrations/me", "", School),
    ("PUT", "/api/events/{id}/attendance", "", School),
    ("POST", "/api/events/{id}/feedback-request", "", School),
    ("POST", "/api/events/{id}/feedback", "", School),
    ("GET", "/api/events/{id}/stands", "", School),
    ("POST", "/api/events/{id}/stands", "", School),
    ("PUT", "/api/stands/{id}/rating", "registered", School),
    ("PUT", "/api/stands/{id}/rating", "unregistered", School),
    ("GET", "/api/events/{id}/results", "", School),
    ("GET", "/api/consultations", "", Caller),
    ("POST", "/api/consultations", "", Caller),
    ("POST", "/api/consultations/given", "", Caller),
    ("GET", "/api/consultations/{id}", "", Recipient),
    ("POST", "/api/consultations/{id}/schedule", "", Recipient),
    ("POST", "/api/consultations/{id}/decline", "", Recipient),
    ("POST", "/api/consultations/{id}/cancel", "", Recipient),
    ("POST", "/api/consultations/{id}/hold", "", Recipient),
    ("POST", "/api/consultations/{id}/feedback", "", Recipient),
    ("POST", "/api/me/password", "", Caller),
];

/// Reads СОШ № 61's innovation work: its staff, council, administration, supervisors, and
/// the committee's specialists.
fn reads_school(who: Who) -> bool {
    matches!(
        who,
        Who::Committee | Who::Director(Own) | Who::Council(Own) | Who::Teacher(Own) | Who::Supervisor(Own)
    )
}

/// `404` for who cannot read the school's record, `403` for who reads but may not act,
/// `Ok` for who may.
fn school(who: Who, may: bool) -> Expect {
    if !reads_school(who) {
        NotFound
    } else if may {
        Expect::Ok
    } else {
        Forbidden
    }
}

/// Changes the school's projects, structures, orders, ranking: administration, council.
fn manages_projects(who: Who) -> bool {
    matches!(who, Who::Director(Own) | Who::Council(Own))
}

/// Changes the school's resources and working records: administration, council, teachers.
fn edits_work(who: Who) -> bool {
    matches!(who, Who::Director(Own) | Who::Council(Own) | Who::Teacher(Own))
}

/// `Ok` when allowed, `403` otherwise.
fn only(may: bool) -> Expect {
    if may { Expect::Ok } else { Forbidden }
}

/// A member of СОШ № 12, which received the delivery and filed the request.
fn at_recipient(who: Who) -> bool {
    matches!(
        who,
        Who::Director(Other) | Who::Council(Other) | Who::Teacher(Other) | Who::Supervisor(Other) | Who::Partner(Other)
    )
}

/// Lists of school work scoped to the caller: a school's staff see their own school, the
/// committee every school; partners and the committee's administrators have none.
fn lists_school_work(who: Who) -> Expect {
    only(matches!(
        who,
        Who::Committee | Who::Director(_) | Who::Council(_) | Who::Teacher(_) | Who::Supervisor(_)
    ))
}

/// The expected answer of a signed-in caller; `None`: the row is unknown.
fn expected(row: &Row, who: Who) -> Option<Expect> {
    let (method, path, variant, _) = *row;
    let public = matches!(
        path,
        "/healthz" | "/readyz" | "/api/auth/login" | "/api/auth/refresh" | "/api/auth/logout"
    ) || path.starts_with("/api/public/");
    if who == Who::SignedOut && !public {
        return Some(Expect::Unauthenticated);
    }
    let manages_users_of_school = matches!(who, Who::Director(Own) | Who::Platform);
    let manages_committee = matches!(who, Who::Platform | Who::CommitteeAdmin);
    let expect = match (method, path, variant) {
        (_, "/healthz" | "/readyz", _) => Expect::Ok,
        (_, "/api/auth/login" | "/api/auth/refresh" | "/api/auth/logout", _) => Expect::Ok,
        (_, "/api/public/feedback/{token}", _) => Expect::Ok,
        (_, "/api/me" | "/api/me/approvals" | "/api/me/reminders" | "/api/me/password", _) => Expect::Ok,
        ("GET", "/api/organisations" | "/api/organisations/{id}", _) => Expect::Ok,
        ("POST", "/api/organisations", _) => only(who == Who::Platform),
        ("GET", "/api/organisations/{id}/metrics" | "/api/organisations/{id}/dissemination", _) => {
            only(reads_school(who))
        }
        (_, "/api/organisations/{id}/users", "school") => only(manages_users_of_school),
        (_, "/api/organisations/{id}/users", "committee") => only(manages_committee),
        // Another school's accounts are absent; a manager reads and changes them.
        ("GET", "/api/users/{id}", "school") => {
            if manages_users_of_school {
                Expect::Ok
            } else {
                NotFound
            }
        }
        (_, "/api/users/{id}" | "/api/users/{id}/password-reset", "school" | "school_admin") => {
            if manages_users_of_school {
                Expect::Ok
            } else {
                NotFound
            }
        }
        // The committee's administrator reads the platform administrator's account but
        // only a platform administrator changes it.
        ("GET", "/api/users/{id}", "platform") => {
            if manages_committee {
                Expect::Ok
            } else {
                NotFound
            }
        }
        (_, "/api/users/{id}" | "/api/users/{id}/password-reset", "platform") => match who {
            Who::Platform => Expect::Ok,
            Who::CommitteeAdmin => Forbidden,
            _ => NotFound,
        },
        (_, "/api/users/{id}" | "/api/users/{id}/password-reset", "specialist") => {
            if manages_committee {
                Expect::Ok
            } else {
                NotFound
            }
        }
        // The committee reads every school's trail; an organisation's administrator its own.
        ("GET", "/api/audit", "") => only(matches!(
            who,
            Who::Committee | Who::Platform | Who::CommitteeAdmin | Who::Director(_)
        )),
        ("GET", "/api/audit", "school") => only(matches!(who, Who::Committee | Who::Director(Own))),
        ("GET", "/api/catalogue" | "/api/deliveries" | "/api/requests", _) => Expect::Ok,
        ("GET", "/api/registry" | "/api/registry/export", _) => only(who == Who::Committee),
        ("GET", "/api/projects" | "/api/resources" | "/api/ranking-rounds", _) => lists_school_work(who),
        // Creating for the caller's own school: a school's administration and council.
        ("POST", "/api/projects" | "/api/ranking-rounds", _) => only(matches!(who, Who::Director(_) | Who::Council(_))),
        (
            "GET",
            "/api/projects/{id}"
            | "/api/projects/{id}/metrics"
            | "/api/projects/{id}/dissemination"
            | "/api/projects/{id}/structures"
            | "/api/projects/{id}/orders"
            | "/api/orders/{id}"
            | "/api/orders/{id}/docx"
            | "/api/projects/{id}/package"
            | "/api/projects/{id}/package/{kind}"
            | "/api/projects/{id}/plan-items"
            | "/api/projects/{id}/plan-summary"
            | "/api/attachments/{id}"
            | "/api/projects/{id}/indicators"
            | "/api/ranking-rounds/{id}"
            | "/api/resources/{id}/feedback"
            | "/api/projects/{id}/risks",
            _,
        ) => school(who, true),
        (
            "GET",
            "/api/resources/{id}"
            | "/api/resources/{id}/versions"
            | "/api/files/{id}"
            | "/api/resources/{id}/transitions"
            | "/api/resources/{id}/metrics"
            | "/api/resources/{id}/metrics/monthly"
            | "/api/resources/{id}/dissemination"
            | "/api/resources/{id}/pilots"
            | "/api/pilots/{id}"
            | "/api/pilots/{id}/risks"
            | "/api/risks/{id}"
            | "/api/risks/{id}/history",
            "published",
        ) => Expect::Ok,
        (
            "GET",
            "/api/resources/{id}"
            | "/api/resources/{id}/versions"
            | "/api/files/{id}"
            | "/api/resources/{id}/transitions"
            | "/api/resources/{id}/metrics"
            | "/api/resources/{id}/metrics/monthly"
            | "/api/resources/{id}/dissemination"
            | "/api/resources/{id}/pilots"
            | "/api/pilots/{id}"
            | "/api/pilots/{id}/risks"
            | "/api/risks/{id}"
            | "/api/risks/{id}/history",
            _,
        ) => school(who, true),
        (
            _,
            "/api/projects/{id}"
            | "/api/projects/{id}/structures"
            | "/api/structures/{id}"
            | "/api/projects/{id}/orders"
            | "/api/orders/{id}"
            | "/api/ranking-rounds/{id}/problems"
            | "/api/problems/{id}"
            | "/api/ranking-rounds/{id}/criteria",
            _,
        ) => school(who, manages_projects(who)),
        (
            _,
            "/api/projects/{id}/confirmations"
            | "/api/structures/{id}/approval"
            | "/api/orders/{id}/issue"
            | "/api/ranking-rounds/{id}/freeze",
            _,
        ) => school(who, who == Who::Director(Own)),
        ("PUT", "/api/problems/{id}/scores/me", _) => school(who, who == Who::Council(Own)),
        ("POST", "/api/document-versions/{id}/review", _) => school(who, who == Who::Council(Own)),
        ("POST", "/api/document-versions/{id}/comments", _) => school(
            who,
            matches!(
                who,
                Who::Director(Own) | Who::Council(Own) | Who::Teacher(Own) | Who::Supervisor(Own)
            ),
        ),
        (
            _,
            "/api/projects/{id}/package/{kind}"
            | "/api/document-versions/{id}/attachments"
            | "/api/projects/{id}/plan-items"
            | "/api/plan-items/{id}"
            | "/api/plan-items/{id}/attachments"
            | "/api/attachments/{id}"
            | "/api/projects/{id}/indicators"
            | "/api/indicators/{id}"
            | "/api/projects/{id}/resources"
            | "/api/resources/{id}"
            | "/api/resources/{id}/versions"
            | "/api/versions/{id}/files"
            | "/api/resources/{id}/transitions"
            | "/api/resources/{id}/pilots"
            | "/api/pilots/{id}"
            | "/api/pilots/{id}/attachments"
            | "/api/pilots/{id}/conclude"
            | "/api/pilots/{id}/risks"
            | "/api/projects/{id}/risks"
            | "/api/risks/{id}",
            _,
        ) => school(who, edits_work(who)),
        // The resource at the delivery step is published: everyone reads it.
        ("POST", "/api/resources/{id}/deliveries", _) => only(edits_work(who)),
        // Requests: filed by partner staff and the committee (the customer).
        ("POST", "/api/requests", _) => only(matches!(who, Who::Partner(_) | Who::Committee)),
        // Read by the requester (СОШ № 12), the addressed school's staff, the committee;
        // decided by the addressed school's administration, council and teachers.
        ("GET", "/api/requests/{id}", _) => {
            if at_recipient(who) || reads_school(who) {
                Expect::Ok
            } else {
                NotFound
            }
        }
        ("POST", "/api/requests/{id}/decision", _) => {
            if !(at_recipient(who) || reads_school(who)) {
                NotFound
            } else {
                only(edits_work(who))
            }
        }
        // A delivery is seen by the recipient school, the host school's staff and the
        // committee, and answered by the recipient's partner staff or administration,
        // who also issue its feedback links and list them with their respondents'
        // e-mails (never the school whose resource is rated).
        (
            "POST",
            "/api/deliveries/{id}/confirmation"
            | "/api/deliveries/{id}/feedback"
            | "/api/deliveries/{id}/feedback-links",
            _,
        )
        | ("GET", "/api/deliveries/{id}/feedback-links", _) => {
            if !(at_recipient(who) || reads_school(who)) {
                NotFound
            } else {
                only(matches!(who, Who::Director(Other) | Who::Partner(Other)))
            }
        }
        // Cohorts of the demo's published programme: read by everyone signed in, run by
        // the host school's administration, council and teachers.
        ("GET", "/api/resources/{id}/cohorts" | "/api/cohorts/{id}" | "/api/cohorts/{id}/enrolments", _) => Expect::Ok,
        (_, "/api/resources/{id}/cohorts" | "/api/cohorts/{id}" | "/api/cohort-sessions/{id}/attendance", _) => {
            only(edits_work(who))
        }
        // Anyone of a school enrols themselves; the committee's accounts do not.
        ("POST", "/api/cohorts/{id}/enrolments", _) => {
            only(!matches!(who, Who::Platform | Who::CommitteeAdmin | Who::Committee))
        }
        // СОШ № 12's teacher's enrolment: read by her, her school's director, the host
        // school's staff and the committee; withdrawn by her, her director and the host's
        // editors; completed, and its certificate revoked, by the host's editors.
        (
            _,
            "/api/enrolments/{id}"
            | "/api/enrolments/{id}/certificate"
            | "/api/enrolments/{id}/certificate.docx"
            | "/api/enrolments/{id}/withdraw"
            | "/api/enrolments/{id}/complete"
            | "/api/enrolments/{id}/certificate/revoke",
            _,
        ) => {
            let reads = reads_school(who) || matches!(who, Who::Director(Other) | Who::Partner(Other));
            let may = match path {
                "/api/enrolments/{id}/withdraw" => {
                    edits_work(who) || matches!(who, Who::Director(Other) | Who::Partner(Other))
                }
                "/api/enrolments/{id}/complete" | "/api/enrolments/{id}/certificate/revoke" => edits_work(who),
                _ => true,
            };
            if !reads { NotFound } else { only(may) }
        }
        ("GET", "/api/public/certificates/{number}" | "/api/me/training", _) => Expect::Ok,
        ("GET", "/api/organisations/{id}/training", _) => {
            only(matches!(who, Who::Committee | Who::Director(Own) | Who::Council(Own)))
        }
        // Events: the published calendar is everyone's; a draft is the school's work;
        // its organisers (administration, council, teachers) change it; the organisation's
        // staff and the committee read its registrations; anyone signed in registers and
        // answers (the event's state decides, with a reason).
        (
            "GET" | "POST" | "DELETE",
            "/api/events"
            | "/api/events/{id}/registrations/me"
            | "/api/events/{id}/feedback"
            | "/api/events/{id}/stands"
            | "/api/events/{id}/results",
            _,
        ) if !(method == "POST" && matches!(path, "/api/events" | "/api/events/{id}/stands")) => Expect::Ok,
        ("GET", "/api/events/{id}", "published") => Expect::Ok,
        ("GET", "/api/events/{id}", _) => school(who, true),
        ("POST", "/api/events/{id}/registrations", _) => Expect::Ok,
        ("GET", "/api/events/{id}/registrations", _) => only(reads_school(who)),
        ("POST", "/api/events", _) => only(matches!(
            who,
            Who::Director(_) | Who::Council(_) | Who::Teacher(_) | Who::Committee
        )),
        // One stand per school: СОШ № 61 presents one at the fair already.
        ("POST", "/api/events/{id}/stands", _) => match who {
            Who::Director(Own) | Who::Council(Own) | Who::Teacher(Own) => {
                Expect::Refused(RefusalReason::AlreadyPresented)
            }
            _ => only(matches!(who, Who::Director(_) | Who::Council(_) | Who::Teacher(_))),
        },
        (
            _,
            "/api/events/{id}"
            | "/api/events/{id}/publish"
            | "/api/events/{id}/cancel"
            | "/api/events/{id}/attachments"
            | "/api/events/{id}/attendance"
            | "/api/events/{id}/feedback-request",
            _,
        ) => only(edits_work(who)),
        // A stand of СОШ № 61 is rated by anyone registered for the fair but its own
        // school (refused whether registered or not).
        ("PUT", "/api/stands/{id}/rating", _) => {
            let own = matches!(
                who,
                Who::Director(Own) | Who::Council(Own) | Who::Teacher(Own) | Who::Supervisor(Own) | Who::Partner(Own)
            );
            match (own, variant) {
                (true, _) => Forbidden,
                (false, "unregistered") => Expect::Refused(RefusalReason::NotRegisteredForFair),
                (false, _) => Expect::Ok,
            }
        }
        // Consultations of СОШ № 61 for СОШ № 12: listed by everyone (each their own); asked
        // for by a school's administration, council, teachers and partner staff and by the
        // committee; recorded by a host school's administration, council and teachers.
        ("GET", "/api/consultations", _) => Expect::Ok,
        ("POST", "/api/consultations", _) => only(matches!(
            who,
            Who::Committee | Who::Director(_) | Who::Council(_) | Who::Teacher(_) | Who::Partner(_)
        )),
        ("POST", "/api/consultations/given", _) => {
            only(matches!(who, Who::Director(_) | Who::Council(_) | Who::Teacher(_)))
        }
        // Read by both schools and the committee; the host's staff schedule, decline and
        // hold it; either side calls it off; the recipient's side rates it.
        (_, path, _) if path.starts_with("/api/consultations/{id}") => {
            if !(at_recipient(who) || reads_school(who)) {
                NotFound
            } else {
                let recipient_side = matches!(
                    who,
                    Who::Director(Other) | Who::Council(Other) | Who::Teacher(Other) | Who::Partner(Other)
                );
                match path {
                    "/api/consultations/{id}" => Expect::Ok,
                    "/api/consultations/{id}/cancel" => only(edits_work(who) || recipient_side),
                    "/api/consultations/{id}/feedback" => only(recipient_side),
                    _ => only(edits_work(who)),
                }
            }
        }
        _ => return None,
    };
    Some(expect)
}

/// A request to send.
struct Call {
    method: Method,
    path: String,
    body: Body,
}

enum Body {
    None,
    Json(Value),
    File(Vec<u8>),
}

fn call(method: &str, path: impl Into<String>, body: Body) -> Call {
    Call {
        method: Method::from_bytes(method.as_bytes()).unwrap(),
        path: path.into(),
        body,
    }
}

/// The demo's records and the tokens that make fresh ones.
struct World {
    sch61: i64,
    sch12: i64,
    committee_org: i64,
    tokens: BTreeMap<String, String>,
    accounts: BTreeMap<String, Account>,
    /// A school teacher, a second school administrator, a second committee specialist
    /// and a second platform administrator: the accounts that are managed.
    managed_teacher: i64,
    managed_admin: i64,
    managed_specialist: i64,
    managed_platform: i64,
    project: i64,
    /// The first school year of the project.
    year: i32,
    lab_project: i64,
    structure: i64,
    draft_order: i64,
    round: i64,
    problem: i64,
    criteria: usize,
    version_under_review: i64,
    plan_item: i64,
    indicator: Value,
    internal_resource: i64,
    published_resource: i64,
    delivery_resource: i64,
    product_version: i64,
    resource_version: i64,
    file: i64,
    delivery: i64,
    request: i64,
    attachment: i64,
    /// A running pilot of the internal resource, and the demo's concluded pilot of the
    /// published task bank.
    pilot: i64,
    published_pilot: i64,
    /// A risk of the platform project, one of the running pilot, and the demo's closed
    /// risk of the bank's pilot.
    project_risk: i64,
    pilot_risk: i64,
    published_risk: i64,
    /// The demo's published training programme, a cohort of it with a session, and
    /// СОШ № 12's teacher's enrolment in it; the demo's completed enrolment of that
    /// teacher and its certificate's number.
    programme: i64,
    cohort: i64,
    session: i64,
    enrolment: i64,
    completed_enrolment: i64,
    certificate: String,
    /// A published seminar of СОШ № 61 today, open to the city; a draft one; a published
    /// fair of СОШ № 61 this week with its own stand, for which every matrix account is
    /// registered; and the own stand at a second fair nobody registered for.
    event: i64,
    draft_event: i64,
    fair: i64,
    stand: i64,
    unregistered_stand: i64,
    /// A consultation СОШ № 12's partner asked of СОШ № 61, and one СОШ № 61 held for it.
    consultation: i64,
    held_consultation: i64,
}

impl World {
    fn token(&self, who: &str) -> &str {
        &self.tokens[who]
    }
}

fn label(who: Who) -> String {
    format!("{who:?}").to_lowercase().replace(['(', ')'], "-")
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.7\n% matrix\n".to_vec()
}

async fn ok_json(app: &TestApp, method: Method, path: &str, token: &str, body: Option<&Value>) -> Value {
    let reply = app.send(method.clone(), path, Some(token), body).await;
    assert!(
        reply.status.is_success(),
        "setup {method} {path}: {} {}",
        reply.status,
        reply.body
    );
    serde_json::from_str(&reply.body).unwrap_or(Value::Null)
}

async fn upload(app: &TestApp, path: &str, token: &str) -> Value {
    let reply = app
        .send_raw(Method::POST, path, Some(token), "application/octet-stream", pdf())
        .await;
    assert!(
        reply.status.is_success(),
        "setup {path}: {} {}",
        reply.status,
        reply.body
    );
    serde_json::from_str(&reply.body).unwrap()
}

fn plan_item_body(year: i32, action: &str) -> Value {
    let deadline = format!("{year}-10-15");
    json!({"school_year": year, "action": action, "responsible_name": "Иванова М. П.", "deadline": deadline, "expected_result": "Протокол"})
}

fn order_body(year: i32, number: &str) -> Value {
    json!({"number": number, "issued_on": format!("{year}-09-01"), "school_year": year, "signatory_name": "Петрова Е. В.", "signatory_position": "Директор"})
}

fn indicator_body(year: i32, title: &str) -> Value {
    json!({"title": title, "unit": "%", "values": [{"school_year": year, "target": 40.0}]})
}

fn pilot_body(world: &World, tag: &str) -> Value {
    json!({"version_id": world.resource_version, "sites": [world.sch61], "starts_on": tests::days_from_today(-5),
        "ends_on": tests::days_from_today(30), "teachers": 2, "classes": "5А", "pupils": 25,
        "method": format!("Уроки по макету {tag}")})
}

fn cohort_body(tag: &str) -> Value {
    json!({"title": format!("Поток {tag}"), "starts_on": tests::days_from_today(-1), "ends_on": tests::days_from_today(30),
        "capacity": 50, "place": "СОШ № 61, ауд. 204", "online_link": "https://sch61.example/webinar",
        "trainers": ["Смирнов А. И."], "sessions": [{"held_on": tests::days_from_today(-1), "topic": "Критерии оценивания", "hours": 8}]})
}

fn risk_body(world: &World, tag: &str) -> Value {
    let owner = world.accounts["teacher-own-"].id.0;
    json!({"title": format!("Риск {tag}"), "category": "organisational", "likelihood": 3, "impact": 2,
        "mitigation": "Согласовать график", "owner_id": owner})
}

fn request_body(target: Option<i64>) -> Value {
    json!({"need": "Методические материалы по формирующему оцениванию", "audience": "Учителя математики 5–7 классов", "target_org_id": target})
}

/// A fresh record for a cell that consumes one (deletes, one-time answers); `None` for
/// the shared ones.
async fn fresh(app: &TestApp, world: &World, row: &Row) -> Option<i64> {
    let teacher = world.token("teacher-own");
    let council = world.token("council-own");
    let id = match (row.0, row.1) {
        ("DELETE", "/api/plan-items/{id}") => {
            let path = format!("/api/projects/{}/plan-items", world.project);
            ok_json(
                app,
                Method::POST,
                &path,
                teacher,
                Some(&plan_item_body(world.year, "Удаляемый пункт")),
            )
            .await["id"]
                .as_i64()
        }
        ("DELETE", "/api/attachments/{id}") => {
            let path = format!("/api/plan-items/{}/attachments?file_name=evidence.pdf", world.plan_item);
            upload(app, &path, teacher).await["id"].as_i64()
        }
        ("DELETE", "/api/problems/{id}") => {
            let path = format!("/api/ranking-rounds/{}/problems", world.round);
            let body = json!({"title": "Удаляемая проблема", "description": "Описание проблемы"});
            ok_json(app, Method::POST, &path, council, Some(&body)).await["id"].as_i64()
        }
        ("POST", "/api/requests/{id}/decision") => {
            let body = request_body(Some(world.sch61));
            let partner = world.token("partner-other");
            ok_json(app, Method::POST, "/api/requests", partner, Some(&body)).await["id"].as_i64()
        }
        ("POST", "/api/pilots/{id}/conclude") => {
            let path = format!("/api/resources/{}/pilots", world.internal_resource);
            ok_json(
                app,
                Method::POST,
                &path,
                teacher,
                Some(&pilot_body(world, "заключение")),
            )
            .await["id"]
                .as_i64()
        }
        (
            "POST",
            "/api/enrolments/{id}/withdraw"
            | "/api/enrolments/{id}/complete"
            | "/api/enrolments/{id}/certificate/revoke",
        ) => {
            // СОШ № 12's teacher enrols herself in a fresh cohort and attends its session.
            let path = format!("/api/resources/{}/cohorts", world.programme);
            let cohort = ok_json(app, Method::POST, &path, teacher, Some(&cohort_body("свежий"))).await;
            let path = format!("/api/cohorts/{}/enrolments", cohort["id"]);
            let partner = world.token("partner-other");
            let id = ok_json(app, Method::POST, &path, partner, Some(&json!({}))).await["id"].as_i64();
            let path = format!("/api/cohort-sessions/{}/attendance", cohort["sessions"][0]["id"]);
            ok_json(app, Method::PUT, &path, teacher, Some(&json!({"present": [id]}))).await;
            if row.1 == "/api/enrolments/{id}/certificate/revoke" {
                let path = format!("/api/enrolments/{}/complete", id.unwrap());
                ok_json(app, Method::POST, &path, teacher, Some(&json!({}))).await;
            }
            id
        }
        ("POST", "/api/events/{id}/publish") => {
            let body = event_body("черновик", 0, 30);
            ok_json(app, Method::POST, "/api/events", teacher, Some(&body)).await["id"].as_i64()
        }
        ("POST", "/api/events/{id}/cancel") => {
            let body = event_body("отмена", 0, 30);
            let id = created(app, "/api/events", teacher, &body).await;
            let path = format!("/api/events/{id}/publish");
            ok_json(app, Method::POST, &path, teacher, Some(&json!({}))).await["id"].as_i64()
        }
        (
            "POST",
            "/api/consultations/{id}/decline" | "/api/consultations/{id}/cancel" | "/api/consultations/{id}/hold",
        ) => {
            let partner = world.token("partner-other");
            let body = consultation_body(world.sch61);
            ok_json(app, Method::POST, "/api/consultations", partner, Some(&body)).await["id"].as_i64()
        }
        ("POST", "/api/deliveries/{id}/feedback") => {
            let path = format!("/api/resources/{}/deliveries", world.delivery_resource);
            ok_json(app, Method::POST, &path, teacher, Some(&delivery_body(world))).await["id"].as_i64()
        }
        _ => return None,
    };
    Some(id.unwrap())
}

/// A feedback link to a delivery of СОШ № 61, issued by the receiving school's partner.
async fn feedback_link(app: &TestApp, world: &World, who: Who) -> String {
    let path = format!("/api/deliveries/{}/feedback-links", world.delivery);
    let email = format!("respondent-{}@sch12.example", uuid::Uuid::new_v4().simple());
    let body = json!({"email": email, "respondent": format!("Респондент {}", label(who))});
    let link = ok_json(app, Method::POST, &path, world.token("partner-other"), Some(&body)).await;
    link["token"].as_str().unwrap().to_owned()
}

/// The request a cell sends.
async fn request(app: &TestApp, world: &World, row: &Row, who: Who, fresh_id: Option<i64>) -> Call {
    let (method, path, variant, _) = *row;
    let tag = label(who);
    let id = |shared: i64| fresh_id.unwrap_or(shared);
    let json = |value: Value| Body::Json(value);
    match (method, path, variant) {
        ("GET", "/api/resources/{id}/cohorts", _) => call(
            method,
            format!("/api/resources/{}/cohorts", world.programme),
            Body::None,
        ),
        ("POST", "/api/resources/{id}/cohorts", _) => call(
            method,
            format!("/api/resources/{}/cohorts", world.programme),
            json(cohort_body(&tag)),
        ),
        (_, "/api/cohorts/{id}", _) => {
            let body = if method == "PUT" {
                let mut body = cohort_body(&format!("изменён {tag}"));
                body["sessions"][0]["id"] = json!(world.session);
                json(body)
            } else {
                Body::None
            };
            call(method, format!("/api/cohorts/{}", world.cohort), body)
        }
        ("PUT", "/api/cohort-sessions/{id}/attendance", _) => call(
            method,
            format!("/api/cohort-sessions/{}/attendance", world.session),
            json(json!({"present": [world.enrolment]})),
        ),
        (_, "/api/cohorts/{id}/enrolments", _) => {
            let body = if method == "POST" { json(json!({})) } else { Body::None };
            call(method, format!("/api/cohorts/{}/enrolments", world.cohort), body)
        }
        ("POST", "/api/enrolments/{id}/withdraw" | "/api/enrolments/{id}/complete", _) => call(
            method,
            path.replace("{id}", &id(world.enrolment).to_string()),
            json(json!({})),
        ),
        ("POST", "/api/enrolments/{id}/certificate/revoke", _) => call(
            method,
            path.replace("{id}", &id(world.completed_enrolment).to_string()),
            json(json!({"reason": format!("Отзыв для проверки прав: {tag}")})),
        ),
        ("GET", _, _) if path.starts_with("/api/enrolments/{id}") => call(
            method,
            path.replace("{id}", &world.completed_enrolment.to_string()),
            Body::None,
        ),
        ("GET", "/api/public/certificates/{number}", _) => call(
            method,
            format!("/api/public/certificates/{}", world.certificate),
            Body::None,
        ),
        ("GET", "/api/me/training", _) => call(method, path, Body::None),
        ("GET", "/api/organisations/{id}/training", _) => call(
            method,
            format!("/api/organisations/{}/training", world.sch61),
            Body::None,
        ),
        ("GET", "/healthz" | "/readyz", _) => call(method, path, Body::None),
        ("POST", "/api/auth/login", _) => {
            let email = world.accounts.get(&tag).map_or_else(
                || world.accounts["spare"].email.clone(),
                |account| account.email.clone(),
            );
            call(method, path, json(json!({"email": email, "password": PASSWORD})))
        }
        ("POST", "/api/auth/refresh" | "/api/auth/logout", _) => {
            let user = world.accounts["spare"].id;
            let token = app
                .with_db(|conn| {
                    let session = session::open(conn, user)?;
                    refresh_token::issue(conn, user, &session)
                })
                .unwrap();
            call(method, path, json(json!({ "refresh_token": token })))
        }
        ("GET", "/api/me" | "/api/me/approvals" | "/api/me/reminders", _) => call(method, path, Body::None),
        ("PATCH", "/api/me", _) => call(method, path, json(json!({"locale": "en"}))),
        ("POST", "/api/me/password", _) => call(
            method,
            path,
            json(json!({"current_password": PASSWORD, "new_password": "another-password-2"})),
        ),
        ("GET", "/api/organisations", _) => call(method, path, Body::None),
        ("POST", "/api/organisations", _) => call(
            method,
            path,
            json(
                json!({"name": format!("МБОУ «Школа {tag}»"), "short_name": format!("Школа {tag}"), "kind": "school", "municipality": "Город"}),
            ),
        ),
        ("GET", "/api/organisations/{id}", _) => {
            call(method, format!("/api/organisations/{}", world.sch61), Body::None)
        }
        ("GET", "/api/organisations/{id}/metrics" | "/api/organisations/{id}/dissemination", _) => {
            call(method, path.replace("{id}", &world.sch61.to_string()), Body::None)
        }
        (_, "/api/organisations/{id}/users", variant) => {
            let (org, role) = if variant == "committee" {
                (world.committee_org, "committee")
            } else {
                (world.sch61, "staff")
            };
            let body = if method == "POST" {
                json(
                    json!({"email": format!("{tag}.{variant}@new.test"), "full_name": "Новый Сотрудник", "roles": [role], "password": "new-password-1"}),
                )
            } else {
                Body::None
            };
            call(method, format!("/api/organisations/{org}/users"), body)
        }
        (_, "/api/users/{id}" | "/api/users/{id}/password-reset", variant) => {
            let target = match variant {
                "school" => world.managed_teacher,
                "school_admin" => world.managed_admin,
                "specialist" => world.managed_specialist,
                _ => world.managed_platform,
            };
            let path = path.replace("{id}", &target.to_string());
            let body = match (method, variant) {
                ("PATCH", "platform" | "school_admin") => json(json!({"is_active": false})),
                ("PATCH", _) => json(json!({"full_name": format!("Изменено {tag}"), "roles": ["admin"]})),
                _ => Body::None,
            };
            let body = match (&body, variant) {
                (Body::Json(_), "specialist") => {
                    json(json!({"full_name": format!("Изменено {tag}"), "roles": ["committee", "admin"]}))
                }
                _ => body,
            };
            call(method, path, body)
        }
        ("GET", "/api/audit", "school") => call(method, format!("/api/audit?org_id={}", world.sch61), Body::None),
        ("GET", "/api/audit" | "/api/catalogue" | "/api/registry" | "/api/registry/export", _) => {
            call(method, path, Body::None)
        }
        ("GET", "/api/projects" | "/api/resources" | "/api/ranking-rounds" | "/api/deliveries", _) => {
            call(method, path, Body::None)
        }
        ("GET", "/api/requests", _) => call(method, "/api/requests?box=inbox", Body::None),
        ("POST", "/api/projects", _) => call(
            method,
            path,
            json(tests::fixtures::project_body(&format!("Проект {tag}"))),
        ),
        ("GET", _, _) if path.starts_with("/api/projects/{id}") => {
            let path = path
                .replace("{id}", &world.project.to_string())
                .replace("{kind}", "innovation_map");
            call(method, path, Body::None)
        }
        ("PUT", "/api/projects/{id}", _) => {
            let path = format!("/api/projects/{}", world.project);
            let mut card = ok_json(app, Method::GET, &path, world.token("committee"), None).await;
            card["title"] = json!(format!("Проект изменён {tag}"));
            call(method, path, json(card))
        }
        ("POST", "/api/projects/{id}/confirmations", _) => call(
            method,
            format!("/api/projects/{}/confirmations", world.project),
            json(
                json!({"school_year": world.year, "confirmed_on": format!("{}-08-25", world.year), "basis": "Приказ комитета"}),
            ),
        ),
        ("POST", "/api/projects/{id}/structures", _) => call(
            method,
            format!("/api/projects/{}/structures", world.project),
            json(structure_body(world, &tag)),
        ),
        ("PUT", "/api/structures/{id}", _) => call(
            method,
            format!("/api/structures/{}", world.structure),
            json(structure_body(world, &tag)),
        ),
        ("POST", "/api/structures/{id}/approval", _) => call(
            method,
            format!("/api/structures/{}/approval", world.structure),
            json(json!({})),
        ),
        ("POST", "/api/projects/{id}/orders", _) => call(
            method,
            format!("/api/projects/{}/orders", world.project),
            json(order_body(world.year, &format!("{tag}-о"))),
        ),
        (_, "/api/orders/{id}" | "/api/orders/{id}/docx" | "/api/orders/{id}/issue", _) => {
            let path = path.replace("{id}", &world.draft_order.to_string());
            let body = match method {
                "PUT" => json(order_body(world.year, &format!("{tag}-и"))),
                "POST" => json(json!({})),
                _ => Body::None,
            };
            call(method, path, body)
        }
        ("POST", "/api/projects/{id}/package/{kind}", _) => call(
            method,
            format!("/api/projects/{}/package/programme", world.lab_project),
            json(json!({"text": format!("Программа инновационной деятельности {tag}")})),
        ),
        ("POST", "/api/document-versions/{id}/comments", _) => call(
            method,
            format!("/api/document-versions/{}/comments", world.version_under_review),
            json(json!({"body": format!("Замечание {tag}")})),
        ),
        ("POST", "/api/document-versions/{id}/attachments", _) => call(
            method,
            format!(
                "/api/document-versions/{}/attachments?file_name=map.pdf",
                world.version_under_review
            ),
            Body::File(pdf()),
        ),
        ("POST", "/api/document-versions/{id}/review", _) => call(
            method,
            format!("/api/document-versions/{}/review", world.version_under_review),
            json(json!({"decision": "return", "comment": format!("Уточните риски {tag}")})),
        ),
        ("POST", "/api/projects/{id}/plan-items", _) => call(
            method,
            format!("/api/projects/{}/plan-items", world.project),
            json(plan_item_body(world.year, &format!("Пункт {tag}"))),
        ),
        ("PUT", "/api/plan-items/{id}", _) => call(
            method,
            format!("/api/plan-items/{}", world.plan_item),
            json(plan_item_body(world.year, &format!("Пункт изменён {tag}"))),
        ),
        ("POST", "/api/plan-items/{id}/attachments", _) => call(
            method,
            format!("/api/plan-items/{}/attachments?file_name=evidence.pdf", world.plan_item),
            Body::File(pdf()),
        ),
        ("DELETE", "/api/plan-items/{id}", _) => {
            call(method, format!("/api/plan-items/{}", id(world.plan_item)), Body::None)
        }
        ("GET" | "DELETE", "/api/attachments/{id}", _) => {
            call(method, format!("/api/attachments/{}", id(world.attachment)), Body::None)
        }
        ("POST", "/api/projects/{id}/indicators", _) => call(
            method,
            format!("/api/projects/{}/indicators", world.project),
            json(indicator_body(world.year, &format!("Показатель {tag}"))),
        ),
        ("PUT", "/api/indicators/{id}", _) => {
            let mut body = world.indicator.clone();
            body["title"] = json!(format!("Показатель изменён {tag}"));
            call(method, format!("/api/indicators/{}", world.indicator["id"]), json(body))
        }
        ("POST", "/api/ranking-rounds", _) => {
            let year = 2040 + WHO.iter().position(|w| *w == who).unwrap_or_default();
            call(method, path, json(json!({ "school_year": year })))
        }
        ("GET", "/api/ranking-rounds/{id}", _) => {
            call(method, format!("/api/ranking-rounds/{}", world.round), Body::None)
        }
        ("POST", "/api/ranking-rounds/{id}/problems", _) => call(
            method,
            format!("/api/ranking-rounds/{}/problems", world.round),
            json(json!({"title": format!("Проблема {tag}"), "description": "Описание проблемы"})),
        ),
        ("PUT", "/api/problems/{id}", _) => call(
            method,
            format!("/api/problems/{}", world.problem),
            json(json!({"title": format!("Проблема изменена {tag}"), "description": "Описание проблемы"})),
        ),
        ("DELETE", "/api/problems/{id}", _) => call(method, format!("/api/problems/{}", id(world.problem)), Body::None),
        ("PUT", "/api/problems/{id}/scores/me", _) => call(
            method,
            format!("/api/problems/{}/scores/me", world.problem),
            json(json!({"scores": vec![4; world.criteria]})),
        ),
        ("PUT", "/api/ranking-rounds/{id}/criteria", _) => call(
            method,
            format!("/api/ranking-rounds/{}/criteria", world.round),
            json(json!({"criteria": [{"title": "Значимость", "weight": 3}, {"title": "Решаемость", "weight": 2}]})),
        ),
        ("POST", "/api/ranking-rounds/{id}/freeze", _) => call(
            method,
            format!("/api/ranking-rounds/{}/freeze", world.round),
            json(json!({})),
        ),
        ("POST", "/api/projects/{id}/resources", _) => call(
            method,
            format!("/api/projects/{}/resources", world.project),
            json(tests::fixtures::resource_body(&format!("Ресурс {tag}"))),
        ),
        ("GET", "/api/resources/{id}", "published") => call(
            method,
            format!("/api/resources/{}", world.published_resource),
            Body::None,
        ),
        ("GET", "/api/files/{id}", _) => call(method, format!("/api/files/{}", world.file), Body::None),
        ("GET", "/api/resources/{id}/pilots", "published") => call(
            method,
            format!("/api/resources/{}/pilots", world.delivery_resource),
            Body::None,
        ),
        ("POST", "/api/resources/{id}/pilots", _) => call(
            method,
            format!("/api/resources/{}/pilots", world.internal_resource),
            json(pilot_body(world, &tag)),
        ),
        ("GET", "/api/pilots/{id}" | "/api/pilots/{id}/risks", variant) => {
            let pilot = if variant == "published" {
                world.published_pilot
            } else {
                world.pilot
            };
            call(method, path.replace("{id}", &pilot.to_string()), Body::None)
        }
        ("PUT", "/api/pilots/{id}", _) => call(
            method,
            format!("/api/pilots/{}", world.pilot),
            json(pilot_body(world, &format!("изменён {tag}"))),
        ),
        ("POST", "/api/pilots/{id}/attachments", _) => call(
            method,
            format!("/api/pilots/{}/attachments?file_name=protocol.pdf", world.pilot),
            Body::File(pdf()),
        ),
        ("POST", "/api/pilots/{id}/conclude", _) => call(
            method,
            format!("/api/pilots/{}/conclude", id(world.pilot)),
            json(json!({"conclusion": "recommended", "final_results": format!("Итоги {tag}")})),
        ),
        ("POST", "/api/pilots/{id}/risks", _) => call(
            method,
            format!("/api/pilots/{}/risks", world.pilot),
            json(risk_body(world, &tag)),
        ),
        ("POST", "/api/projects/{id}/risks", _) => call(
            method,
            format!("/api/projects/{}/risks", world.project),
            json(risk_body(world, &tag)),
        ),
        (_, "/api/risks/{id}" | "/api/risks/{id}/history", variant) => {
            let risk = match variant {
                "published" => world.published_risk,
                "pilot" => world.pilot_risk,
                _ => world.project_risk,
            };
            let body = if method == "PUT" {
                json(risk_body(world, &format!("изменён {tag}")))
            } else {
                Body::None
            };
            call(method, path.replace("{id}", &risk.to_string()), body)
        }
        ("GET", _, _) if path.starts_with("/api/resources/{id}") => call(
            method,
            path.replace("{id}", &world.internal_resource.to_string()),
            Body::None,
        ),
        ("PUT", "/api/resources/{id}", _) => {
            let mut body = tests::fixtures::resource_body(&format!("Ресурс изменён {tag}"));
            body["visibility"] = json!("internal");
            call(
                method,
                format!("/api/resources/{}", world.internal_resource),
                json(body),
            )
        }
        ("POST", "/api/resources/{id}/versions", _) => call(
            method,
            format!("/api/resources/{}/versions", world.internal_resource),
            json(json!({"kind": "design"})),
        ),
        ("POST", "/api/versions/{id}/files", _) => call(
            method,
            format!("/api/versions/{}/files?file_name={tag}.pdf", world.resource_version),
            Body::File(pdf()),
        ),
        ("POST", "/api/resources/{id}/transitions", _) => call(
            method,
            format!("/api/resources/{}/transitions", world.internal_resource),
            json(json!({"to": "request"})),
        ),
        ("POST", "/api/requests", _) => call(method, path, json(request_body(None))),
        ("GET", "/api/requests/{id}", _) => call(method, format!("/api/requests/{}", world.request), Body::None),
        ("POST", "/api/requests/{id}/decision", _) => call(
            method,
            format!("/api/requests/{}/decision", id(world.request)),
            json(json!({"decision": "decline", "reason": format!("Нет ресурса {tag}")})),
        ),
        ("POST", "/api/resources/{id}/deliveries", _) => call(
            method,
            format!("/api/resources/{}/deliveries", world.delivery_resource),
            json(delivery_body(world)),
        ),
        ("POST", "/api/deliveries/{id}/confirmation", _) => call(
            method,
            format!("/api/deliveries/{}/confirmation", world.delivery),
            json(json!({})),
        ),
        ("POST", "/api/deliveries/{id}/feedback", _) => call(
            method,
            format!("/api/deliveries/{}/feedback", id(world.delivery)),
            json(json!({"csat": 5, "recommend": 9, "ready": true, "comment": "Полезно"})),
        ),
        ("POST", "/api/deliveries/{id}/feedback-links", _) => call(
            method,
            format!("/api/deliveries/{}/feedback-links", world.delivery),
            json(json!({"email": format!("teacher{tag}@sch12.example"), "respondent": format!("Учитель {tag}")})),
        ),
        ("GET", "/api/deliveries/{id}/feedback-links", _) => call(
            method,
            format!("/api/deliveries/{}/feedback-links", world.delivery),
            Body::None,
        ),
        (_, "/api/public/feedback/{token}", _) => {
            let token = feedback_link(app, world, who).await;
            let body = if method == "POST" {
                json(json!({"csat": 4, "recommend": 8, "ready": true}))
            } else {
                Body::None
            };
            call(method, format!("/api/public/feedback/{token}"), body)
        }
        ("GET" | "POST", "/api/events", _) => {
            let body = if method == "POST" {
                json(event_body(&tag, 3, 30))
            } else {
                Body::None
            };
            call(method, path, body)
        }
        ("GET", "/api/events/{id}", "draft") => call(method, format!("/api/events/{}", world.draft_event), Body::None),
        (_, "/api/events/{id}/registrations/me", _) => {
            let registrations = format!("/api/events/{}/registrations", world.event);
            if who != Who::SignedOut {
                // Registered first (or already): the cell cancels the caller's own.
                let token = world.token(label(who).trim_end_matches('-'));
                app.send(Method::POST, &registrations, Some(token), None).await;
            }
            call(method, format!("{registrations}/me"), Body::None)
        }
        (_, "/api/events/{id}/stands" | "/api/events/{id}/results", _) => {
            let body = if method == "POST" {
                json(json!({"title": format!("Стенд {tag}")}))
            } else {
                Body::None
            };
            call(method, path.replace("{id}", &world.fair.to_string()), body)
        }
        ("PUT", "/api/stands/{id}/rating", _) => call(
            method,
            format!(
                "/api/stands/{}/rating",
                if variant == "unregistered" {
                    world.unregistered_stand
                } else {
                    world.stand
                }
            ),
            json(json!({"score": 4})),
        ),
        ("POST", "/api/events/{id}/attachments", _) => call(
            method,
            format!("/api/events/{}/attachments?file_name=slides.pdf", world.event),
            Body::File(pdf()),
        ),
        (_, _, _) if path.starts_with("/api/events/{id}") => {
            let event = id(world.event);
            let body = match (method, path) {
                ("PUT", "/api/events/{id}") => json(event_body(&format!("изменён {tag}"), 0, 100)),
                ("PUT", _) => json(json!({"attended": []})),
                ("POST", "/api/events/{id}/feedback") => json(json!({"csat": 5, "comment": "Полезно"})),
                ("POST", _) => json(json!({})),
                _ => Body::None,
            };
            call(method, path.replace("{id}", &event.to_string()), body)
        }
        ("GET", "/api/consultations", _) => call(method, path, Body::None),
        ("POST", "/api/consultations", _) => {
            let host = if matches!(
                who,
                Who::Director(Own) | Who::Council(Own) | Who::Teacher(Own) | Who::Partner(Own)
            ) {
                world.sch12
            } else {
                world.sch61
            };
            call(method, path, json(consultation_body(host)))
        }
        ("POST", "/api/consultations/given", _) => {
            let recipient = if matches!(who, Who::Director(Other) | Who::Council(Other) | Who::Teacher(Other)) {
                world.sch61
            } else {
                world.sch12
            };
            let body =
                json!({"recipient_org_id": recipient, "topic": format!("Консультация {tag}"), "held": held_body()});
            call(method, path, json(body))
        }
        ("GET", "/api/consultations/{id}", _) => {
            call(method, format!("/api/consultations/{}", world.consultation), Body::None)
        }
        ("POST", "/api/consultations/{id}/schedule", _) => call(
            method,
            format!("/api/consultations/{}/schedule", world.consultation),
            json(
                json!({"scheduled_on": tests::days_from_today(7), "form": "online", "place": format!("Ссылка {tag}")}),
            ),
        ),
        ("POST", "/api/consultations/{id}/decline" | "/api/consultations/{id}/cancel", _) => call(
            method,
            path.replace("{id}", &id(world.consultation).to_string()),
            json(json!({"reason": format!("Причина {tag}")})),
        ),
        ("POST", "/api/consultations/{id}/hold", _) => call(
            method,
            format!("/api/consultations/{}/hold", id(world.consultation)),
            json(held_body()),
        ),
        ("POST", "/api/consultations/{id}/feedback", _) => call(
            method,
            format!("/api/consultations/{}/feedback", world.held_consultation),
            json(json!({"csat": 5, "recommend": 10, "ready": true})),
        ),
        _ => panic!("no request for {method} {path} {variant}"),
    }
}

/// An event of the caller's organisation, published or not, starting in `starts_in` days.
fn event_body(tag: &str, starts_in: i64, capacity: i64) -> Value {
    json!({"role": "organiser", "kind": "seminar", "level": "municipal", "title": format!("Семинар {tag}"),
        "starts_on": tests::days_from_today(starts_in), "ends_on": tests::days_from_today(starts_in),
        "place": "Актовый зал", "open_to_city": true, "capacity": capacity})
}

fn consultation_body(host: i64) -> Value {
    json!({"host_org_id": host, "topic": "Формирующее оценивание", "question": "Как выстроить критерии оценивания"})
}

fn held_body() -> Value {
    json!({"held_on": tests::days_from_today(0), "form": "in_person", "consultants": "Кузнецова О. С.",
        "participant_count": 4, "outcome": "Разобрали критерии оценивания"})
}

fn delivery_body(world: &World) -> Value {
    json!({"version_id": world.product_version, "recipient_org_id": world.sch12, "delivered_on": chrono::Utc::now().date_naive().to_string(), "form": "training", "contact": "Завуч"})
}

fn structure_body(world: &World, tag: &str) -> Value {
    let teacher = world.accounts["teacher-own-"].id.0;
    json!({"kind": "creative_group", "name": format!("Творческая группа {tag}"), "members": [
        {"user_id": teacher, "function": "head", "competence": "Учитель математики"}
    ]})
}

async fn send(app: &TestApp, call: &Call, token: Option<&str>) -> Reply {
    match &call.body {
        Body::None => app.send(call.method.clone(), &call.path, token, None).await,
        Body::Json(value) => app.send(call.method.clone(), &call.path, token, Some(value)).await,
        Body::File(bytes) => {
            app.send_raw(
                call.method.clone(),
                &call.path,
                token,
                "application/octet-stream",
                bytes.clone(),
            )
            .await
        }
    }
}

/// Whether a reply is the expected one; `Err` says what it was instead.
fn check(reply: &Reply, expect: Expect) -> Result<(), String> {
    let ok = match expect {
        Expect::Ok => {
            reply.status.is_success()
                || (reply.status == StatusCode::CONFLICT
                    && serde_json::from_str::<Value>(&reply.body).is_ok_and(|problem| problem["reason"].is_string()))
        }
        Expect::Refused(reason) => {
            reply.status == StatusCode::CONFLICT
                && serde_json::from_str::<Value>(&reply.body).is_ok_and(|problem| problem["reason"] == reason.as_str())
        }
        Expect::Forbidden => reply.status == StatusCode::FORBIDDEN,
        Expect::NotFound => reply.status == StatusCode::NOT_FOUND,
        Expect::Unauthenticated => reply.status == StatusCode::UNAUTHORIZED,
    };
    let refusal_is_a_problem = expect == Expect::Ok || reply.content_type == "application/problem+json";
    if ok && refusal_is_a_problem {
        Ok(())
    } else {
        let body: String = reply.body.chars().take(300).collect();
        Err(format!(
            "got {} ({}), want {expect:?}: {body}",
            reply.status, reply.content_type
        ))
    }
}

#[derive(QueryableByName)]
struct Text1 {
    #[diesel(sql_type = Text)]
    v: String,
}

/// Every table's rows, as text, but the sign-in bookkeeping (sessions, refresh tokens,
/// failed sign-ins), which the matrix's own sign-ins write, and SQLite's search index of the
/// resources (an FTS5 table and its shadow tables, derived from `resources`).
fn snapshot(conn: &mut DbConnection) -> BTreeMap<String, String> {
    let tables: Vec<String> = match conn {
        DbConnection::Sqlite(c) => diesel::sql_query(
            "SELECT name AS v FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE '__diesel%' AND name NOT LIKE 'resources\\_search%' ESCAPE '\\' ORDER BY name",
        )
        .load::<Text1>(c),
        DbConnection::Postgresql(c) => diesel::sql_query(
            "SELECT tablename::text AS v FROM pg_tables WHERE schemaname = 'public' \
             AND tablename NOT LIKE '__diesel%' ORDER BY tablename",
        )
        .load::<Text1>(c),
    }
    .unwrap()
    .into_iter()
    .map(|t| t.v)
    .filter(|t| !matches!(t.as_str(), "sessions" | "refresh_tokens" | "login_failures"))
    .collect();
    tables
        .into_iter()
        .map(|table| {
            let content = match conn {
                DbConnection::Sqlite(c) => {
                    let columns: Vec<String> =
                        diesel::sql_query(format!("SELECT name AS v FROM pragma_table_info('{table}')"))
                            .load::<Text1>(c)
                            .unwrap()
                            .into_iter()
                            .map(|col| format!("quote(\"{}\")", col.v))
                            .collect();
                    diesel::sql_query(format!(
                        "SELECT coalesce(group_concat(r, '|'), '') AS v FROM (SELECT {} AS r FROM \"{table}\" ORDER BY rowid)",
                        columns.join(" || ',' || ")
                    ))
                    .get_result::<Text1>(c)
                }
                DbConnection::Postgresql(c) => diesel::sql_query(format!(
                    "SELECT coalesce(string_agg(t::text, '|' ORDER BY t::text), '') AS v FROM \"{table}\" t"
                ))
                .get_result::<Text1>(c),
            };
            (table, content.unwrap().v)
        })
        .collect()
}

/// The operations of the committed spec, `(METHOD, path)`.
fn spec_operations() -> BTreeSet<(String, String)> {
    let spec: Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi/openapi.json")).unwrap(),
    )
    .unwrap();
    let mut operations = BTreeSet::new();
    for (path, item) in spec["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            if matches!(
                method.as_str(),
                "get" | "put" | "post" | "delete" | "patch" | "head" | "options" | "trace"
            ) {
                operations.insert((method.to_uppercase(), path.clone()));
            }
        }
    }
    operations
}

#[test]
fn every_operation_of_the_spec_has_a_row_and_every_row_an_answer_for_every_role() {
    let operations = spec_operations();
    let rows: BTreeSet<(String, String)> = ROWS.iter().map(|r| (r.0.to_owned(), r.1.to_owned())).collect();
    let missing: Vec<_> = operations.difference(&rows).collect();
    assert!(
        missing.is_empty(),
        "operations without a row in the matrix: {missing:?}"
    );
    let stale: Vec<_> = rows.difference(&operations).collect();
    assert!(stale.is_empty(), "rows of operations the spec no longer has: {stale:?}");
    for row in ROWS {
        for who in WHO {
            assert!(expected(row, who).is_some(), "no expectation for {row:?} × {who:?}");
        }
    }
}

/// The matrix as the Markdown table of `docs/security.md`.
fn markdown() -> String {
    let header = [
        "Operation",
        "Record",
        "Platform",
        "Comm. admin",
        "Committee",
        "Director",
        "Council",
        "Teacher",
        "Supervisor",
        "Partner",
        "Director ②",
        "Council ②",
        "Teacher ②",
        "Supervisor ②",
        "Partner ②",
        "Signed out",
    ];
    let mut out = format!("| {} |\n|{}\n", header.join(" | "), "---|".repeat(header.len()));
    for row in ROWS {
        let (method, path, variant, owner) = *row;
        let record = match (owner, variant) {
            (_, "") | (Owner::Caller, _) => format!("{owner:?}").to_lowercase(),
            _ => format!("{} ({variant})", format!("{owner:?}").to_lowercase()),
        };
        let cells: Vec<String> = WHO
            .iter()
            .map(|who| match expected(row, *who) {
                Some(Expect::Ok) => "✓".to_owned(),
                Some(Expect::Refused(reason)) => format!("409 `{}`", reason.as_str()),
                Some(Expect::Forbidden) => "403".to_owned(),
                Some(Expect::NotFound) => "404".to_owned(),
                Some(Expect::Unauthenticated) => "401".to_owned(),
                None => "?".to_owned(),
            })
            .collect();
        out.push_str(&format!("| `{method} {path}` | {record} | {} |\n", cells.join(" | ")));
    }
    out
}

const BEGIN: &str = "<!-- matrix: begin (generated by tests/api/authorization_matrix.rs) -->\n";
const END: &str = "<!-- matrix: end -->";

#[test]
fn the_security_page_shows_this_matrix() {
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/security.md");
    let page = std::fs::read_to_string(file).unwrap();
    let (start, end) = (page.find(BEGIN).unwrap() + BEGIN.len(), page.find(END).unwrap());
    let table = markdown();
    if std::env::var("UPDATE_SECURITY_DOC").is_ok() {
        std::fs::write(file, format!("{}{table}{}", &page[..start], &page[end..])).unwrap();
    } else {
        assert!(
            page[start..end] == table,
            "docs/security.md shows another matrix; run with UPDATE_SECURITY_DOC=1 to rewrite it"
        );
    }
}

/// A fair published by СОШ № 61's teacher with the school's stand: their ids.
async fn fair_with_stand(app: &TestApp, teacher: &str, body: &Value, title: &str) -> (i64, i64) {
    let fair = created(app, "/api/events", teacher, body).await;
    ok_json(
        app,
        Method::POST,
        &format!("/api/events/{fair}/publish"),
        teacher,
        Some(&json!({})),
    )
    .await;
    let stand = created(
        app,
        &format!("/api/events/{fair}/stands"),
        teacher,
        &json!({"title": title}),
    )
    .await;
    (fair, stand)
}

/// Creates a record with `POST path` as `token` and returns its id.
async fn created(app: &TestApp, path: &str, token: &str, body: &Value) -> i64 {
    ok_json(app, Method::POST, path, token, Some(body)).await["id"]
        .as_i64()
        .unwrap()
}

/// Creates the matrix's extra accounts and finds the demo records.
async fn world(app: &TestApp) -> World {
    let storage = app.state.storage.clone();
    assert!(
        app.with_db(|conn| backend::demo::load_if_empty(conn, storage.as_ref()))
            .unwrap()
    );
    let keys = JwtKeys::from_secret(JWT_SECRET.as_bytes());
    let find = |email: &str| {
        app.with_db(|conn| backend::db::models::user::find_by_email(conn, email))
            .unwrap()
            .unwrap()
    };
    let director = find("director@sch61.demo");
    let partner12 = find("partner@sch12.demo");
    let committee = find("committee@kom.demo");
    let (sch61, sch12, committee_org) = (
        OrganisationId(director.org_id),
        OrganisationId(partner12.org_id),
        OrganisationId(committee.org_id),
    );
    let demo = |row: backend::db::models::user::UserRow| Account {
        id: UserId(row.id),
        email: row.email,
        org: OrganisationId(row.org_id),
    };
    let mut accounts = BTreeMap::new();
    accounts.insert("platform".to_owned(), demo(find("operator@kom.demo")));
    accounts.insert(
        "committeeadmin".to_owned(),
        TestUser::new(committee_org, &[Role::Admin]).create(app),
    );
    accounts.insert("committee".to_owned(), demo(committee));
    accounts.insert("director-own-".to_owned(), demo(director));
    accounts.insert("council-own-".to_owned(), demo(find("council@sch61.demo")));
    accounts.insert("teacher-own-".to_owned(), demo(find("teacher@sch61.demo")));
    accounts.insert("supervisor-own-".to_owned(), demo(find("supervisor@sch61.demo")));
    accounts.insert(
        "partner-own-".to_owned(),
        TestUser::new(sch61, &[Role::Partner]).create(app),
    );
    accounts.insert(
        "director-other-".to_owned(),
        TestUser::new(sch12, &[Role::Admin]).create(app),
    );
    accounts.insert(
        "council-other-".to_owned(),
        TestUser::new(sch12, &[Role::Council, Role::Staff]).create(app),
    );
    accounts.insert(
        "teacher-other-".to_owned(),
        TestUser::new(sch12, &[Role::Staff]).create(app),
    );
    accounts.insert(
        "supervisor-other-".to_owned(),
        TestUser::new(sch12, &[Role::Supervisor]).create(app),
    );
    accounts.insert("partner-other-".to_owned(), demo(partner12));
    accounts.insert("spare".to_owned(), TestUser::new(sch12, &[Role::Staff]).create(app));
    // The demo accounts sign in with the fixtures' password too.
    let hash = backend::auth::password::hash(PASSWORD).unwrap();
    for account in accounts.values() {
        app.with_db(|conn| backend::db::models::user::set_password_hash(conn, account.id, &hash))
            .unwrap();
    }
    let mut tokens = BTreeMap::new();
    for (name, account) in &accounts {
        let session = app.with_db(|conn| session::open(conn, account.id)).unwrap();
        let token = keys.issue(account.id.0, account.org.0, &session).unwrap();
        tokens.insert(name.clone(), token.clone());
        tokens.insert(name.trim_end_matches('-').to_owned(), token);
    }
    let managed_teacher = TestUser::new(sch61, &[Role::Staff]).create(app).id.0;
    let managed_admin = TestUser::new(sch61, &[Role::Admin]).create(app).id.0;
    let managed_specialist = TestUser::new(committee_org, &[Role::Committee]).create(app).id.0;
    let managed_platform = TestUser::new(committee_org, &[Role::Admin])
        .platform_admin()
        .create(app)
        .id
        .0;

    let reader = tokens["committee"].clone();
    let council = tokens["council-own"].clone();
    let teacher = tokens["teacher-own"].clone();
    let get = |path: String| {
        let reader = reader.clone();
        async move { ok_json(app, Method::GET, &path, &reader, None).await }
    };
    let projects = get(format!("/api/projects?org_id={}&per_page=100", sch61.0)).await;
    let project_of = |level: &str| {
        projects["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["level"] == level)
            .unwrap()["id"]
            .as_i64()
            .unwrap()
    };
    let project = project_of("platform");
    let year = projects["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == project)
        .unwrap()["start_year"]
        .as_i64()
        .unwrap() as i32;
    let lab_project = project_of("laboratory");
    let structures = get(format!("/api/projects/{project}/structures")).await;
    let structure = structures[0]["id"].as_i64().unwrap();
    let draft_order = created(
        app,
        &format!("/api/projects/{project}/orders"),
        &council,
        &order_body(year, "99-о"),
    )
    .await;
    let rounds = get(format!("/api/ranking-rounds?org_id={}&per_page=100", sch61.0)).await;
    let round = rounds["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["frozen_at"].is_null())
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let ranking = get(format!("/api/ranking-rounds/{round}")).await;
    let criteria = ranking["round"]["criteria"].as_array().unwrap().len();
    let problem = created(
        app,
        &format!("/api/ranking-rounds/{round}/problems"),
        &council,
        &json!({"title": "Проблема для матрицы", "description": "Описание проблемы"}),
    )
    .await;
    let package = get(format!("/api/projects/{lab_project}/package")).await;
    let version_under_review = package["documents"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.get("latest").filter(|v| v["status"] == "under_review"))
        .next()
        .unwrap()["id"]
        .as_i64()
        .unwrap();
    let plan_item = created(
        app,
        &format!("/api/projects/{project}/plan-items"),
        &teacher,
        &plan_item_body(year, "Пункт для матрицы"),
    )
    .await;
    let attachment = upload(
        app,
        &format!("/api/plan-items/{plan_item}/attachments?file_name=evidence.pdf"),
        &teacher,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let indicator = ok_json(
        app,
        Method::POST,
        &format!("/api/projects/{project}/indicators"),
        &teacher,
        Some(&indicator_body(year, "Доля учащихся")),
    )
    .await;
    let resources = get(format!("/api/resources?org_id={}&per_page=100", sch61.0)).await;
    let resources = resources["items"].as_array().unwrap();
    let published_resource = resources.iter().find(|r| r["visibility"] == "published").unwrap()["id"]
        .as_i64()
        .unwrap();
    let internal = ok_json(
        app,
        Method::POST,
        &format!("/api/projects/{project}/resources"),
        &teacher,
        Some(&tests::fixtures::resource_body("Ресурс для матрицы")),
    )
    .await;
    let internal_resource = internal["id"].as_i64().unwrap();
    let resource_version = created(
        app,
        &format!("/api/resources/{internal_resource}/versions"),
        &teacher,
        &json!({"kind": "design"}),
    )
    .await;
    let file = upload(
        app,
        &format!("/api/versions/{resource_version}/files?file_name=design.pdf"),
        &teacher,
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let deliveries = get("/api/deliveries?per_page=100".to_owned()).await;
    let delivery_row = deliveries["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["org_id"] == sch61.0 && d["recipient_org_id"] == sch12.0)
        .unwrap()
        .clone();
    let delivery = delivery_row["id"].as_i64().unwrap();
    let delivery_resource = delivery_row["resource_id"].as_i64().unwrap();
    let product_version = delivery_row["version_id"].as_i64().unwrap();
    let request = created(
        app,
        "/api/requests",
        &tokens["partner-other"],
        &request_body(Some(sch61.0)),
    )
    .await;
    let pilot = ok_json(
        app,
        Method::POST,
        &format!("/api/resources/{internal_resource}/pilots"),
        &teacher,
        Some(
            &json!({"version_id": resource_version, "sites": [sch61.0], "starts_on": tests::days_from_today(-5),
            "ends_on": tests::days_from_today(30), "teachers": 2, "pupils": 25, "method": "Уроки по макету"}),
        ),
    )
    .await["id"]
        .as_i64()
        .unwrap();
    let owner = accounts["teacher-own-"].id.0;
    let risk = json!({"title": "Риск для матрицы", "category": "staffing", "likelihood": 2, "impact": 2,
        "mitigation": "Согласовать график", "owner_id": owner});
    let project_risk = created(app, &format!("/api/projects/{project}/risks"), &teacher, &risk).await;
    let pilot_risk = created(app, &format!("/api/pilots/{pilot}/risks"), &teacher, &risk).await;
    let published_pilot = get(format!("/api/resources/{delivery_resource}/pilots")).await["items"][0]["id"]
        .as_i64()
        .unwrap();
    let published_risk = get(format!("/api/pilots/{published_pilot}/risks")).await["items"][0]["id"]
        .as_i64()
        .unwrap();
    let programme = resources.iter().find(|r| r["form"] == "training_programme").unwrap()["id"]
        .as_i64()
        .unwrap();
    let cohort = ok_json(
        app,
        Method::POST,
        &format!("/api/resources/{programme}/cohorts"),
        &teacher,
        Some(&cohort_body("для матрицы")),
    )
    .await;
    let session = cohort["sessions"][0]["id"].as_i64().unwrap();
    let cohort = cohort["id"].as_i64().unwrap();
    let enrolment = created(
        app,
        &format!("/api/cohorts/{cohort}/enrolments"),
        &tokens["partner-other"],
        &json!({}),
    )
    .await;
    let draft_event = created(app, "/api/events", &teacher, &event_body("матрица", 0, 100)).await;
    let consultation = created(
        app,
        "/api/consultations",
        &tokens["partner-other"],
        &consultation_body(sch61.0),
    )
    .await;
    let event = created(app, "/api/events", &teacher, &event_body("матрица", 0, 100)).await;
    let held_consultation = created(
        app,
        "/api/consultations/given",
        &teacher,
        &json!({"recipient_org_id": sch12.0, "topic": "Консультация для матрицы", "held": held_body()}),
    )
    .await;
    ok_json(
        app,
        Method::POST,
        &format!("/api/events/{event}/publish"),
        &teacher,
        Some(&json!({})),
    )
    .await;
    let mut fair_body = event_body("ярмарка", 0, 100);
    fair_body["kind"] = json!("fair");
    fair_body["ends_on"] = json!(tests::days_from_today(5));
    let (fair, stand) = fair_with_stand(app, &teacher, &fair_body, "Стенд матрицы").await;
    for name in accounts.keys() {
        let path = format!("/api/events/{fair}/registrations");
        ok_json(app, Method::POST, &path, &tokens[name], Some(&json!({}))).await;
    }
    let (_, unregistered_stand) = fair_with_stand(app, &teacher, &fair_body, "Стенд без гостей").await;
    let training = ok_json(app, Method::GET, "/api/me/training", &tokens["partner-other"], None).await;
    let completed = training["enrolments"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["status"] == "completed")
        .unwrap()
        .clone();
    World {
        programme,
        cohort,
        session,
        enrolment,
        completed_enrolment: completed["id"].as_i64().unwrap(),
        certificate: completed["certificate_number"].as_str().unwrap().to_owned(),
        sch61: sch61.0,
        sch12: sch12.0,
        committee_org: committee_org.0,
        tokens,
        accounts,
        managed_teacher,
        managed_admin,
        managed_specialist,
        managed_platform,
        project,
        year,
        lab_project,
        structure,
        draft_order,
        round,
        problem,
        criteria,
        version_under_review,
        plan_item,
        indicator,
        internal_resource,
        published_resource,
        delivery_resource,
        product_version,
        resource_version,
        file,
        delivery,
        request,
        attachment,
        pilot,
        published_pilot,
        project_risk,
        pilot_risk,
        published_risk,
        event,
        draft_event,
        fair,
        stand,
        unregistered_stand,
        consultation,
        held_consultation,
    }
}

#[tokio::test]
async fn every_operation_answers_every_role_as_the_policy_says_and_refusals_write_nothing() {
    let app = spawn_app().await;
    let world = world(&app).await;
    let mut failures = Vec::new();
    let mut cells = 0;
    for row in ROWS {
        let (method, path, variant, owner) = *row;
        let mut order: Vec<(Who, Expect)> = WHO
            .iter()
            .map(|who| (*who, expected(row, *who).expect("a row for every role")))
            .collect();
        // Refusals first, on the records as they are; then the allowed calls.
        order.sort_by_key(|(_, expect)| *expect == Expect::Ok);
        let write = method != "GET";
        let mut before = write.then(|| app.with_db(snapshot));
        for (who, expect) in order {
            if expect == Expect::Ok
                && let Some(before) = before.take()
            {
                let after = app.with_db(snapshot);
                let changed: Vec<&String> = before
                    .iter()
                    .filter(|(table, rows)| after.get(*table) != Some(rows))
                    .map(|(table, _)| table)
                    .collect();
                if !changed.is_empty() {
                    failures.push(format!("{method} {path} [{variant}]: a refusal wrote to {changed:?}"));
                }
            }
            let fresh_id = if expect == Expect::Ok {
                fresh(&app, &world, row).await
            } else {
                None
            };
            let call = request(&app, &world, row, who, fresh_id).await;
            let token = match who {
                Who::SignedOut => None,
                _ => Some(world.token(label(who).trim_end_matches('-')).to_owned()),
            };
            let reply = send(&app, &call, token.as_deref()).await;
            cells += 1;
            if let Err(wrong) = check(&reply, expect) {
                failures.push(format!("{method} {path} [{variant}, {owner:?}] as {who:?}: {wrong}"));
            }
        }
        if let Some(before) = before {
            let after = app.with_db(snapshot);
            if after != before {
                failures.push(format!("{method} {path} [{variant}]: a refusal wrote something"));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {cells} cells wrong:\n{}",
        failures.len(),
        failures.join("\n")
    );
    assert_eq!(cells, ROWS.len() * WHO.len());
}
