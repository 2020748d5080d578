use yew::prelude::*;

/// HTML that the content compiler produced at build time (escaped, links checked), so it is
/// trusted here and inserted as is. The one place the app inserts raw HTML.
pub fn raw_html(html: &str) -> Html {
    Html::from_html_unchecked(AttrValue::from(html.to_string()))
}

/// "3 questions", "1 question".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "42 s", "3 min 5 s".
pub fn duration(ms: f64) -> String {
    let secs = (ms / 1000.0).round().max(0.0) as u64;
    if secs < 60 {
        format!("{secs} s")
    } else {
        format!("{} min {} s", secs / 60, secs % 60)
    }
}
