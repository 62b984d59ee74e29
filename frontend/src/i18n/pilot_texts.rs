//! The texts of pilots (апробация) and risk registers, in Russian and English side by side:
//! one line per text, so neither language can miss one.

use openapi::pilots::{PilotConclusion, PilotStatus};
use openapi::risks::{RiskCategory, RiskField, RiskStatus};

/// Declares [`PilotTexts`] and its two catalogues from `field: "русский", "English"` lines.
macro_rules! pilot_texts {
    ($($field:ident: $ru:literal, $en:literal;)+) => {
        /// The texts of pilots and risk registers in one language.
        #[derive(Debug)]
        pub struct PilotTexts {
            $(
                #[doc = concat!("«", $ru, "»")]
                pub $field: &'static str,
            )+
        }

        /// Pilots and risks in Russian.
        pub const RU_PILOTS: PilotTexts = PilotTexts { $($field: $ru,)+ };

        /// Pilots and risks in English.
        pub const EN_PILOTS: PilotTexts = PilotTexts { $($field: $en,)+ };
    };
}

pilot_texts! {
    heading: "Апробация", "Pilots";
    none: "Апробаций пока нет", "No pilots yet";
    add: "Зафиксировать апробацию", "Record a pilot";
    version: "Версия", "Version";
    version_number: "Версия", "Version";
    choose: "— выберите —", "— choose —";
    sites: "Площадки апробации", "Pilot sites";
    own_school: "своя школа", "own school";
    starts_on: "Начало", "Start";
    ends_on: "Окончание", "End";
    teachers: "Педагогов", "Teachers";
    classes: "Классы", "Classes";
    pupils: "Обучающихся", "Pupils";
    method: "Методика апробации", "Method";
    interim_results: "Промежуточные результаты", "Interim results";
    final_results: "Итоговые результаты", "Final results";
    edit_results: "Внести результаты", "Enter results";
    save: "Сохранить", "Save";
    status_planned: "Запланирована", "Planned";
    status_running: "Идёт", "Running";
    status_completed: "Завершена", "Completed";
    conclusion_recommended: "Рекомендован к внедрению", "Recommended";
    conclusion_revise: "Требует доработки", "To be revised";
    conclusion_not_recommended: "Не рекомендован", "Not recommended";
    conclude: "Завершить апробацию", "Conclude the pilot";
    conclusion: "Заключение", "Conclusion";
    concluded_on: "Дата заключения", "Date of the conclusion";
    conclude_title: "Завершить апробацию?", "Conclude the pilot?";
    conclude_text: "После заключения апробация больше не меняется.", "Once concluded, the pilot no longer changes.";
    risks_heading: "Риски", "Risks";
    risks_none: "Рисков пока нет", "No risks yet";
    risk_add: "Добавить риск", "Add a risk";
    map_register: "Риски (из реестра рисков проекта)", "Risks (from the project's risk register)";
    map_register_none: "В реестре рисков пока ничего нет", "The risk register is empty";
    map_register_open: "Открыть реестр рисков", "Open the risk register";
    map_register_score: "балл", "score";
    risk_edit: "Изменить риск", "Edit the risk";
    risk_title: "Риск", "Risk";
    category: "Категория", "Category";
    category_organisational: "Организационный", "Organisational";
    category_methodological: "Методический", "Methodological";
    category_staffing: "Кадровый", "Staffing";
    category_material: "Материально-технический", "Material";
    category_regulatory: "Нормативный", "Regulatory";
    category_motivational: "Мотивационный", "Motivational";
    category_other: "Другой", "Other";
    likelihood: "Вероятность (1–5)", "Likelihood (1–5)";
    impact: "Влияние (1–5)", "Impact (1–5)";
    score: "Оценка", "Score";
    mitigation: "Пути преодоления", "Ways to overcome it";
    owner: "Ответственный", "Owner";
    risk_status: "Статус", "Status";
    risk_open: "Открыт", "Open";
    risk_mitigated: "Снижен", "Mitigated";
    risk_occurred: "Наступил", "Occurred";
    risk_closed: "Закрыт", "Closed";
    next_review_on: "Следующий пересмотр", "Next review";
    note: "Причина изменения", "Reason for the change";
    all_statuses: "Все статусы", "All statuses";
    overdue: "пересмотр просрочен", "review overdue";
    heat_map: "Карта рисков", "Risk heat map";
    heat_likelihood: "Вероятность →", "Likelihood →";
    heat_impact: "Влияние ↑", "Impact ↑";
    history: "История риска", "Risk history";
    history_none: "Изменений не было", "No changes yet";
    field_status: "статус", "status";
    field_likelihood: "вероятность", "likelihood";
    field_impact: "влияние", "impact";
    field_next_review_on: "дата пересмотра", "review date";
    empty_value: "—", "none";
}

impl PilotTexts {
    /// The name of a pilot's status.
    pub fn status(&self, status: PilotStatus) -> &'static str {
        match status {
            PilotStatus::Planned => self.status_planned,
            PilotStatus::Running => self.status_running,
            PilotStatus::Completed => self.status_completed,
        }
    }

    /// The name of a pilot's conclusion.
    pub fn conclusion_name(&self, conclusion: PilotConclusion) -> &'static str {
        match conclusion {
            PilotConclusion::Recommended => self.conclusion_recommended,
            PilotConclusion::Revise => self.conclusion_revise,
            PilotConclusion::NotRecommended => self.conclusion_not_recommended,
        }
    }

    /// The name of a risk's category.
    pub fn category_name(&self, category: RiskCategory) -> &'static str {
        match category {
            RiskCategory::Organisational => self.category_organisational,
            RiskCategory::Methodological => self.category_methodological,
            RiskCategory::Staffing => self.category_staffing,
            RiskCategory::Material => self.category_material,
            RiskCategory::Regulatory => self.category_regulatory,
            RiskCategory::Motivational => self.category_motivational,
            RiskCategory::Other => self.category_other,
        }
    }

    /// The name of a risk's status.
    pub fn risk_status_name(&self, status: RiskStatus) -> &'static str {
        match status {
            RiskStatus::Open => self.risk_open,
            RiskStatus::Mitigated => self.risk_mitigated,
            RiskStatus::Occurred => self.risk_occurred,
            RiskStatus::Closed => self.risk_closed,
        }
    }

    /// The name of a field in a risk's history.
    pub fn field_name(&self, field: RiskField) -> &'static str {
        match field {
            RiskField::Status => self.field_status,
            RiskField::Likelihood => self.field_likelihood,
            RiskField::Impact => self.field_impact,
            RiskField::NextReviewOn => self.field_next_review_on,
        }
    }
}
