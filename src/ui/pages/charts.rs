use crate::charts::Chart;
use yew::prelude::*;

/// A chart from `crate::charts` as inline SVG: geometry attributes only (no inline styles, so
/// the strict CSP holds), a sentence for screen readers, and a tooltip on every mark.
pub fn chart(title: &str, class: &'static str, c: &Chart) -> Html {
    let view_box = format!("0 0 {} {}", c.width.max(1.0), c.height.max(1.0));
    html! {
        <figure class={format!("chart {class}")}>
            <figcaption>{ title }</figcaption>
            <svg viewBox={view_box} role="img" aria-label={c.summary.clone()} focusable="false">
                { for c.rects.iter().map(|r| html! {
                    <rect x={fmt(r.x)} y={fmt(r.y)} width={fmt(r.width)} height={fmt(r.height)} class={r.class}>
                        <title>{ r.title.clone() }</title>
                    </rect>
                }) }
                if let Some(d) = &c.line { <path d={d.clone()} class="line" /> }
                { for c.labels.iter().map(|l| html! {
                    <text x={fmt(l.x)} y={fmt(l.y)} text-anchor={l.anchor} class="label">{ l.text.clone() }</text>
                }) }
            </svg>
            <p class="visually-hidden">{ c.summary.clone() }</p>
        </figure>
    }
}

fn fmt(n: f64) -> String {
    bank_format::json::fixed(n, 1)
}
