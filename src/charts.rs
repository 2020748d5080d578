//! The progress page's charts as geometry: bars, a line and calendar cells in SVG user units,
//! each with the words a screen reader and a tooltip need. The UI draws them as inline SVG;
//! computing them here keeps the drawing code trivial and the numbers testable.

use crate::progress::study::{short_date, Day};
use std::collections::BTreeSet;

/// A rectangle of a bar chart or a calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// CSS class: what the rectangle shows (e.g. `answers`, `level-3`).
    pub class: &'static str,
    /// Tooltip and accessible text.
    pub title: String,
}

/// Text placed on a chart (axis labels).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    pub y: f64,
    pub text: String,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub rects: Vec<Rect>,
    /// An SVG path (`M x y L x y …`), for a line over the bars.
    pub line: Option<String>,
    pub labels: Vec<Label>,
    /// One sentence saying what the chart shows, for screen readers.
    pub summary: String,
}

const BAR_AREA: f64 = 100.0;
const BOTTOM: f64 = 118.0;

/// Mastery per topic: one horizontal bar each, 0–100 %, under the topic's title (a title
/// beside its bar would not fit a phone).
pub fn mastery(topics: &[(&str, u32)]) -> Chart {
    let row = 34.0;
    let width = 320.0;
    let bar = width - 44.0;
    let mut rects = Vec::new();
    let mut labels = Vec::new();
    for (i, (title, pct)) in topics.iter().enumerate() {
        let y = i as f64 * row;
        let pct = (*pct).min(100);
        labels.push(Label {
            x: 0.0,
            y: y + 12.0,
            text: (*title).to_string(),
            anchor: "start",
        });
        rects.push(Rect {
            x: 0.0,
            y: y + 17.0,
            width: bar * f64::from(pct) / 100.0,
            height: 10.0,
            class: "mastery",
            title: format!("{title}: {pct}% mastered"),
        });
        labels.push(Label {
            x: width,
            y: y + 26.0,
            text: format!("{pct}%"),
            anchor: "end",
        });
    }
    let best = topics.iter().max_by_key(|t| t.1);
    let worst = topics.iter().min_by_key(|t| t.1);
    let summary = match (best, worst) {
        (Some(b), Some(w)) => format!(
            "Mastery by topic: strongest {} at {}%, weakest {} at {}%.",
            b.0, b.1, w.0, w.1
        ),
        _ => "No topics yet.".into(),
    };
    Chart {
        width,
        height: topics.len() as f64 * row,
        rects,
        line: None,
        labels,
        summary,
    }
}

/// Answers per day as bars, with the day's accuracy as a line, oldest day first.
/// `first_day` is the day number of `days[0]`.
pub fn daily(days: &[Day], first_day: i64) -> Chart {
    let n = days.len().max(1) as f64;
    let width = 420.0;
    let slot = width / n;
    let most = days.iter().map(|d| d.answers).max().unwrap_or(0).max(1) as f64;
    let mut rects = Vec::new();
    let mut points = Vec::new();
    for (i, d) in days.iter().enumerate() {
        let x = i as f64 * slot;
        let h = BAR_AREA * d.answers as f64 / most;
        let date = short_date(first_day + i as i64);
        let accuracy = (d.answers > 0).then(|| d.right * 100 / d.answers);
        rects.push(Rect {
            x: x + slot * 0.15,
            y: BAR_AREA - h,
            width: slot * 0.7,
            height: h,
            class: "answers",
            title: match accuracy {
                Some(a) => format!("{date}: {} answers, {a}% right", d.answers),
                None => format!("{date}: no answers"),
            },
        });
        if let Some(a) = accuracy {
            points.push((x + slot / 2.0, BAR_AREA - BAR_AREA * a as f64 / 100.0));
        }
    }
    let line = (points.len() > 1).then(|| path(&points));
    let total: usize = days.iter().map(|d| d.answers).sum();
    let right: usize = days.iter().map(|d| d.right).sum();
    let active = days.iter().filter(|d| d.answers > 0).count();
    let labels = axis(first_day, days.len(), slot);
    let summary = match (right * 100).checked_div(total) {
        None => format!("No answers in the last {} days.", days.len()),
        Some(pct) => format!(
            "{total} answers on {active} of the last {} days, {pct}% right.",
            days.len()
        ),
    };
    Chart {
        width,
        height: BOTTOM,
        rects,
        line,
        labels,
        summary,
    }
}

/// Reviews due on each coming day, today first.
pub fn forecast(counts: &[usize], today: i64) -> Chart {
    let n = counts.len().max(1) as f64;
    let width = 420.0;
    let slot = width / n;
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let rects = counts
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            let h = BAR_AREA * c as f64 / most;
            let when = if i == 0 {
                "Today".to_string()
            } else {
                short_date(today + i as i64)
            };
            Rect {
                x: i as f64 * slot + slot * 0.15,
                y: BAR_AREA - h,
                width: slot * 0.7,
                height: h,
                class: "due",
                title: format!("{when}: {c} due"),
            }
        })
        .collect();
    let total: usize = counts.iter().sum();
    let summary = format!(
        "{total} reviews due in the next {} days, {} of them today.",
        counts.len(),
        counts.first().copied().unwrap_or(0)
    );
    Chart {
        width,
        height: BOTTOM,
        rects,
        line: None,
        labels: axis(today, counts.len(), slot),
        summary,
    }
}

/// A calendar of the last `weeks` weeks, a column per week and a row per weekday, with the days
/// that had answers filled in. `today` is a day number (1970-01-01, a Thursday, is day 0).
pub fn calendar(active: &BTreeSet<i64>, today: i64, weeks: usize, streak: usize) -> Chart {
    let cell = 13.0;
    // Monday-first weekday: day 0 was a Thursday (3).
    let weekday = |d: i64| (d + 3).rem_euclid(7);
    let first = today - weekday(today) - 7 * (weeks as i64 - 1);
    let mut rects = Vec::new();
    for d in first..=today {
        let col = ((d - first) / 7) as f64;
        let row = weekday(d) as f64;
        let on = active.contains(&d);
        rects.push(Rect {
            x: col * cell,
            y: row * cell,
            width: cell - 2.0,
            height: cell - 2.0,
            class: if on { "day-active" } else { "day-idle" },
            title: format!(
                "{}: {}",
                short_date(d),
                if on { "practised" } else { "no practice" }
            ),
        });
    }
    let days_on = active.range(first..=today).count();
    let summary = format!(
        "Practised on {days_on} of the last {} days; current streak {streak} day{}.",
        today - first + 1,
        if streak == 1 { "" } else { "s" }
    );
    Chart {
        width: weeks as f64 * cell,
        height: 7.0 * cell,
        rects,
        line: None,
        labels: Vec::new(),
        summary,
    }
}

/// Dates under the first, middle and last bars.
fn axis(first_day: i64, n: usize, slot: f64) -> Vec<Label> {
    if n == 0 {
        return Vec::new();
    }
    let mut picks = vec![0, n / 2, n - 1];
    picks.dedup();
    picks
        .into_iter()
        .map(|i| Label {
            x: i as f64 * slot + slot / 2.0,
            y: BOTTOM - 2.0,
            text: short_date(first_day + i as i64),
            anchor: "middle",
        })
        .collect()
}

fn path(points: &[(f64, f64)]) -> String {
    let mut d = String::new();
    for (i, (x, y)) in points.iter().enumerate() {
        d.push_str(if i == 0 { "M" } else { " L" });
        d.push_str(&bank_format::json::fixed(*x, 1));
        d.push(' ');
        d.push_str(&bank_format::json::fixed(*y, 1));
    }
    d
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOV_30_2026: i64 = 20_787;

    #[test]
    fn daily_bars_scale_to_the_busiest_day_and_the_line_follows_accuracy() {
        let days = [
            Day {
                answers: 0,
                right: 0,
            },
            Day {
                answers: 4,
                right: 2,
            },
            Day {
                answers: 8,
                right: 8,
            },
        ];
        let c = daily(&days, NOV_30_2026 - 2);
        assert_eq!(c.rects.len(), 3);
        assert_eq!(c.rects[2].height, 100.0);
        assert_eq!(c.rects[1].height, 50.0);
        assert_eq!(c.rects[0].height, 0.0);
        assert_eq!(c.rects[1].title, "Nov 29: 4 answers, 50% right");
        assert_eq!(c.rects[0].title, "Nov 28: no answers");
        assert_eq!(c.line.as_deref(), Some("M210 50 L350 0"));
        assert_eq!(c.summary, "12 answers on 2 of the last 3 days, 83% right.");
        assert_eq!(c.labels.first().map(|l| l.text.as_str()), Some("Nov 28"));
    }

    #[test]
    fn forecast_counts_from_today() {
        let c = forecast(&[3, 0, 1], NOV_30_2026);
        assert_eq!(c.rects[0].title, "Today: 3 due");
        assert_eq!(c.rects[2].title, "Dec 2: 1 due");
        assert_eq!(
            c.summary,
            "4 reviews due in the next 3 days, 3 of them today."
        );
    }

    #[test]
    fn mastery_bars_and_summary() {
        let c = mastery(&[
            ("Files, formats & the standard library", 80),
            ("Typing", 10),
        ]);
        assert!(c.rects[0].width > c.rects[1].width);
        // Titles start at the left edge, above their bars, so none is cut off.
        assert!(c.labels.iter().all(|l| l.x >= 0.0 && l.x <= c.width));
        assert_eq!((c.labels[0].x, c.labels[0].anchor), (0.0, "start"));
        assert!(c.labels[0].y < c.rects[0].y && c.rects[0].y < c.labels[2].y);
        assert!(c.rects.iter().all(|r| r.x + r.width <= c.width - 40.0));
        let c = mastery(&[("Scope", 80), ("Typing", 10)]);
        assert_eq!(
            c.summary,
            "Mastery by topic: strongest Scope at 80%, weakest Typing at 10%."
        );
    }

    #[test]
    fn the_calendar_ends_today_in_its_weekday_row() {
        let active: BTreeSet<i64> = [NOV_30_2026, NOV_30_2026 - 1].into_iter().collect();
        let c = calendar(&active, NOV_30_2026, 2, 2);
        // Nov 30 2026 is a Monday: the second column's first row, and the last cell.
        let last = c.rects.last().unwrap();
        assert_eq!((last.x, last.y, last.class), (13.0, 0.0, "day-active"));
        assert_eq!(c.rects.len(), 8, "a full week and today");
        assert_eq!(
            c.summary,
            "Practised on 2 of the last 8 days; current streak 2 days."
        );
    }
}
