//! The texts of feedback links tied to people (the respondent's e-mail, the links of a
//! delivery, its people reached), in Russian and English side by side: one line per
//! text, so neither language can miss one.

/// Declares [`FeedbackLinkTexts`] and its two catalogues from `field: "русский", "English"` lines.
macro_rules! feedback_link_texts {
    ($($field:ident: $ru:literal, $en:literal;)+) => {
        /// The texts of feedback links in one language.
        #[derive(Debug)]
        pub struct FeedbackLinkTexts {
            $(
                #[doc = concat!("«", $ru, "»")]
                pub $field: &'static str,
            )+
        }

        /// Feedback links in Russian.
        pub const RU_FEEDBACK_LINKS: FeedbackLinkTexts = FeedbackLinkTexts { $($field: $ru,)+ };

        /// Feedback links in English.
        pub const EN_FEEDBACK_LINKS: FeedbackLinkTexts = FeedbackLinkTexts { $($field: $en,)+ };
    };
}

feedback_link_texts! {
    email: "E-mail респондента", "Respondent's e-mail";
    name: "ФИО и должность (необязательно)", "Name and position (optional)";
    heading: "Выданные ссылки", "Issued links";
    none: "Ссылок пока нет", "No links yet";
    used: "отзыв получен", "answered";
    valid_until: "действует до", "valid until";
    issued: "Ссылок для отзывов", "Feedback links";
    recipients: "Охвачено человек", "People reached";
    recipients_hint: "Сколько педагогов получили ресурс: столько ссылок для отзывов сможет выдать школа-получатель (не больше 200).", "How many teachers received the resource: the receiving school may issue as many feedback links (200 at most).";
    respondents: "Респондентов", "Respondents";
    refused_linked: "Для этого e-mail по этой поставке ссылка уже выдана или отзыв уже получен.", "This e-mail already has a link for this delivery, or has answered about it.";
    already_answered: "С этого e-mail отзыв об этой поставке уже получен.", "This e-mail has already answered about this delivery.";
    refused_limit: "Ссылок выдано столько, сколько человек получили ресурс: больше выдать нельзя.", "As many links are issued as people received the resource; no more can be issued.";
}
