//! Satisfaction and demand metrics of a resource, project or school (Regulation 2.1, 2.3b).
//!
//! - CSAT % = responses scoring 4 or 5 (of 1–5) ÷ responses × 100;
//! - NPS = % promoters (9–10 of 0–10) − % detractors (0–6), from −100 to 100;
//! - ready to recommend % = "yes" answers ÷ responses × 100.
//!
//! With no responses every percentage is absent rather than zero.

use openapi::feedback::Metrics;
use openapi::{OrganisationId, ProjectId, ResourceId};

/// One feedback response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Response {
    /// Satisfaction, 1 to 5.
    pub csat: u8,
    /// Likelihood to recommend, 0 to 10.
    pub recommend: u8,
    /// Ready to recommend the resource to colleagues.
    pub ready: bool,
    /// Answered through a single-use link rather than in the app.
    pub by_link: bool,
}

/// The counts behind the metrics, so that they can be summed across resources.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    /// Responses.
    pub responses: u64,
    /// Responses with CSAT 4 or 5.
    pub satisfied: u64,
    /// Responses with 9 or 10.
    pub promoters: u64,
    /// Responses with 7 or 8.
    pub passives: u64,
    /// Responses with 0 to 6.
    pub detractors: u64,
    /// Responses ready to recommend.
    pub ready: u64,
    /// Responses through a single-use link (the rest were answered in the app).
    pub by_link: u64,
}

impl Tally {
    /// Counts one response.
    pub fn add(&mut self, response: Response) {
        self.responses += 1;
        if response.csat >= 4 {
            self.satisfied += 1;
        }
        match response.recommend {
            9.. => self.promoters += 1,
            7 | 8 => self.passives += 1,
            _ => self.detractors += 1,
        }
        if response.ready {
            self.ready += 1;
        }
        if response.by_link {
            self.by_link += 1;
        }
    }

    /// Responses answered in the app.
    pub fn in_app(&self) -> u64 {
        self.responses - self.by_link
    }

    /// Counts `count` identical responses (a row of a grouped query).
    pub fn add_many(&mut self, response: Response, count: u64) {
        let mut one = Tally::default();
        one.add(response);
        self.merge(Tally {
            responses: count,
            satisfied: one.satisfied * count,
            promoters: one.promoters * count,
            passives: one.passives * count,
            detractors: one.detractors * count,
            ready: one.ready * count,
            by_link: one.by_link * count,
        });
    }

    /// Adds another tally.
    pub fn merge(&mut self, other: Tally) {
        self.responses += other.responses;
        self.satisfied += other.satisfied;
        self.promoters += other.promoters;
        self.passives += other.passives;
        self.detractors += other.detractors;
        self.ready += other.ready;
        self.by_link += other.by_link;
    }

    fn percent(&self, part: u64) -> Option<f64> {
        (self.responses > 0).then(|| round1(part as f64 * 100.0 / self.responses as f64))
    }

    /// CSAT %, one decimal.
    pub fn csat_percent(&self) -> Option<f64> {
        self.percent(self.satisfied)
    }

    /// NPS, one decimal.
    pub fn nps(&self) -> Option<f64> {
        (self.responses > 0)
            .then(|| round1((self.promoters as f64 - self.detractors as f64) * 100.0 / self.responses as f64))
    }

    /// Ready-to-recommend %, one decimal.
    pub fn ready_percent(&self) -> Option<f64> {
        self.percent(self.ready)
    }
}

impl FromIterator<Response> for Tally {
    fn from_iter<I: IntoIterator<Item = Response>>(responses: I) -> Self {
        let mut tally = Tally::default();
        responses.into_iter().for_each(|response| tally.add(response));
        tally
    }
}

/// A figure with one decimal.
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// What metrics are computed over.
#[derive(Debug, Clone, Copy)]
pub enum Scope {
    /// One resource.
    Resource(ResourceId),
    /// Every resource of a project.
    Project(ProjectId),
    /// Every resource of a school.
    School(OrganisationId),
}

/// The demand counts that go with a tally.
#[derive(Debug, Clone, Copy, Default)]
pub struct Counts {
    /// Requests accepted or answered.
    pub requests: i64,
    /// Deliveries.
    pub deliveries: i64,
    /// Distinct schools reached.
    pub adopting_schools: i64,
    /// Distinct respondents.
    pub respondents: i64,
}

/// The metrics of a tally and its counts.
pub fn to_metrics(tally: &Tally, counts: Counts) -> Metrics {
    let count = |value: u64| i64::try_from(value).unwrap_or(i64::MAX);
    Metrics {
        responses: count(tally.responses),
        app_responses: count(tally.in_app()),
        link_responses: count(tally.by_link),
        respondents: counts.respondents,
        satisfied: count(tally.satisfied),
        promoters: count(tally.promoters),
        passives: count(tally.passives),
        detractors: count(tally.detractors),
        ready: count(tally.ready),
        csat_percent: tally.csat_percent(),
        nps: tally.nps(),
        ready_percent: tally.ready_percent(),
        requests: counts.requests,
        deliveries: counts.deliveries,
        adopting_schools: counts.adopting_schools,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn response(csat: u8, recommend: u8, ready: bool) -> Response {
        Response {
            csat,
            recommend,
            ready,
            by_link: false,
        }
    }

    #[test]
    fn no_responses_give_no_percentages() {
        let tally = Tally::default();
        assert_eq!(
            (tally.csat_percent(), tally.nps(), tally.ready_percent()),
            (None, None, None)
        );
    }

    #[test]
    fn all_detractors_give_nps_minus_100() {
        let tally: Tally = (0..=6).map(|score| response(1, score, false)).collect();
        assert_eq!(tally.nps(), Some(-100.0));
        assert_eq!(tally.csat_percent(), Some(0.0));
        assert_eq!(tally.ready_percent(), Some(0.0));
    }

    #[test]
    fn the_boundaries_fall_where_the_formulas_say() {
        // CSAT: 3 is not satisfied, 4 and 5 are.
        let tally: Tally = [3, 4, 5].into_iter().map(|csat| response(csat, 8, true)).collect();
        assert_eq!(tally.satisfied, 2);
        // NPS: 6 detractor, 7 and 8 passive, 9 promoter.
        let tally: Tally = [6, 7, 8, 9].into_iter().map(|score| response(5, score, true)).collect();
        assert_eq!((tally.detractors, tally.passives, tally.promoters), (1, 2, 1));
        assert_eq!(tally.nps(), Some(0.0));
    }

    #[test]
    fn grouped_counts_equal_one_by_one_counting() {
        let mut grouped = Tally::default();
        let linked = Response {
            by_link: true,
            ..response(2, 6, false)
        };
        grouped.add_many(response(5, 10, true), 3);
        grouped.add_many(linked, 2);
        let one_by_one: Tally = [response(5, 10, true); 3].into_iter().chain([linked; 2]).collect();
        assert_eq!(grouped, one_by_one);
        assert_eq!(grouped.nps(), Some(20.0));
        assert_eq!((grouped.in_app(), grouped.by_link), (3, 2));
    }

    #[test]
    fn percentages_are_rounded_to_one_decimal_and_tallies_merge() {
        let mut a: Tally = [response(5, 10, true), response(2, 3, false), response(4, 9, false)]
            .into_iter()
            .collect();
        assert_eq!(a.csat_percent(), Some(66.7));
        assert_eq!(a.nps(), Some(33.3));
        assert_eq!(a.ready_percent(), Some(33.3));
        let b: Tally = [response(5, 10, true)].into_iter().collect();
        a.merge(b);
        assert_eq!((a.responses, a.csat_percent(), a.nps()), (4, Some(75.0), Some(50.0)));
    }
}
