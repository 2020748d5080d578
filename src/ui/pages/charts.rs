use crate::charts::Chart;
use yew::prelude::*;

/// A chart from `crate::charts` as inline SVG: geometry attributes only (no inline styles, so
/// the strict CSP holds), a sentence for screen readers, a tooltip on every mark and a legend.
/// A chart with nothing to draw says so in words instead of showing an empty frame.
pub fn chart(title: &str, class: &'static str, c: &Chart) -> Html {
    let view_box = format!("0 0 {} {}", fmt(c.width.max(1.0)), fmt(c.height.max(1.0)));
    html! {
        <figure class={classes!("chart", class)}>
            <figcaption>{ title }</figcaption>
            if let Some(text) = &c.empty {
                <p class="chart-empty">{ text.clone() }</p>
            } else {
                <svg viewBox={view_box} role="img" aria-label={c.summary.clone()} focusable="false">
                    { for c.rules.iter().map(|r| html! {
                        <line x1={fmt(r.x1)} y1={fmt(r.y1)} x2={fmt(r.x2)} y2={fmt(r.y2)} class={r.class} />
                    }) }
                    { for c.rects.iter().map(|r| html! {
                        <rect x={fmt(r.x)} y={fmt(r.y)} width={fmt(r.width)} height={fmt(r.height)} class={r.class}>
                            if !r.title.is_empty() { <title>{ r.title.clone() }</title> }
                        </rect>
                    }) }
                    if let Some(d) = &c.line { <path d={d.clone()} class="line" /> }
                    { for c.dots.iter().map(|d| html! {
                        <circle cx={fmt(d.cx)} cy={fmt(d.cy)} r="3" class="dot">
                            <title>{ d.title.clone() }</title>
                        </circle>
                    }) }
                    { for c.labels.iter().map(|l| html! {
                        <text x={fmt(l.x)} y={fmt(l.y)} text-anchor={l.anchor} class={classes!("label", l.class)}>{ l.text.clone() }</text>
                    }) }
                </svg>
                if !c.legend.is_empty() {
                    <ul class="legend">
                        { for c.legend.iter().map(|k| html! {
                            <li><span class={classes!("swatch", k.class)} aria-hidden="true"></span>{ k.text }</li>
                        }) }
                    </ul>
                }
                <p class="visually-hidden">{ c.summary.clone() }</p>
            }
        </figure>
    }
}

fn fmt(n: f64) -> String {
    bank_format::json::fixed(n, 1)
}
