//! A count with its noun in the right form: «1 день», «2 дня», «5 дней», «11 дней»,
//! «21 день»; «1 day», «2 days».

/// Which form of a noun a count takes in Russian.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RussianForm {
    /// 1, 21, 101, … but not 11: «день».
    One,
    /// 2–4, 22–24, … but not 12–14: «дня».
    Few,
    /// 0, 5–20, 25–30, 11–14, …: «дней».
    Many,
}

/// The Russian form a count takes; a negative count takes the form of its magnitude.
pub fn russian_form(count: i64) -> RussianForm {
    let count = count.unsigned_abs();
    match (count % 10, count % 100) {
        (1, tens) if tens != 11 => RussianForm::One,
        (2..=4, tens) if !(12..=14).contains(&tens) => RussianForm::Few,
        _ => RussianForm::Many,
    }
}

/// The forms of a noun after a number, in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noun {
    /// Russian: «день», «дня», «дней».
    Russian {
        /// After 1, 21, 101, …
        one: &'static str,
        /// After 2–4, 22–24, …
        few: &'static str,
        /// After 0, 5–20, 11–14, 25–30, …
        many: &'static str,
    },
    /// English: «day», «days».
    English {
        /// After 1.
        one: &'static str,
        /// After any other count.
        other: &'static str,
    },
}

impl Noun {
    /// The form of the noun after `count`.
    pub fn form(self, count: i64) -> &'static str {
        match self {
            Self::Russian { one, few, many } => match russian_form(count) {
                RussianForm::One => one,
                RussianForm::Few => few,
                RussianForm::Many => many,
            },
            Self::English { one, other } => {
                if count.unsigned_abs() == 1 {
                    one
                } else {
                    other
                }
            }
        }
    }

    /// The count followed by the noun: «5 дней».
    pub fn count(self, count: i64) -> String {
        format!("{count} {}", self.form(count))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAYS: Noun = Noun::Russian {
        one: "день",
        few: "дня",
        many: "дней",
    };

    #[test]
    fn russian_counts_take_the_right_form() {
        let shown: Vec<String> = [0, 1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111, 112, 1001]
            .into_iter()
            .map(|n| DAYS.count(n))
            .collect();
        assert_eq!(
            shown,
            [
                "0 дней",
                "1 день",
                "2 дня",
                "4 дня",
                "5 дней",
                "11 дней",
                "12 дней",
                "14 дней",
                "21 день",
                "22 дня",
                "25 дней",
                "101 день",
                "111 дней",
                "112 дней",
                "1001 день"
            ]
        );
    }

    #[test]
    fn a_negative_count_takes_the_form_of_its_magnitude() {
        assert_eq!(DAYS.form(-1), "день");
        assert_eq!(DAYS.form(-3), "дня");
        assert_eq!(DAYS.form(-7), "дней");
        assert_eq!(russian_form(i64::MIN), RussianForm::Many);
    }

    #[test]
    fn english_counts_are_singular_only_for_one() {
        let days = Noun::English {
            one: "day",
            other: "days",
        };
        assert_eq!(days.count(1), "1 day");
        assert_eq!(days.count(0), "0 days");
        assert_eq!(days.count(21), "21 days");
    }
}
