use super::*;
use crate::services::Caller;
use crate::services::seeded::{
    self, COMMITTEE, COUNCIL, DIRECTOR, PARTNER, Seeded, TEACHER, audit_of, caller, fields, reason,
};
use openapi::RefusalReason;
use openapi::ranking::{CriteriaInput, Criterion, RoundFilter, RoundInput, SchoolProblemInput, ScoreInput};
use openapi::{FieldErrorCode, ProblemId};

/// The demo's open round (this school year's), as read by `who`.
fn open_round(conn: &mut Seeded, who: &Caller) -> Ranking {
    let rounds = list_rounds(conn, who, &seeded::FIRST_PAGE, &RoundFilter::default()).unwrap();
    let open = rounds.items.iter().find(|r| r.frozen_at.is_none()).unwrap();
    get(conn, who, RoundId(open.id)).unwrap()
}

fn problem(title: &str) -> SchoolProblemInput {
    SchoolProblemInput {
        title: title.into(),
        description: "Описание проблемы школы".into(),
        evidence: String::new(),
    }
}

fn scores(values: &[u8]) -> ScoreInput {
    ScoreInput {
        scores: values.to_vec(),
    }
}

#[test]
fn freezing_a_ranking_refuses_later_scores_problems_and_a_second_freeze() {
    let mut conn = seeded::demo();
    let council = caller(&mut conn, COUNCIL);
    let director = caller(&mut conn, DIRECTOR);
    let ranking = open_round(&mut conn, &council);
    let round = RoundId(ranking.round.id);
    let first = ProblemId(ranking.problems[0].problem.id);
    assert!(matches!(freeze(&mut conn, &council, round), Err(ApiError::Forbidden)));

    let frozen = freeze(&mut conn, &director, round).unwrap();
    assert!(frozen.round.frozen_at.is_some());
    assert_eq!(frozen.round.frozen_by, Some(director.actor.user_id));
    assert_eq!(frozen.problems.len(), ranking.problems.len());

    let refused = score(&mut conn, &council, first, &scores(&[5, 5, 5])).unwrap_err();
    assert_eq!(reason(refused), RefusalReason::RankingFrozen);
    let refused = create_problem(&mut conn, &council, round, &problem("Ещё одна проблема")).unwrap_err();
    assert_eq!(reason(refused), RefusalReason::RankingFrozen);
    let expected = seeded::read_version(&mut conn, "problems", first.0);
    let refused = update_problem(&mut conn, &council, first, expected, &problem("Новая формулировка")).unwrap_err();
    assert_eq!(reason(refused), RefusalReason::RankingFrozen);
    assert_eq!(
        reason(freeze(&mut conn, &director, round).unwrap_err()),
        RefusalReason::RankingFrozen
    );
    let trail: Vec<String> = audit_of(&mut conn, "ranking_round", round.0)
        .into_iter()
        .map(|(action, ..)| action)
        .collect();
    assert_eq!(trail, ["freeze"]);
}

#[test]
fn a_council_members_score_is_recorded_replaced_and_ranked() {
    let mut conn = seeded::demo();
    let council = caller(&mut conn, COUNCIL);
    let ranking = open_round(&mut conn, &council);
    let unscored = ranking.problems.iter().find(|p| p.rank.is_none()).unwrap();
    let id = ProblemId(unscored.problem.id);

    let after = score(&mut conn, &council, id, &scores(&[2, 2, 2])).unwrap();
    let ranked = after.problems.iter().find(|p| p.problem.id == id.0).unwrap();
    assert_eq!(ranked.score, Some(2.0));
    let after = score(&mut conn, &council, id, &scores(&[5, 5, 5])).unwrap();
    let ranked = after.problems.iter().find(|p| p.problem.id == id.0).unwrap();
    assert_eq!(ranked.score, Some(5.0));
    assert_eq!(ranked.rank, Some(1));
    assert_eq!(ranked.members.len(), 1, "scoring again replaces");

    let trail = audit_of(&mut conn, "problem", id.0);
    assert_eq!(trail.len(), 2);
    assert_eq!(trail[0].2, None);
    assert_eq!(trail[1].2.as_deref(), Some("[2,2,2]"));
    assert_eq!(trail[1].3.as_deref(), Some("[5,5,5]"));

    let invalid = fields(score(&mut conn, &council, id, &scores(&[5, 9])).unwrap_err());
    assert_eq!(
        invalid,
        vec![
            ("scores".to_owned(), FieldErrorCode::OutOfRange),
            ("scores[1]".to_owned(), FieldErrorCode::OutOfRange)
        ]
    );
    let teacher = caller(&mut conn, TEACHER);
    assert!(matches!(
        score(&mut conn, &teacher, id, &scores(&[5, 5, 5])),
        Err(ApiError::Forbidden)
    ));
    let partner = caller(&mut conn, PARTNER);
    assert!(matches!(
        score(&mut conn, &partner, id, &scores(&[5, 5, 5])),
        Err(ApiError::NotFound)
    ));
}

#[test]
fn criteria_change_until_someone_scores() {
    let mut conn = seeded::demo();
    let council = caller(&mut conn, COUNCIL);
    let input = RoundInput {
        school_year: 2040,
        criteria: None,
    };
    let round = create_round(&mut conn, &council, &input).unwrap();
    assert_eq!(round.criteria.len(), 3, "the default criteria");
    let id = RoundId(round.id);
    let two = CriteriaInput {
        criteria: vec![
            Criterion {
                title: "Значимость".into(),
                weight: 2,
            },
            Criterion {
                title: "Срочность".into(),
                weight: 1,
            },
        ],
    };
    let expected = seeded::read_version(&mut conn, "ranking_rounds", id.0);
    assert_eq!(
        update_criteria(&mut conn, &council, id, expected, &two)
            .unwrap()
            .criteria,
        two.criteria
    );
    let listed = create_problem(&mut conn, &council, id, &problem("Проблема 2040 года")).unwrap();
    score(&mut conn, &council, ProblemId(listed.id), &scores(&[4, 4])).unwrap();
    let expected = seeded::read_version(&mut conn, "ranking_rounds", id.0);
    assert_eq!(
        reason(update_criteria(&mut conn, &council, id, expected, &two).unwrap_err()),
        RefusalReason::RankingScored
    );
    let committee = caller(&mut conn, COMMITTEE);
    assert!(matches!(
        create_round(&mut conn, &committee, &input),
        Err(ApiError::Forbidden)
    ));
    let bad_year = RoundInput {
        school_year: 1999,
        criteria: Some(Vec::new()),
    };
    assert_eq!(
        fields(create_round(&mut conn, &council, &bad_year).unwrap_err()),
        vec![("school_year".to_owned(), FieldErrorCode::OutOfRange)],
        "the year alone"
    );
}

#[test]
fn a_cited_problem_stays_and_an_uncited_one_goes_with_its_scores() {
    let mut conn = seeded::demo();
    let council = caller(&mut conn, COUNCIL);
    let ranking = open_round(&mut conn, &council);
    let cited = ranking.problems.iter().find(|p| p.rank.is_some()).unwrap();
    assert_eq!(
        reason(delete_problem(&mut conn, &council, ProblemId(cited.problem.id)).unwrap_err()),
        RefusalReason::ProblemCited
    );
    let round = RoundId(ranking.round.id);
    let listed = create_problem(&mut conn, &council, round, &problem("Проблема на удаление")).unwrap();
    let id = ProblemId(listed.id);
    score(&mut conn, &council, id, &scores(&[3, 3, 3])).unwrap();
    delete_problem(&mut conn, &council, id).unwrap();
    let after = get(&mut conn, &council, round).unwrap();
    assert!(after.problems.iter().all(|p| p.problem.id != id.0));
    assert_eq!(after.round.problems, ranking.round.problems);
    let trail: Vec<String> = audit_of(&mut conn, "problem", id.0)
        .into_iter()
        .map(|(action, ..)| action)
        .collect();
    assert_eq!(trail, ["create", "score", "delete"]);
}
