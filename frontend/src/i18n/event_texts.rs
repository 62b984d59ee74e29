//! The texts of events, the calendar and fairs, in Russian and English side by side: one
//! line per text, so neither language can miss one.

use openapi::events::{EventKind, EventLevel, EventStatus, RegistrationStatus};

/// Declares [`EventTexts`] and its two catalogues from `field: "русский", "English"` lines.
macro_rules! event_texts {
    ($($field:ident: $ru:literal, $en:literal;)+) => {
        /// The texts of events and fairs in one language.
        #[derive(Debug)]
        pub struct EventTexts {
            $(
                #[doc = concat!("«", $ru, "»")]
                pub $field: &'static str,
            )+
        }

        /// Events in Russian.
        pub const RU_EVENTS: EventTexts = EventTexts { $($field: $ru,)+ };

        /// Events in English.
        pub const EN_EVENTS: EventTexts = EventTexts { $($field: $en,)+ };
    };
}

event_texts! {
    heading: "Мероприятия", "Events";
    list: "Списком", "List";
    month: "Месяц", "Month";
    previous_month: "‹ Предыдущий", "‹ Previous";
    next_month: "Следующий ›", "Next ›";
    none: "Мероприятий нет", "No events";
    add: "Новое мероприятие", "New event";
    edit: "Изменить", "Edit";
    save: "Сохранить", "Save";
    history: "История мероприятий школы", "The school's events";
    kind: "Форма", "Form";
    level: "Уровень", "Level";
    role_participant: "Участник (организует другая организация)", "Participant (organised elsewhere)";
    organiser_name: "Организатор", "Organiser";
    title: "Название", "Title";
    description: "Описание", "Description";
    starts_on: "Начало", "Start";
    ends_on: "Окончание", "End";
    time_text: "Время", "Time";
    place: "Место проведения", "Place";
    online_url: "Ссылка на трансляцию", "Online link";
    speakers: "Выступающие (по одному в строке)", "Speakers (one per line)";
    speakers_heading: "Выступающие", "Speakers";
    resources: "Представляемые ресурсы", "Resources presented";
    open_to_city: "Открытая регистрация для педагогов города", "Open registration for the city's teachers";
    capacity: "Количество мест", "Places";
    places: "Мест занято", "Places taken";
    status: "Статус", "Status";
    weekdays: "Пн Вт Ср Чт Пт Сб Вс", "Mo Tu We Th Fr Sa Su";
    status_draft: "Черновик", "Draft";
    status_published: "Опубликовано", "Published";
    status_cancelled: "Отменено", "Cancelled";
    publish: "Опубликовать", "Publish";
    publish_title: "Опубликовать мероприятие?", "Publish the event?";
    publish_text: "Мероприятие появится в календаре муниципалитета.", "The event appears in the municipality's calendar.";
    cancel: "Отменить мероприятие", "Cancel the event";
    cancel_title: "Отменить мероприятие?", "Cancel the event?";
    cancel_text: "Отменённое мероприятие больше не меняется и не принимает регистрации.", "A cancelled event no longer changes or takes registrations.";
    register: "Зарегистрироваться", "Register";
    unregister: "Отменить регистрацию", "Cancel my registration";
    registered: "Вы зарегистрированы. Код подтверждения:", "You are registered. Confirmation code:";
    registrations: "Регистрации", "Registrations";
    registrations_none: "Регистраций пока нет", "No registrations yet";
    registrant: "Участник", "Participant";
    organisation: "Организация", "Organisation";
    code: "Код", "Code";
    attended: "Присутствовал", "Attended";
    save_attendance: "Отметить посещение", "Save attendance";
    attendance_saved: "Посещение отмечено", "Attendance saved";
    registration_cancelled: "отменена", "cancelled";
    materials: "Материалы", "Materials";
    feedback: "Отзывы участников", "Attendees' feedback";
    feedback_none: "Отзывов пока нет", "No feedback yet";
    feedback_mean: "Средняя оценка", "Mean score";
    feedback_count: "Отзывов", "Answers";
    request_feedback: "Запросить отзывы участников", "Ask the attendees for feedback";
    feedback_requested: "Отзывы запрошены", "Feedback requested";
    feedback_due: "Мероприятие ждёт вашего отзыва", "The event awaits your feedback";
    csat: "Удовлетворённость (1–5)", "Satisfaction (1–5)";
    comment: "Комментарий", "Comment";
    send_feedback: "Отправить отзыв", "Send feedback";
    stands: "Стенды ярмарки", "Fair stands";
    stands_none: "Стендов пока нет", "No stands yet";
    stand_add: "Представить стенд школы", "Present the school's stand";
    stand_title: "Название стенда", "Stand title";
    stand_description: "Что представлено", "What it shows";
    rating: "Оценка", "Rating";
    ratings: "Оценок", "Ratings";
    raters: "Оценили (участников)", "Raters (accounts)";
    rating_organisations: "Оценили организаций", "Rating organisations";
    rate_when_registered: "Оценивать стенды могут участники, зарегистрированные на ярмарку, — кроме стендов своей школы", "Stands are rated by participants registered for the fair, except their own school's";
    my_rating: "Ваша оценка", "Your rating";
    rate: "Оценить", "Rate";
    results: "Итоги ярмарки", "Fair results";
    results_link: "Итоги ярмарки и формула рейтинга", "Fair results and the rating formula";
    rank: "Место", "Place";
    score: "Рейтинг", "Score";
    sum: "Σ голосов организаций", "Σ of organisation votes";
    formula_heading: "Как считается рейтинг", "How the score is computed";
    formula: "Считаются голоса организаций, а не учётных записей: каждая организация, чьи зарегистрированные на ярмарку участники оценили стенд, отдаёт ему один голос — среднюю оценку своих участников (свою школу не оценивают). Рейтинг = (C·m + Σ) / (C + n), где Σ и n — сумма и число голосов стенда, m — средний голос всей ярмарки, C — вес средней (столько «средних» голосов получает каждый стенд). При равенстве выше стенд с бо́льшим числом голосов, затем представленный раньше.", "Organisations vote, not accounts: each organisation whose participants registered for the fair rated a stand casts one vote for it, the mean of its participants' scores (nobody rates their own school). Score = (C·m + Σ) / (C + n), where Σ and n are the sum and number of the stand's votes, m the mean vote of the whole fair, C the weight of the mean (each stand starts with that many votes at the mean). Ties go to the stand with more votes, then to the earlier one.";
    fair_ratings: "Всего оценок", "Ratings in all";
    fair_votes: "голосов организаций", "organisation votes";
    results_final: "Ярмарка завершена, итоги окончательные", "The fair is over; the results are final";
    results_live: "Ярмарка идёт, рейтинг меняется", "The fair is under way; the ranking changes";
    kind_open_lesson: "Открытый урок", "Open lesson";
    kind_master_class: "Мастер-класс", "Master class";
    kind_seminar: "Семинар", "Seminar";
    kind_round_table: "Круглый стол", "Round table";
    kind_conference: "Конференция", "Conference";
    kind_festival: "Фестиваль инновационных продуктов", "Festival of innovation products";
    kind_fair: "Ярмарка инновационных продуктов", "Fair of innovation products";
    kind_competition: "Смотр-конкурс методических служб", "Review-competition of methodological services";
    kind_other: "Другое", "Other";
    level_school: "Школьный", "School";
    level_municipal: "Муниципальный", "Municipal";
    level_regional: "Региональный", "Regional";
    level_federal: "Федеральный", "Federal";
    level_international: "Международный", "International";
    refused_event_cancelled: "Мероприятие отменено", "The event is cancelled";
    refused_event_not_draft: "Мероприятие уже опубликовано", "The event is published already";
    refused_registration_closed: "Регистрация закрыта", "Registration is closed";
    refused_event_full: "Все места заняты", "Every place is taken";
    refused_already_registered: "Вы уже зарегистрированы", "You are registered already";
    refused_event_not_started: "Посещение отмечается с первого дня мероприятия", "Attendance is marked from the first day";
    refused_event_not_over: "Отзывы запрашиваются после мероприятия", "Feedback is asked for after the event";
    refused_feedback_already_requested: "Отзывы уже запрошены", "Feedback was asked for already";
    refused_feedback_not_requested: "Организатор ещё не запросил отзывы", "The organiser has not asked for feedback yet";
    refused_not_attended: "Отзыв оставляют посетившие мероприятие", "Only attendees give feedback";
    refused_already_answered: "Вы уже оставили отзыв", "You have answered already";
    refused_not_a_fair: "Стенды представляются только на ярмарке", "Stands are presented at a fair only";
    refused_fair_closed: "Ярмарка не идёт: стенды и оценки не принимаются", "The fair is not open for stands and ratings";
    refused_not_registered_for_fair: "Оценивать стенды могут только зарегистрированные на ярмарку", "Only participants registered for the fair rate its stands";
    refused_already_presented: "Стенд вашей школы на этой ярмарке уже есть", "Your school presents a stand at this fair already";
    refused_stand_limit: "На ярмарке уже наибольшее число стендов", "The fair has as many stands as it may";
    entity_event: "Мероприятие", "Event";
    entity_registration: "Регистрация на мероприятие", "Event registration";
    entity_stand: "Стенд ярмарки", "Fair stand";
    action_publish: "Публикация", "Publishing";
    action_cancel: "Отмена", "Cancellation";
    action_feedback_request: "Запрос отзывов", "Feedback request";
    action_rate: "Оценка стенда", "Stand rating";
}

impl EventTexts {
    /// The name of an event's form.
    pub fn kind_name(&self, kind: EventKind) -> &'static str {
        match kind {
            EventKind::OpenLesson => self.kind_open_lesson,
            EventKind::MasterClass => self.kind_master_class,
            EventKind::Seminar => self.kind_seminar,
            EventKind::RoundTable => self.kind_round_table,
            EventKind::Conference => self.kind_conference,
            EventKind::Festival => self.kind_festival,
            EventKind::Fair => self.kind_fair,
            EventKind::Competition => self.kind_competition,
            EventKind::Other => self.kind_other,
        }
    }

    /// The name of an event's level.
    pub fn level_name(&self, level: EventLevel) -> &'static str {
        match level {
            EventLevel::School => self.level_school,
            EventLevel::Municipal => self.level_municipal,
            EventLevel::Regional => self.level_regional,
            EventLevel::Federal => self.level_federal,
            EventLevel::International => self.level_international,
        }
    }

    /// The name of an event's status.
    pub fn status_name(&self, status: EventStatus) -> &'static str {
        match status {
            EventStatus::Draft => self.status_draft,
            EventStatus::Published => self.status_published,
            EventStatus::Cancelled => self.status_cancelled,
        }
    }

    /// A registration's status, as the organisers' list marks it (confirmed: nothing).
    pub fn registration_status(&self, status: RegistrationStatus) -> &'static str {
        match status {
            RegistrationStatus::Confirmed => "",
            RegistrationStatus::Cancelled => self.registration_cancelled,
        }
    }
}
