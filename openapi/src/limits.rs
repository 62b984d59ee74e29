//! The lengths the server accepts for free-text fields of requests, stated once: the
//! server checks them (`backend::domain::text::bounded`) and the OpenAPI document
//! publishes them from the same constants ([`PUBLISHED`]), as `minLength`, `maxLength`
//! and a `pattern`.

/// The accepted length of a free-text field, in characters (Unicode scalar values, as
/// JSON Schema counts them): at most `max` as sent, and at least `min` once the
/// surrounding white space is trimmed; no control characters inside. An optional field
/// (`blank`) may also be left blank, white space only, which reads as absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// The fewest characters after trimming.
    pub min: usize,
    /// The most characters as sent.
    pub max: usize,
    /// Whether a blank value is accepted (and read as absent).
    pub blank: bool,
}

impl Text {
    /// A required text of `min..=max` characters.
    const fn new(min: usize, max: usize) -> Self {
        Self { min, max, blank: false }
    }

    /// An optional text: blank, or `min..=max` characters.
    const fn optional(min: usize, max: usize) -> Self {
        Self { min, max, blank: true }
    }

    /// The JSON Schema `minLength` of the rule: none when a blank value is accepted.
    pub fn min_length(self) -> Option<usize> {
        (!self.blank).then_some(self.min)
    }

    /// The JSON Schema `pattern` of the rule: optional white space around a core that
    /// starts and ends with a visible character, is at least `min` long and holds no
    /// control character (a core that may be missing when the field may be blank).
    /// White space is spelled out as Rust's `char::is_whitespace` reads it, so that the
    /// pattern and the server agree on every character.
    pub fn pattern(self) -> String {
        let edge = format!("[^{WHITE_SPACE}{CONTROL}]");
        let inner = format!("[^{CONTROL}]");
        let core = match self.min {
            0 | 1 => format!("(?:{edge}(?:{inner}*{edge})?)"),
            min => format!("{edge}{inner}{{{},}}{edge}", min - 2),
        };
        let core = if self.blank { format!("(?:{core})?") } else { core };
        format!("^[{WHITE_SPACE}]*{core}[{WHITE_SPACE}]*$")
    }
}

/// The characters `char::is_whitespace` trims, as a character class body.
const WHITE_SPACE: &str = "\\t\\n\\u000b\\f\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";

/// The characters `char::is_control` refuses, as a character class body.
const CONTROL: &str = "\\u0000-\\u001f\\u007f-\\u009f";

/// The accepted values of a whole number, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    /// The least value.
    pub min: i64,
    /// The greatest value.
    pub max: i64,
}

impl Range {
    const fn new(min: i64, max: i64) -> Self {
        Self { min, max }
    }

    /// Whether `value` is within the range.
    pub fn contains(self, value: impl Into<i64>) -> bool {
        (self.min..=self.max).contains(&value.into())
    }
}

/// The accepted number of entries of a list, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Items {
    /// The fewest entries.
    pub min: usize,
    /// The most entries.
    pub max: usize,
}

impl Items {
    const fn new(min: usize, max: usize) -> Self {
        Self { min, max }
    }
}

/// One published rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// `minLength`, `maxLength` and `pattern` of a string.
    Text(Text),
    /// `minimum` and `maximum` of an integer.
    Range(Range),
    /// `minItems` and `maxItems` of an array.
    Items(Items),
}

/// A person's full name (accounts, the signed-in user's profile).
pub const FULL_NAME: Text = Text::new(3, 200);
/// An organisation's official name.
pub const ORGANISATION_NAME: Text = Text::new(3, 300);
/// An organisation's short name for lists.
pub const ORGANISATION_SHORT_NAME: Text = Text::new(2, 100);
/// The municipality of an organisation.
pub const MUNICIPALITY: Text = Text::new(2, 200);

/// A school year, by the calendar year it starts.
pub const SCHOOL_YEAR: Range = Range::new(2000, 2100);

/// A project's title.
pub const PROJECT_TITLE: Text = Text::new(5, 300);
/// The problem a project answers.
pub const PROJECT_PROBLEM: Text = Text::new(5, 4000);
/// The competition of a competitive assignment.
pub const COMPETITION: Text = Text::optional(3, 300);
/// An external supervisor's name or affiliation.
pub const SUPERVISOR: Text = Text::optional(3, 300);
/// One direction of work of a project.
pub const DIRECTION: Text = Text::new(3, 300);
/// The directions of work of a project.
pub const DIRECTIONS: Items = Items::new(0, 10);
/// The basis of a platform confirmation.
pub const CONFIRMATION_BASIS: Text = Text::new(5, 500);

/// A resource's title.
pub const RESOURCE_TITLE: Text = Text::new(5, 300);
/// A resource's description; a school problem's evidence; a feedback comment.
pub const LONG_NOTE: Text = Text::optional(1, 4000);
/// A resource's licence.
pub const LICENCE: Text = Text::new(2, 200);
/// The hours of a training programme.
pub const HOURS: Range = Range::new(1, 2000);
/// The products of a material kit.
pub const KIT_ITEMS: Items = Items::new(0, 50);
/// One product of a material kit.
pub const KIT_ITEM_TITLE: Text = Text::new(2, 300);
/// The authors of a resource.
pub const AUTHORS: Items = Items::new(1, 20);
/// An author without an account, by name (blank when the account names them).
pub const AUTHOR_NAME: Text = Text::optional(3, 200);
/// An author's share, in percent.
pub const AUTHOR_SHARE: Range = Range::new(1, 100);
/// Why a status goes back.
pub const NOTE: Text = Text::new(1, 2000);
/// What changed in a version; a note answering a request.
pub const OPTIONAL_NOTE: Text = Text::optional(1, 2000);

/// The contact person of a delivery.
pub const DELIVERY_CONTACT: Text = Text::new(3, 300);
/// The name and position of whom a feedback link is for (blank: the account's name or
/// the e-mail).
pub const RESPONDENT: Text = Text::optional(3, 200);
/// How many people a delivery reached: the most feedback links it may have.
pub const DELIVERY_RECIPIENTS: Range = Range::new(1, 200);
/// How many days a feedback link stays valid.
pub const VALID_DAYS: Range = Range::new(1, 60);
/// Satisfaction, 1 (very dissatisfied) to 5 (very satisfied).
pub const CSAT: Range = Range::new(1, 5);
/// Likelihood to recommend.
pub const RECOMMEND: Range = Range::new(0, 10);

/// An indicator's title.
pub const INDICATOR_TITLE: Text = Text::new(3, 300);
/// An indicator's unit.
pub const INDICATOR_UNIT: Text = Text::new(1, 30);

/// What a resource request needs.
pub const REQUEST_NEED: Text = Text::new(10, 4000);
/// For whom a resource request is.
pub const REQUEST_AUDIENCE: Text = Text::new(3, 1000);
/// Why a request is declined.
pub const DECLINE_REASON: Text = Text::new(3, 2000);

/// A managing structure's name.
pub const STRUCTURE_NAME: Text = Text::new(3, 200);
/// The members of a managing structure.
pub const MEMBERS: Items = Items::new(1, 50);
/// What a member is responsible for.
pub const COMPETENCE: Text = Text::new(3, 500);

/// A comment on a document version.
pub const COMMENT: Text = Text::new(1, 4000);
/// The comment of an approval.
pub const APPROVAL_COMMENT: Text = Text::optional(1, 4000);
/// What a returned version must change.
pub const RETURN_COMMENT: Text = Text::new(3, 4000);
/// The programme's text.
pub const PROGRAMME_TEXT: Text = Text::new(20, 100_000);
/// Every field of an innovation map.
pub const MAP_FIELD: Text = Text::new(3, 4000);
/// The innovation map's deprecated free-text risks (the risk register replaces them).
pub const MAP_RISKS: Text = Text::optional(3, 4000);

/// A ranking criterion's title.
pub const CRITERION_TITLE: Text = Text::new(2, 100);
/// A ranking criterion's weight.
pub const CRITERION_WEIGHT: Range = Range::new(1, 10);
/// The criteria of a ranking round.
pub const CRITERIA: Items = Items::new(1, 6);
/// One score of a problem on a criterion.
pub const SCORE: Range = Range::new(1, 5);
/// A school problem's title.
pub const PROBLEM_TITLE: Text = Text::new(5, 300);
/// A school problem's description.
pub const PROBLEM_DESCRIPTION: Text = Text::new(5, 4000);

/// A plan item's action.
pub const PLAN_ACTION: Text = Text::new(5, 1000);
/// A plan item's expected result.
pub const EXPECTED_RESULT: Text = Text::new(3, 1000);
/// The responsible person of a plan item, by name (blank when an account is named).
pub const RESPONSIBLE_NAME: Text = Text::optional(3, 200);
/// The evidence of a done plan item.
pub const PLAN_EVIDENCE: Text = Text::optional(1, 1000);

/// An order's number.
pub const ORDER_NUMBER: Text = Text::new(1, 30);
/// An order's title (blank for the standard one).
pub const ORDER_TITLE: Text = Text::optional(10, 500);
/// The points of an order.
pub const ORDER_POINTS: Items = Items::new(1, 30);
/// One point of an order.
pub const ORDER_POINT: Text = Text::new(5, 2000);
/// The name or position of an order's signatory.
pub const SIGNATORY: Text = Text::new(3, 200);

/// The schools of a pilot: its own school and partner schools.
pub const PILOT_SITES: Items = Items::new(1, 30);
/// The teachers taking part in a pilot.
pub const PILOT_TEACHERS: Range = Range::new(1, 1000);
/// The pupils taking part in a pilot.
pub const PILOT_PUPILS: Range = Range::new(0, 100_000);
/// The classes taking part in a pilot («5А, 6Б»).
pub const PILOT_CLASSES: Text = Text::optional(1, 500);
/// How a resource is piloted.
pub const PILOT_METHOD: Text = Text::new(5, 4000);
/// A pilot's interim or final results.
pub const PILOT_RESULTS: Text = Text::optional(1, 8000);

/// A risk's title.
pub const RISK_TITLE: Text = Text::new(5, 300);
/// A risk's likelihood or impact.
pub const RISK_LEVEL: Range = Range::new(1, 5);
/// The ways to overcome a risk.
pub const MITIGATION: Text = Text::new(5, 4000);

/// A cohort's title.
pub const COHORT_TITLE: Text = Text::new(3, 200);
/// A cohort's planned hours.
pub const COHORT_HOURS: Range = Range::new(1, 2000);
/// A cohort's places.
pub const COHORT_CAPACITY: Range = Range::new(1, 1000);
/// Where a cohort meets.
pub const COHORT_PLACE: Text = Text::optional(3, 500);
/// A cohort's online link (`https://…`).
pub const ONLINE_LINK: Text = Text::optional(10, 500);
/// A cohort's trainers.
pub const TRAINERS: Items = Items::new(1, 10);
/// A trainer's name.
pub const TRAINER: Text = Text::new(3, 200);
/// A cohort's sessions.
pub const SESSIONS: Items = Items::new(0, 100);
/// A session's topic.
pub const SESSION_TOPIC: Text = Text::new(3, 300);
/// A session's academic hours.
pub const SESSION_HOURS: Range = Range::new(1, 12);
/// The enrolments marked present at one session.
pub const PRESENT: Items = Items::new(0, 1000);
/// The share of a cohort's hours (per cent) a teacher attends to complete.
pub const ATTENDANCE_THRESHOLD: Range = Range::new(1, 100);
/// The attendance threshold when a cohort states none (per cent).
pub const DEFAULT_ATTENDANCE_THRESHOLD: i32 = 75;
/// Why a certificate is revoked.
pub const REVOCATION_REASON: Text = Text::new(5, 1000);
/// An event's title.
pub const EVENT_TITLE: Text = Text::new(5, 300);
/// An event's external organiser, place or time as written.
pub const EVENT_LINE: Text = Text::optional(2, 300);
/// An online event's link.
pub const EVENT_URL: Text = Text::optional(10, 500);
/// One speaker's name.
pub const SPEAKER: Text = Text::new(3, 200);
/// The speakers of an event.
pub const SPEAKERS: Items = Items::new(0, 20);
/// The resources presented at an event or on a stand.
pub const PRESENTED: Items = Items::new(0, 20);
/// The places of an event open to the city.
pub const CAPACITY: Range = Range::new(1, 10_000);
/// The stands of one fair (one per school); a stand beyond them is refused with
/// `409 stand_limit`. Stated in the description of `create_stand`.
pub const STANDS: Items = Items::new(0, 500);
/// A fair stand's title.
pub const STAND_TITLE: Text = Text::new(3, 300);
/// A visitor's rating of a fair stand.
pub const STAND_SCORE: Range = Range::new(1, 5);
/// A consultation's topic.
pub const CONSULTATION_TOPIC: Text = Text::new(5, 300);
/// What support a consultation request asks for.
pub const CONSULTATION_QUESTION: Text = Text::new(5, 4000);
/// A consultation's place or link.
pub const CONSULTATION_PLACE: Text = Text::optional(1, 500);
/// The consultants of a consultation (names and positions).
pub const CONSULTANTS: Text = Text::new(3, 1000);
/// The consultants named when a consultation is scheduled; may be blank.
pub const OPTIONAL_CONSULTANTS: Text = Text::optional(3, 1000);
/// The participants of a consultation (names and positions).
pub const PARTICIPANTS: Text = Text::optional(1, 2000);
/// How many took part in a consultation on the recipient's side.
pub const PARTICIPANT_COUNT: Range = Range::new(1, 10_000);
/// What a consultation achieved.
pub const CONSULTATION_OUTCOME: Text = Text::new(5, 8000);
/// The follow-up actions of a consultation.
pub const FOLLOW_UPS: Text = Text::optional(1, 4000);
/// Why a consultation is declined or cancelled.
pub const CONSULTATION_REASON: Text = Text::new(3, 2000);

/// The problems a project cites.
pub const CITED_PROBLEMS: Items = Items::new(0, 20);
/// The target and actual values of an indicator: at most one per school year of its
/// project (which spans at most 11).
pub const INDICATOR_VALUES: Items = Items::new(0, 11);
/// The roles of an account: each once (six roles exist).
pub const ROLES: Items = Items::new(1, 6);
/// The registrations marked present at an event: at most its places.
pub const ATTENDED: Items = Items::new(0, CAPACITY.max as usize);

/// The plan items of one project; one beyond them is refused with `409 item_limit`.
pub const PLAN_ITEMS: Items = Items::new(0, 300);
/// The indicators of one project (`409 item_limit`).
pub const INDICATORS: Items = Items::new(0, 50);
/// The risks of one project's or one pilot's register (`409 item_limit`).
pub const RISKS: Items = Items::new(0, 100);
/// The managing structures of one project (`409 item_limit`).
pub const STRUCTURES: Items = Items::new(0, 20);

/// The lists that grow one record at a time, by the operation that adds a record: what
/// the entries are and how many there may be. The document states each limit in its
/// operation's description; one more is refused with `409 item_limit`.
pub const ON_INSERT: &[(&str, &str, Items)] = &[
    ("create_plan_item", "plan items per project", PLAN_ITEMS),
    ("create_indicator", "indicators per project", INDICATORS),
    ("create_project_risk", "risks per project", RISKS),
    ("create_pilot_risk", "risks per pilot", RISKS),
    ("create_structure", "structures per project", STRUCTURES),
];

/// The 1-based page number of a list.
pub const PAGE: Range = Range::new(1, u32::MAX as i64);
/// Rows per page of a list.
pub const PER_PAGE: Range = Range::new(1, crate::pagination::MAX_PER_PAGE as i64);

/// Every request field whose bounds the document states: schema, path, rule. The path
/// names properties separated by `.`; `[]` stands for the entries of an array, and on a
/// schema that is one of several objects a segment names the variant by its tag value.
pub const PUBLISHED: &[(&str, &str, Rule)] = &[
    ("CreateUser", "full_name", Rule::Text(FULL_NAME)),
    ("CreateUser", "roles", Rule::Items(ROLES)),
    ("UpdateUser", "full_name", Rule::Text(FULL_NAME)),
    ("UpdateUser", "roles", Rule::Items(ROLES)),
    ("UpdateMe", "full_name", Rule::Text(FULL_NAME)),
    ("CreateOrganisation", "name", Rule::Text(ORGANISATION_NAME)),
    ("CreateOrganisation", "short_name", Rule::Text(ORGANISATION_SHORT_NAME)),
    ("CreateOrganisation", "municipality", Rule::Text(MUNICIPALITY)),
    ("ProjectInput", "title", Rule::Text(PROJECT_TITLE)),
    ("ProjectInput", "problem", Rule::Text(PROJECT_PROBLEM)),
    ("ProjectInput", "competition", Rule::Text(COMPETITION)),
    ("ProjectInput", "supervisor_name", Rule::Text(SUPERVISOR)),
    ("ProjectInput", "supervisor_affiliation", Rule::Text(SUPERVISOR)),
    ("ProjectInput", "directions", Rule::Items(DIRECTIONS)),
    ("ProjectInput", "directions.[]", Rule::Text(DIRECTION)),
    ("ProjectInput", "start_year", Rule::Range(SCHOOL_YEAR)),
    ("ProjectInput", "problem_ids", Rule::Items(CITED_PROBLEMS)),
    ("ConfirmationInput", "basis", Rule::Text(CONFIRMATION_BASIS)),
    ("ResourceInput", "title", Rule::Text(RESOURCE_TITLE)),
    ("ResourceInput", "description", Rule::Text(LONG_NOTE)),
    ("ResourceInput", "licence", Rule::Text(LICENCE)),
    ("ResourceInput", "hours", Rule::Range(HOURS)),
    ("ResourceInput", "kit_items", Rule::Items(KIT_ITEMS)),
    ("ResourceInput", "authors", Rule::Items(AUTHORS)),
    ("KitItem", "title", Rule::Text(KIT_ITEM_TITLE)),
    ("Author", "name", Rule::Text(AUTHOR_NAME)),
    ("Author", "share", Rule::Range(AUTHOR_SHARE)),
    ("ResourceVersionInput", "notes", Rule::Text(OPTIONAL_NOTE)),
    ("TransitionInput", "reason", Rule::Text(NOTE)),
    ("DeliveryInput", "contact", Rule::Text(DELIVERY_CONTACT)),
    ("DeliveryInput", "recipients", Rule::Range(DELIVERY_RECIPIENTS)),
    ("FeedbackLinkInput", "respondent", Rule::Text(RESPONDENT)),
    ("FeedbackLinkInput", "valid_days", Rule::Range(VALID_DAYS)),
    ("FeedbackInput", "csat", Rule::Range(CSAT)),
    ("FeedbackInput", "recommend", Rule::Range(RECOMMEND)),
    ("FeedbackInput", "comment", Rule::Text(LONG_NOTE)),
    ("IndicatorInput", "title", Rule::Text(INDICATOR_TITLE)),
    ("IndicatorInput", "unit", Rule::Text(INDICATOR_UNIT)),
    ("IndicatorInput", "values", Rule::Items(INDICATOR_VALUES)),
    ("RequestInput", "need", Rule::Text(REQUEST_NEED)),
    ("RequestInput", "audience", Rule::Text(REQUEST_AUDIENCE)),
    ("RequestDecision", "answer.note", Rule::Text(OPTIONAL_NOTE)),
    ("RequestDecision", "decline.reason", Rule::Text(DECLINE_REASON)),
    ("StructureInput", "name", Rule::Text(STRUCTURE_NAME)),
    ("StructureInput", "members", Rule::Items(MEMBERS)),
    ("MemberInput", "competence", Rule::Text(COMPETENCE)),
    ("CommentInput", "body", Rule::Text(COMMENT)),
    ("ReviewDecision", "approve.comment", Rule::Text(APPROVAL_COMMENT)),
    ("ReviewDecision", "return.comment", Rule::Text(RETURN_COMMENT)),
    ("VersionInput", "note", Rule::Text(OPTIONAL_NOTE)),
    ("VersionInput", "text", Rule::Text(PROGRAMME_TEXT)),
    ("InnovationMap", "problem", Rule::Text(MAP_FIELD)),
    ("InnovationMap", "idea", Rule::Text(MAP_FIELD)),
    ("InnovationMap", "goal", Rule::Text(MAP_FIELD)),
    ("InnovationMap", "tasks", Rule::Text(MAP_FIELD)),
    ("InnovationMap", "expected_results", Rule::Text(MAP_FIELD)),
    ("InnovationMap", "products", Rule::Text(MAP_FIELD)),
    ("InnovationMap", "resources", Rule::Text(MAP_FIELD)),
    ("InnovationMap", "risks", Rule::Text(MAP_RISKS)),
    ("InnovationMap", "consumers", Rule::Text(MAP_FIELD)),
    ("RoundInput", "school_year", Rule::Range(SCHOOL_YEAR)),
    ("RoundInput", "criteria", Rule::Items(CRITERIA)),
    ("CriteriaInput", "criteria", Rule::Items(CRITERIA)),
    ("Criterion", "title", Rule::Text(CRITERION_TITLE)),
    ("Criterion", "weight", Rule::Range(CRITERION_WEIGHT)),
    ("ScoreInput", "scores", Rule::Items(CRITERIA)),
    ("ScoreInput", "scores.[]", Rule::Range(SCORE)),
    ("SchoolProblemInput", "title", Rule::Text(PROBLEM_TITLE)),
    ("SchoolProblemInput", "description", Rule::Text(PROBLEM_DESCRIPTION)),
    ("SchoolProblemInput", "evidence", Rule::Text(LONG_NOTE)),
    ("PlanItemInput", "action", Rule::Text(PLAN_ACTION)),
    ("PlanItemInput", "expected_result", Rule::Text(EXPECTED_RESULT)),
    ("PlanItemInput", "responsible_name", Rule::Text(RESPONSIBLE_NAME)),
    ("PlanItemInput", "evidence", Rule::Text(PLAN_EVIDENCE)),
    ("OrderInput", "number", Rule::Text(ORDER_NUMBER)),
    ("OrderInput", "title", Rule::Text(ORDER_TITLE)),
    ("OrderInput", "points", Rule::Items(ORDER_POINTS)),
    ("OrderInput", "points.[]", Rule::Text(ORDER_POINT)),
    ("OrderInput", "signatory_name", Rule::Text(SIGNATORY)),
    ("OrderInput", "signatory_position", Rule::Text(SIGNATORY)),
    ("PilotInput", "sites", Rule::Items(PILOT_SITES)),
    ("PilotInput", "teachers", Rule::Range(PILOT_TEACHERS)),
    ("PilotInput", "pupils", Rule::Range(PILOT_PUPILS)),
    ("PilotInput", "classes", Rule::Text(PILOT_CLASSES)),
    ("PilotInput", "method", Rule::Text(PILOT_METHOD)),
    ("PilotInput", "interim_results", Rule::Text(PILOT_RESULTS)),
    ("PilotInput", "final_results", Rule::Text(PILOT_RESULTS)),
    ("ConclusionInput", "final_results", Rule::Text(PILOT_RESULTS)),
    ("RiskInput", "title", Rule::Text(RISK_TITLE)),
    ("RiskInput", "likelihood", Rule::Range(RISK_LEVEL)),
    ("RiskInput", "impact", Rule::Range(RISK_LEVEL)),
    ("RiskInput", "mitigation", Rule::Text(MITIGATION)),
    ("RiskInput", "note", Rule::Text(OPTIONAL_NOTE)),
    ("CohortInput", "title", Rule::Text(COHORT_TITLE)),
    ("CohortInput", "hours", Rule::Range(COHORT_HOURS)),
    ("CohortInput", "capacity", Rule::Range(COHORT_CAPACITY)),
    ("CohortInput", "place", Rule::Text(COHORT_PLACE)),
    ("CohortInput", "online_link", Rule::Text(ONLINE_LINK)),
    ("CohortInput", "trainers", Rule::Items(TRAINERS)),
    ("CohortInput", "trainers.[]", Rule::Text(TRAINER)),
    ("CohortInput", "sessions", Rule::Items(SESSIONS)),
    ("CohortSessionInput", "topic", Rule::Text(SESSION_TOPIC)),
    ("CohortSessionInput", "hours", Rule::Range(SESSION_HOURS)),
    ("SessionAttendanceInput", "present", Rule::Items(PRESENT)),
    ("CohortInput", "attendance_threshold", Rule::Range(ATTENDANCE_THRESHOLD)),
    ("RevocationInput", "reason", Rule::Text(REVOCATION_REASON)),
    ("EventInput", "title", Rule::Text(EVENT_TITLE)),
    ("EventInput", "organiser_name", Rule::Text(EVENT_LINE)),
    ("EventInput", "description", Rule::Text(LONG_NOTE)),
    ("EventInput", "time_text", Rule::Text(EVENT_LINE)),
    ("EventInput", "place", Rule::Text(EVENT_LINE)),
    ("EventInput", "online_url", Rule::Text(EVENT_URL)),
    ("EventInput", "speakers", Rule::Items(SPEAKERS)),
    ("EventInput", "speakers.[]", Rule::Text(SPEAKER)),
    ("EventInput", "resource_ids", Rule::Items(PRESENTED)),
    ("EventInput", "capacity", Rule::Range(CAPACITY)),
    ("AttendanceInput", "attended", Rule::Items(ATTENDED)),
    ("EventFeedbackInput", "csat", Rule::Range(CSAT)),
    ("EventFeedbackInput", "comment", Rule::Text(LONG_NOTE)),
    ("StandInput", "title", Rule::Text(STAND_TITLE)),
    ("StandInput", "description", Rule::Text(LONG_NOTE)),
    ("StandInput", "resource_ids", Rule::Items(PRESENTED)),
    ("RatingInput", "score", Rule::Range(STAND_SCORE)),
    ("ConsultationRequestInput", "topic", Rule::Text(CONSULTATION_TOPIC)),
    (
        "ConsultationRequestInput",
        "question",
        Rule::Text(CONSULTATION_QUESTION),
    ),
    ("ScheduleInput", "place", Rule::Text(CONSULTATION_PLACE)),
    ("ScheduleInput", "consultants", Rule::Text(OPTIONAL_CONSULTANTS)),
    ("ConsultationReasonInput", "reason", Rule::Text(CONSULTATION_REASON)),
    ("HeldInput", "place", Rule::Text(CONSULTATION_PLACE)),
    ("HeldInput", "consultants", Rule::Text(CONSULTANTS)),
    ("HeldInput", "participants", Rule::Text(PARTICIPANTS)),
    ("HeldInput", "participant_count", Rule::Range(PARTICIPANT_COUNT)),
    ("HeldInput", "outcome", Rule::Text(CONSULTATION_OUTCOME)),
    ("HeldInput", "follow_ups", Rule::Text(FOLLOW_UPS)),
    ("GivenConsultationInput", "topic", Rule::Text(CONSULTATION_TOPIC)),
];

/// Every query parameter whose range the document states, on every operation that
/// takes it.
pub const QUERY: &[(&str, Range)] = &[("page", PAGE), ("per_page", PER_PAGE)];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_names_the_shortest_core() {
        assert_eq!(
            FULL_NAME.pattern(),
            format!(
                "^[{WHITE_SPACE}]*[^{WHITE_SPACE}{CONTROL}][^{CONTROL}]{{1,}}[^{WHITE_SPACE}{CONTROL}][{WHITE_SPACE}]*$"
            )
        );
        assert!(
            Text::new(1, 30).pattern().contains(")?)"),
            "one visible character suffices"
        );
        assert!(
            LONG_NOTE.pattern().ends_with(&format!(")?[{WHITE_SPACE}]*$")),
            "may be blank"
        );
        assert!(!COMMENT.pattern().ends_with(&format!(")?[{WHITE_SPACE}]*$")));
        assert_eq!((LONG_NOTE.min_length(), COMMENT.min_length()), (None, Some(1)));
    }
}
