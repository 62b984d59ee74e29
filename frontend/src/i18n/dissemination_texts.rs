//! The texts of the dissemination figures, in Russian and English side by side: one line
//! per text, so neither language can miss one.

/// Declares [`DisseminationTexts`] and its two catalogues from `field: "русский", "English"` lines.
macro_rules! dissemination_texts {
    ($($field:ident: $ru:literal, $en:literal;)+) => {
        /// The texts of the dissemination figures in one language.
        #[derive(Debug)]
        pub struct DisseminationTexts {
            $(
                #[doc = concat!("«", $ru, "»")]
                pub $field: &'static str,
            )+
        }

        /// Dissemination in Russian.
        pub const RU_DISSEMINATION: DisseminationTexts = DisseminationTexts { $($field: $ru,)+ };

        /// Dissemination in English.
        pub const EN_DISSEMINATION: DisseminationTexts = DisseminationTexts { $($field: $en,)+ };
    };
}

dissemination_texts! {
    heading: "Распространение опыта", "Dissemination";
    tab: "Распространение", "Dissemination";
    school_year: "Учебный год", "School year";
    pilots: "Апробаций", "Pilots";
    pilot_sites: "Площадок апробации", "Pilot sites";
    pilot_pupils: "Обучающихся в апробации", "Pupils in pilots";
    risks_open: "Рисков открыто", "Open risks";
    risks_closed: "Рисков закрыто", "Closed risks";
    cohorts: "Потоков обучения", "Training cohorts";
    teachers_trained: "Обучено педагогов", "Teachers trained";
    training_hours: "Часов обучения", "Training hours";
    certificates: "Выдано удостоверений", "Certificates issued";
    consultations: "Консультаций", "Consultations";
    consultation_participants: "Участников консультаций", "Consultation participants";
    events: "Мероприятий", "Events";
    attendees: "Участников мероприятий", "Event attendees";
    fair_stands: "Стендов на ярмарках", "Fair stands";
    fair_rating: "Оценка стендов", "Stand rating";
    requests: "Запросов", "Requests";
    deliveries: "Поставок", "Deliveries";
    responses: "Отзывов", "Responses";
    csat: "CSAT, %", "CSAT, %";
    schools_reached: "Охвачено организаций", "Organisations reached";
    by_kind: "Мероприятия по формам", "Events by form";
    by_level: "Мероприятия по уровням", "Events by level";
    no_events: "Мероприятий в этом учебном году нет", "No events this school year";
    formulas: "Как считаются показатели: всё, что приходится на учебный год с 1 сентября по 31 августа; охват — другие организации, получившие поставки, ставшие площадками апробации, обучившие педагогов, получившие консультации или пришедшие на мероприятия.", "How the figures are counted: everything within the school year from 1 September to 31 August; reach is the other organisations that received deliveries, hosted pilots, had teachers trained, received consultations or attended events.";
    school: "Школа", "School";
    trained_hours: "Обучено педагогов / часов", "Teachers trained / hours";
    events_attendees: "Мероприятий / участников", "Events / attendees";
}
