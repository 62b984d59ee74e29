//! The five-step lifecycle of an educational resource (Regulation 2.1): request → design →
//! production → delivery → satisfaction. A step may start only when the previous one shows
//! its evidence; going back is allowed with a reason. Production may start on a design
//! document, or on a completed pilot of the resource (Regulation 1.3 b): a version tried
//! in practice shows its design as well as a document does.

use openapi::RefusalReason;
use std::fmt;

pub use openapi::resources::Stage;

/// The stage after this one, in the order of [`Stage::ALL`].
pub fn next(stage: Stage) -> Option<Stage> {
    let index = Stage::ALL.iter().position(|s| *s == stage)?;
    Stage::ALL.get(index + 1).copied()
}

/// What the records of a resource show, as far as the lifecycle cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Evidence {
    /// Consumer requests accepted and linked to the resource.
    pub accepted_requests: u32,
    /// The project's assignment was given competitively (the customer's assignment is the request).
    pub competitive_assignment: bool,
    /// Versions that hold a design document.
    pub design_documents: u32,
    /// Pilots of the resource that are concluded.
    pub completed_pilots: u32,
    /// Versions that hold a produced product.
    pub produced_versions: u32,
    /// Deliveries to consumers.
    pub deliveries: u32,
}

/// Why a transition is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The resource is already at that stage.
    SameStage,
    /// Forward moves go one step at a time.
    SkipsAStep,
    /// Going back needs a reason.
    ReasonRequired,
    /// Design needs an accepted request or a competitive assignment.
    NoAcceptedRequest,
    /// Production needs a design document or a completed pilot.
    NoDesignDocument,
    /// Delivery needs a produced version.
    NoProducedVersion,
    /// The satisfaction check needs at least one delivery.
    NoDelivery,
}

impl Refusal {
    /// The wire reason the API reports.
    pub fn reason(self) -> RefusalReason {
        match self {
            Self::SameStage => RefusalReason::SameStage,
            Self::SkipsAStep => RefusalReason::SkipsAStep,
            Self::ReasonRequired => RefusalReason::ReasonRequired,
            Self::NoAcceptedRequest => RefusalReason::NoAcceptedRequest,
            Self::NoDesignDocument => RefusalReason::NoDesignDocument,
            Self::NoProducedVersion => RefusalReason::NoProducedVersion,
            Self::NoDelivery => RefusalReason::NoDelivery,
        }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::SameStage => "the resource is already at this stage",
            Self::SkipsAStep => "the lifecycle moves forward one step at a time",
            Self::ReasonRequired => "going back to an earlier stage needs a reason",
            Self::NoAcceptedRequest => "design needs an accepted consumer request or a competitive assignment",
            Self::NoDesignDocument => "production needs a design document or a completed pilot",
            Self::NoProducedVersion => "delivery needs a produced version",
            Self::NoDelivery => "the satisfaction check needs at least one delivery",
        })
    }
}

/// Decides whether a resource may move from `from` to `to`.
pub fn check(from: Stage, to: Stage, evidence: &Evidence, reason: Option<&str>) -> Result<(), Refusal> {
    if from == to {
        return Err(Refusal::SameStage);
    }
    if to < from {
        return match reason.map(str::trim) {
            Some(reason) if !reason.is_empty() => Ok(()),
            _ => Err(Refusal::ReasonRequired),
        };
    }
    if next(from) != Some(to) {
        return Err(Refusal::SkipsAStep);
    }
    let shown = match to {
        Stage::Request => true,
        Stage::Design => evidence.accepted_requests > 0 || evidence.competitive_assignment,
        Stage::Production => evidence.design_documents > 0 || evidence.completed_pilots > 0,
        Stage::Delivery => evidence.produced_versions > 0,
        Stage::Satisfaction => evidence.deliveries > 0,
    };
    if shown {
        Ok(())
    } else {
        Err(match to {
            Stage::Design => Refusal::NoAcceptedRequest,
            Stage::Production => Refusal::NoDesignDocument,
            Stage::Delivery => Refusal::NoProducedVersion,
            _ => Refusal::NoDelivery,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Stage::*;

    const FULL: Evidence = Evidence {
        accepted_requests: 1,
        competitive_assignment: false,
        design_documents: 1,
        completed_pilots: 0,
        produced_versions: 1,
        deliveries: 1,
    };

    #[test]
    fn with_all_evidence_each_step_forward_is_allowed() {
        for pair in Stage::ALL.windows(2) {
            assert_eq!(
                check(pair[0], pair[1], &FULL, None),
                Ok(()),
                "{:?} → {:?}",
                pair[0],
                pair[1]
            );
        }
    }

    #[test]
    fn each_step_refuses_without_its_own_evidence() {
        let cases = [
            (
                Request,
                Design,
                Evidence {
                    accepted_requests: 0,
                    ..FULL
                },
                Refusal::NoAcceptedRequest,
            ),
            (
                Design,
                Production,
                Evidence {
                    design_documents: 0,
                    ..FULL
                },
                Refusal::NoDesignDocument,
            ),
            (
                Production,
                Delivery,
                Evidence {
                    produced_versions: 0,
                    ..FULL
                },
                Refusal::NoProducedVersion,
            ),
            (
                Delivery,
                Satisfaction,
                Evidence { deliveries: 0, ..FULL },
                Refusal::NoDelivery,
            ),
        ];
        for (from, to, evidence, refusal) in cases {
            assert_eq!(check(from, to, &evidence, None), Err(refusal), "{from:?} → {to:?}");
        }
    }

    #[test]
    fn a_competitive_assignment_stands_for_the_request() {
        let evidence = Evidence {
            accepted_requests: 0,
            competitive_assignment: true,
            ..Evidence::default()
        };
        assert_eq!(check(Request, Design, &evidence, None), Ok(()));
    }

    #[test]
    fn a_completed_pilot_stands_for_the_design_document() {
        let piloted = Evidence {
            design_documents: 0,
            completed_pilots: 1,
            ..Evidence::default()
        };
        assert_eq!(check(Design, Production, &piloted, None), Ok(()));
        assert_eq!(
            check(Design, Production, &Evidence::default(), None),
            Err(Refusal::NoDesignDocument)
        );
        assert_eq!(
            check(Production, Delivery, &piloted, None),
            Err(Refusal::NoProducedVersion),
            "a pilot does not stand for the product"
        );
    }

    #[test]
    fn every_skip_forward_is_refused_even_with_evidence() {
        for (i, from) in Stage::ALL.iter().enumerate() {
            for to in Stage::ALL.iter().skip(i + 2) {
                assert_eq!(
                    check(*from, *to, &FULL, None),
                    Err(Refusal::SkipsAStep),
                    "{from:?} → {to:?}"
                );
            }
        }
    }

    #[test]
    fn going_back_needs_a_reason_and_nothing_else() {
        for (i, from) in Stage::ALL.iter().enumerate() {
            for to in Stage::ALL.iter().take(i) {
                assert_eq!(
                    check(*from, *to, &Evidence::default(), None),
                    Err(Refusal::ReasonRequired)
                );
                assert_eq!(
                    check(*from, *to, &Evidence::default(), Some("  ")),
                    Err(Refusal::ReasonRequired)
                );
                assert_eq!(
                    check(*from, *to, &Evidence::default(), Some("замечания партнёров")),
                    Ok(())
                );
            }
        }
    }

    #[test]
    fn staying_put_is_not_a_transition() {
        for &stage in Stage::ALL {
            assert_eq!(check(stage, stage, &FULL, Some("x")), Err(Refusal::SameStage));
        }
    }
}
