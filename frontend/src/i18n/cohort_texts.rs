//! The texts of teacher training (cohorts, enrolments, certificates), in Russian and
//! English side by side: one line per text, so neither language can miss one.

use openapi::cohorts::{CertificateKind, CohortStatus, EnrolmentStatus};

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
    heading: "Потоки обучения", "Cohorts";
    none: "Потоков пока нет.", "No cohorts yet.";
    open: "Открыть поток", "Open a cohort";
    edit: "Изменить поток", "Change the cohort";
    save: "Сохранить", "Save";
    title: "Название потока", "Cohort title";
    starts_on: "Начало", "Starts";
    ends_on: "Окончание", "Ends";
    format: "Формат", "Format";
    hours: "Часов", "Hours";
    hours_hint: "Если указаны занятия, часы считаются по занятиям.", "With sessions, the hours are the sessions' sum.";
    capacity: "Мест", "Places";
    attendance_threshold: "Порог посещаемости, %", "Attendance threshold, %";
    attendance_threshold_hint: "Обучение завершается, когда слушатель посетил не меньше этой доли часов (обычно 75 %).", "A teacher completes after attending at least this share of the hours (usually 75 %).";
    required_hours: "Для завершения нужно посетить, ч", "Hours to attend to complete";
    place: "Место проведения", "Place";
    online_link: "Ссылка на онлайн-занятия", "Online link";
    trainers: "Преподаватели", "Trainers";
    trainers_field: "Преподаватели (по одному на строку)", "Trainers (one per line)";
    sessions: "Занятия", "Sessions";
    session_day: "Дата занятия", "Session day";
    session_topic: "Тема занятия", "Session topic";
    session_hours: "Часов", "Hours";
    add_session: "Добавить занятие", "Add a session";
    remove_session: "Убрать", "Remove";
    no_sessions: "Занятия не указаны.", "No sessions listed.";
    programme: "Программа", "Programme";
    host: "Проводит", "Host";
    period: "Сроки", "Dates";
    places_taken: "Занято мест", "Places taken";
    waiting_count: "В листе ожидания", "Waiting";
    back_to_programme: "К программе", "Back to the programme";
    enrol_self: "Записаться", "Enrol";
    enrol_teacher: "Записать педагога", "Enrol a teacher";
    teacher: "Педагог", "Teacher";
    choose_teacher: "— выберите педагога —", "— choose a teacher —";
    enrolled_notice: "Вы записаны на поток.", "You are enrolled.";
    waiting_notice: "Мест нет: вы в листе ожидания, место", "The cohort is full: you are on the waiting list, place";
    enrolments: "Слушатели", "Participants";
    no_enrolments: "Слушателей пока нет.", "No participants yet.";
    school: "Школа", "School";
    status: "Статус", "Status";
    attended_hours: "Посещено часов", "Hours attended";
    certificate: "Удостоверение", "Certificate";
    attendance: "Посещаемость", "Attendance";
    attendance_session: "Занятие", "Session";
    attendance_save: "Сохранить посещаемость", "Save attendance";
    attendance_saved: "Посещаемость сохранена.", "Attendance saved.";
    attendance_none: "Отмечать пока некого: в потоке нет зачисленных слушателей.", "No one to mark: the cohort has no enrolled participants.";
    complete: "Завершить обучение", "Complete";
    own_record_hint: "Свою посещаемость и завершение обучения отмечает другой сотрудник школы.", "Your own attendance and completion are marked by another member of staff.";
    below_threshold: "посещено меньше нужного", "below the threshold";
    complete_title: "Завершить обучение и выдать удостоверение?", "Complete the training and issue the certificate?";
    complete_text: "Слушателю будет выдан документ с номером; отменить выдачу нельзя.", "A numbered document will be issued; the issue cannot be undone.";
    withdraw: "Отчислить", "Withdraw";
    withdraw_own: "Отменить запись", "Cancel my enrolment";
    withdraw_title: "Отменить запись на поток?", "Withdraw from the cohort?";
    withdraw_text: "Место перейдёт первому в листе ожидания.", "The place goes to the first on the waiting list.";
    waiting_position: "место в очереди", "place in the queue";
    my_training: "Моё обучение", "My training";
    my_training_intro: "Программы повышения квалификации, на которые вы записаны, и выданные удостоверения.", "The training programmes you are enrolled in and the certificates issued to you.";
    total_hours: "Всего часов", "Total hours";
    completed_count: "Завершено программ", "Programmes completed";
    no_training: "Вы пока не записаны ни на один поток. Программы обучения — в каталоге ресурсов.", "You are not enrolled in any cohort yet. Training programmes are in the catalogue.";
    school_training: "Обучение педагогов школы", "Training of the school's teachers";
    no_school_training: "Педагоги школы пока не обучались.", "The school's teachers have no training yet.";
    in_progress: "В процессе", "In progress";
    kind_udostoverenie: "УДОСТОВЕРЕНИЕ о повышении квалификации", "CERTIFICATE of professional development";
    kind_sertifikat: "СЕРТИФИКАТ", "CERTIFICATE";
    number: "Регистрационный номер", "Number";
    certifies: "Настоящий документ удостоверяет, что", "This certifies that";
    trained: "прошёл(а) обучение по программе", "completed the programme";
    in_volume: "в объёме", "of";
    hours_short: "ч.", "h";
    issued_by: "Выдан", "Issued by";
    issued_on: "Дата выдачи", "Issued on";
    verify_at: "Проверить подлинность:", "Verify at:";
    code: "Код проверки", "Verification code";
    revoked: "ОТОЗВАНО", "REVOKED";
    revoked_reason: "Причина отзыва", "Reason for revocation";
    revoke: "Отозвать удостоверение", "Revoke the certificate";
    revoke_title: "Отозвать удостоверение?", "Revoke the certificate?";
    revoke_text: "Проверка по номеру будет показывать, что документ отозван; в показателях школы он учитываться не будет. Отменить отзыв нельзя.", "The public check will show the document as revoked, and the school's figures will no longer count it. This cannot be undone.";
    print: "Печать", "Print";
    download_docx: "Скачать DOCX", "Download DOCX";
    back_to_cohort: "К потоку", "Back to the cohort";
    verify: "Проверка удостоверения", "Certificate check";
    verify_intro: "Введите регистрационный номер удостоверения или сертификата, например 1-2026-0001.", "Enter the certificate's number, for example 1-2026-0001.";
    verify_number: "Номер документа", "Document number";
    verify_code: "Код проверки (указан на документе)", "Verification code (printed on the document)";
    verify_masked: "Полное имя слушателя показывается только с кодом проверки, указанным на документе.", "The holder's full name is shown only with the verification code printed on the document.";
    verify_code_wrong: "Код проверки не совпадает: имя показано сокращённо.", "The verification code does not match: the name is shown abbreviated.";
    verify_revoked: "Документ отозван выдавшей его организацией", "The document was revoked by its issuer";
    verify_submit: "Проверить", "Check";
    verify_valid: "Документ действителен", "The document is valid";
    verify_not_found: "Документ с таким номером не выдавался.", "No document with this number was issued.";
    verify_limited: "Слишком много проверок подряд. Повторите через минуту.", "Too many checks in a row. Try again in a minute.";
    holder: "Слушатель", "Holder";
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
    refused_own_record: "Свою посещаемость, завершение обучения и удостоверение отмечает другой сотрудник школы.", "Your own attendance, completion and certificate are another staff member's to record.";
    refused_below_threshold: "Посещено меньше часов, чем нужно для завершения обучения.", "Fewer hours attended than completion needs.";
    refused_certificate_revoked: "Удостоверение уже отозвано.", "The certificate is revoked already.";
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

    /// The heading of a certificate of `kind`.
    pub fn kind_name(&self, kind: CertificateKind) -> &'static str {
        match kind {
            CertificateKind::Udostoverenie => self.kind_udostoverenie,
            CertificateKind::Sertifikat => self.kind_sertifikat,
        }
    }
}
