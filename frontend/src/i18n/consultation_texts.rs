//! The texts of consultations (methodological support of one school by another), in
//! Russian and English side by side: one line per text, so neither language can miss one.

use openapi::consultations::{ConsultationForm, ConsultationRole, ConsultationStatus};

/// Declares [`ConsultationTexts`] and its two catalogues from `field: "русский", "English"`
/// lines.
macro_rules! consultation_texts {
    ($($field:ident: $ru:literal, $en:literal;)+) => {
        /// The texts of consultations in one language.
        #[derive(Debug)]
        pub struct ConsultationTexts {
            $(
                #[doc = concat!("«", $ru, "»")]
                pub $field: &'static str,
            )+
        }

        /// Consultations in Russian.
        pub const RU_CONSULTATIONS: ConsultationTexts = ConsultationTexts { $($field: $ru,)+ };

        /// Consultations in English.
        pub const EN_CONSULTATIONS: ConsultationTexts = ConsultationTexts { $($field: $en,)+ };
    };
}

consultation_texts! {
    heading: "Консультации", "Consultations";
    intro: "Методическая поддержка школ: запросы на консультации, расписание, итоги и отзывы.", "Methodological support of schools: requests for consultations, schedules, outcomes and feedback.";
    none: "Консультаций пока нет", "No consultations yet";
    request: "Попросить консультацию", "Ask for a consultation";
    record: "Записать проведённую консультацию", "Record a consultation given";
    side: "Направление", "Direction";
    status: "Статус", "Status";
    host: "Консультирующая школа", "Consulting school";
    recipient_school: "Кому оказана консультация", "Given to";
    choose: "— выберите —", "— choose —";
    topic: "Тема", "Topic";
    question: "Какая помощь нужна", "What support is needed";
    scheduled_on: "Дата консультации", "Date";
    held_on: "Дата проведения", "Held on";
    form: "Форма", "Form";
    place: "Место или ссылка", "Place or link";
    consultants: "Консультанты", "Consultants";
    participants: "Участники", "Participants";
    participant_count: "Число участников", "Number of participants";
    outcome: "Итоги", "Outcome";
    follow_ups: "Дальнейшие шаги", "Follow-ups";
    reason: "Причина", "Reason";
    submit_request: "Отправить запрос", "Send the request";
    save: "Сохранить", "Save";
    schedule: "Назначить", "Schedule";
    reschedule: "Перенести", "Reschedule";
    hold: "Отметить проведённой", "Record as held";
    decline: "Отклонить", "Decline";
    cancel: "Отменить консультацию", "Cancel the consultation";
    decline_title: "Отклонить запрос на консультацию?", "Decline the request?";
    decline_text: "Запрос будет закрыт, получатель увидит причину.", "The request is closed; the recipient sees the reason.";
    cancel_title: "Отменить консультацию?", "Cancel the consultation?";
    cancel_text: "Консультация будет закрыта, другая сторона увидит причину.", "The consultation is closed; the other side sees the reason.";
    rate: "Оценить консультацию", "Rate the consultation";
    csat: "Удовлетворённость (1–5)", "Satisfaction (1–5)";
    recommend: "Готовность рекомендовать (0–10)", "Likelihood to recommend (0–10)";
    ready: "Рекомендуем коллегам", "We recommend it";
    comment: "Комментарий", "Comment";
    send_rating: "Отправить отзыв", "Send";
    ratings_none: "Отзывов пока нет", "No feedback yet";
    csat_mean: "средняя удовлетворённость", "mean satisfaction";
    responses: "ответов", "answers";
    status_requested: "Запрошена", "Requested";
    status_scheduled: "Назначена", "Scheduled";
    status_held: "Проведена", "Held";
    status_declined: "Отклонена", "Declined";
    status_cancelled: "Отменена", "Cancelled";
    form_in_person: "Очно", "In person";
    form_online: "Онлайн", "Online";
    role_host: "Оказанные (мы консультируем)", "Given (we consult)";
    role_recipient: "Полученные (нас консультируют)", "Received (we are consulted)";
    refused_closed: "Консультация уже проведена, отклонена или отменена и больше не меняется", "The consultation is held, declined or cancelled and no longer changes";
    refused_scheduled: "Назначенную консультацию можно только отменить", "A scheduled consultation can only be cancelled";
    refused_not_held: "Оценить можно только проведённую консультацию", "Only a held consultation can be rated";
}

impl ConsultationTexts {
    /// The name of a status.
    pub fn status_name(&self, status: ConsultationStatus) -> &'static str {
        match status {
            ConsultationStatus::Requested => self.status_requested,
            ConsultationStatus::Scheduled => self.status_scheduled,
            ConsultationStatus::Held => self.status_held,
            ConsultationStatus::Declined => self.status_declined,
            ConsultationStatus::Cancelled => self.status_cancelled,
        }
    }

    /// The name of a form.
    pub fn form_name(&self, form: ConsultationForm) -> &'static str {
        match form {
            ConsultationForm::InPerson => self.form_in_person,
            ConsultationForm::Online => self.form_online,
        }
    }

    /// The name of a side.
    pub fn role_name(&self, role: ConsultationRole) -> &'static str {
        match role {
            ConsultationRole::Host => self.role_host,
            ConsultationRole::Recipient => self.role_recipient,
        }
    }
}
