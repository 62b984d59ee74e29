//! The name of an order's DOCX file, the same whether the server sends it or the web
//! app saves it.

use openapi::orders::OrderStatus;

/// `order-<number>.docx`, with every character of the number other than letters, digits
/// and `-` replaced by `_`, and `-draft` before the extension while the order is a draft.
pub fn file_name(number: &str, status: OrderStatus) -> String {
    let safe_number: String = number
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' { c } else { '_' })
        .collect();
    let draft = match status {
        OrderStatus::Draft => "-draft",
        OrderStatus::Issued => "",
    };
    format!("order-{safe_number}{draft}.docx")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_number_is_made_safe_and_a_draft_is_marked() {
        assert_eq!(file_name("12-од", OrderStatus::Issued), "order-12-од.docx");
        assert_eq!(file_name("12/од 3", OrderStatus::Draft), "order-12_од_3-draft.docx");
        assert_eq!(file_name("../x", OrderStatus::Issued), "order-___x.docx");
    }
}
