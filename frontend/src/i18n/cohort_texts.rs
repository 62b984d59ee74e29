//! The texts of teacher training (cohorts, enrolments, certificates), in Russian and
//! English side by side: one line per text, so neither language can miss one.

use openapi::cohorts::{CohortStatus, EnrolmentStatus};

/// Declares [`CohortTexts`] and its two catalogues from `field: "русский", "English"` lines.
macro_rules! cohort_texts {
    ($($field:ident: $ru:literal, $en:literal;)+) => {
        /// The texts of teacher training in one language.
        #[derive(Debug)]
        pub struct CohortTexts {
            $(
                #[doc = concat!("«", $ru, "»")]
                pub $field: &'static str,
            )+
        }

        /// Teacher training in Russian.
        pub const RU_COHORTS: CohortTexts = CohortTexts { $($field: $ru,)+ };

        /// Teacher training in English.
        pub const EN_COHORTS: CohortTexts = CohortTexts { $($field: $en,)+ };
    };
}

cohort_texts! {
    heading: "Курсы (потоки)", "Courses (cohorts)";
    my_training: "Моё обучение", "My training";
    total_hours: "Всего часов", "Total hours";
    verify: "Проверка удостоверения", "Certificate check";
    status_planned: "Набор", "Planned";
    status_running: "Идёт обучение", "Running";
    status_finished: "Завершён", "Finished";
    enrolment_enrolled: "Зачислен(а)", "Enrolled";
    enrolment_waiting: "Лист ожидания", "Waiting list";
    enrolment_completed: "Обучение завершено", "Completed";
    enrolment_withdrawn: "Отчислен(а)", "Withdrawn";
    refused_already_enrolled: "Вы уже записаны на этот поток.", "You are enrolled in this cohort already.";
    refused_cohort_finished: "Поток завершён: запись закрыта.", "The cohort has finished: enrolment is closed.";
    refused_cohort_not_started: "Поток ещё не начался.", "The cohort has not started yet.";
    refused_enrolment_waiting: "Слушатель в листе ожидания.", "The teacher is on the waiting list.";
    refused_enrolment_withdrawn: "Запись отменена.", "The enrolment is withdrawn.";
    refused_enrolment_completed: "Обучение уже завершено, удостоверение выдано.", "Completed already; the certificate is issued.";
}

impl CohortTexts {
    /// The name of a cohort's status.
    pub fn status_name(&self, status: CohortStatus) -> &'static str {
        match status {
            CohortStatus::Planned => self.status_planned,
            CohortStatus::Running => self.status_running,
            CohortStatus::Finished => self.status_finished,
        }
    }

    /// The name of an enrolment's status.
    pub fn enrolment_name(&self, status: EnrolmentStatus) -> &'static str {
        match status {
            EnrolmentStatus::Enrolled => self.enrolment_enrolled,
            EnrolmentStatus::Waiting => self.enrolment_waiting,
            EnrolmentStatus::Completed => self.enrolment_completed,
            EnrolmentStatus::Withdrawn => self.enrolment_withdrawn,
        }
    }
}
