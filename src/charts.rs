//! The progress page's charts as geometry: bars, a line with its points, grid lines, calendar
//! cells and every label in SVG user units, each mark with the words a screen reader and a
//! tooltip need. The UI draws them as inline SVG; computing them here keeps the drawing code
//! trivial and the numbers testable.
//!
//! Every mark and label lies inside `0..width` × `0..height`, so nothing is clipped at an
//! edge. A chart with nothing to show has no marks and says so in `empty`.

use crate::progress::study::{civil_from_days, short_date, Tally};
use std::collections::BTreeSet;

/// A rectangle of a bar chart or a calendar.
#[derive(Clone, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// CSS class: what the rectangle shows (e.g. `answers`, `day-active`).
    pub class: &'static str,
    /// Tooltip and accessible text; empty for a placeholder (a day still to come).
    pub title: String,
}

/// Text placed on a chart: tick values, dates, weekdays, months, a bar's value.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub x: f64,
    /// The text's baseline.
    pub y: f64,
    pub text: String,
    /// `start`, `middle` or `end`.
    pub anchor: &'static str,
    /// CSS class: `tick`, `date`, `value`, `weekday` or `month`.
    pub class: &'static str,
}

/// A straight line: a grid line at a tick, or an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Rule {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    /// `grid` or `axis`.
    pub class: &'static str,
}

/// A point of the line, drawn as a marker so that a single day still shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Dot {
    pub cx: f64,
    pub cy: f64,
    pub title: String,
}

/// One entry of a chart's legend: the CSS class of its swatch and what it stands for.
#[derive(Clone, Debug, PartialEq)]
pub struct Key {
    pub class: &'static str,
    pub text: &'static str,
}

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Chart {
    pub width: f64,
    pub height: f64,
    pub rules: Vec<Rule>,
    pub rects: Vec<Rect>,
    /// An SVG path (`M x y L x y …`) through `dots`, when there are two or more.
    pub line: Option<String>,
    pub dots: Vec<Dot>,
    pub labels: Vec<Label>,
    pub legend: Vec<Key>,
    /// One sentence saying what the chart shows, for screen readers.
    pub summary: String,
    /// Said, visibly, instead of an empty frame when there is nothing to draw.
    pub empty: Option<String>,
}

/// Said by a chart of a learner who has not answered anything yet.
pub const NO_DATA: &str = "No data yet";

/// The width of the bar charts, in SVG units (scaled to the column's width).
const WIDTH: f64 = 320.0;
/// Where the plot area of a bar chart starts, leaving room for the top tick's label.
const TOP: f64 = 10.0;
/// The baseline of a bar chart: the zero line.
const BASE: f64 = 110.0;
/// Dates sit under the baseline.
const DATE_Y: f64 = BASE + 15.0;
const HEIGHT: f64 = BASE + 19.0;
/// Half a label's height above its baseline: to centre labels on a tick.
const HALF_TEXT: f64 = 4.0;

/// Answers per day as bars against a scale of answers on the left, and each day's % right as
/// a line with a point per day against a 0–100 % scale on the right. Oldest day first;
/// `first_day` is the day number of `days[0]`. `history`: whether the learner has answered
/// anything ever (an empty chart says "No data yet", or that the window is empty).
pub fn daily(days: &[Tally], first_day: i64, history: bool) -> Chart {
    let total: Tally = days.iter().copied().sum();
    let n = days.len();
    let Some(pct) = total.percent() else {
        let text = if history {
            format!("No answers in the last {n} days")
        } else {
            NO_DATA.to_string()
        };
        return empty(text);
    };
    let (left, right) = (28.0, WIDTH - 42.0);
    let slot = (right - left) / n as f64;
    let most = days.iter().map(|d| d.answers).max().unwrap_or(0);
    let (step, top) = nice_scale(most, 4);
    let y_of = |v: f64| BASE - (BASE - TOP) * v;
    let mut rules = Vec::new();
    let mut labels = Vec::new();
    for k in 0..=top / step {
        let v = k * step;
        let y = y_of(v as f64 / top as f64);
        rules.push(Rule {
            x1: left,
            y1: y,
            x2: right,
            y2: y,
            class: if v == 0 { "axis" } else { "grid" },
        });
        labels.push(Label {
            x: left - 4.0,
            y: y + HALF_TEXT,
            text: v.to_string(),
            anchor: "end",
            class: "tick",
        });
    }
    for p in [0u32, 50, 100] {
        labels.push(Label {
            x: right + 3.0,
            y: y_of(f64::from(p) / 100.0) + HALF_TEXT,
            text: format!("{p}%"),
            anchor: "start",
            class: "tick pct",
        });
    }
    let mut rects = Vec::new();
    let mut dots = Vec::new();
    for (i, d) in days.iter().enumerate() {
        let x = left + i as f64 * slot;
        let date = short_date(first_day + i as i64);
        let h = (BASE - TOP) * d.answers as f64 / top as f64;
        let title = match d.percent() {
            Some(p) => format!("{date}: {} answers, {p}% right", d.answers),
            None => format!("{date}: no answers"),
        };
        if let Some(p) = d.percent() {
            dots.push(Dot {
                cx: x + slot / 2.0,
                cy: y_of(f64::from(p) / 100.0),
                title: title.clone(),
            });
        }
        rects.push(Rect {
            x: x + slot * 0.15,
            y: BASE - h,
            width: slot * 0.7,
            height: h,
            class: "answers",
            title,
        });
    }
    let points: Vec<(f64, f64)> = dots.iter().map(|d| (d.cx, d.cy)).collect();
    let active = days.iter().filter(|d| d.answers > 0).count();
    labels.extend(dates(first_day, n, left, right, None));
    Chart {
        width: WIDTH,
        height: HEIGHT,
        rules,
        rects,
        line: (points.len() > 1).then(|| path(&points)),
        dots,
        labels,
        legend: vec![
            Key {
                class: "answers",
                text: "answers (left scale)",
            },
            Key {
                class: "pct",
                text: "% right (right scale)",
            },
        ],
        summary: format!(
            "{} answers on {active} of the last {n} days, {pct}% right.",
            total.answers
        ),
        empty: None,
    }
}

/// Reviews due on each coming day, today first, each bar with its count above it.
/// `history`: whether the learner has answered anything (else the chart says "No data yet").
pub fn forecast(counts: &[usize], today: i64, history: bool) -> Chart {
    let n = counts.len();
    let total: usize = counts.iter().sum();
    if total == 0 {
        return empty(if history {
            format!("Nothing due in the next {n} days")
        } else {
            NO_DATA.to_string()
        });
    }
    let (left, right) = (4.0, WIDTH - 4.0);
    // Room above the tallest bar for its count.
    let top = TOP + 8.0;
    let slot = (right - left) / n as f64;
    let most = counts.iter().copied().max().unwrap_or(0).max(1) as f64;
    let mut rects = Vec::new();
    let mut labels = Vec::new();
    for (i, &c) in counts.iter().enumerate() {
        let x = left + i as f64 * slot;
        let h = (BASE - top) * c as f64 / most;
        let when = if i == 0 {
            "Today".to_string()
        } else {
            short_date(today + i as i64)
        };
        rects.push(Rect {
            x: x + slot * 0.15,
            y: BASE - h,
            width: slot * 0.7,
            height: h,
            class: "due",
            title: format!("{when}: {c} due"),
        });
        if c > 0 {
            labels.push(Label {
                x: x + slot / 2.0,
                y: BASE - h - 3.0,
                text: c.to_string(),
                anchor: "middle",
                class: "value",
            });
        }
    }
    labels.extend(dates(today, n, left, right, Some("Today")));
    Chart {
        width: WIDTH,
        height: HEIGHT,
        rules: vec![Rule {
            x1: left,
            y1: BASE,
            x2: right,
            y2: BASE,
            class: "axis",
        }],
        rects,
        labels,
        summary: format!(
            "{total} reviews due in the next {n} days, {} of them today.",
            counts.first().copied().unwrap_or(0)
        ),
        ..Chart::default()
    }
}

/// A calendar of the last `weeks` weeks, a column per week (Monday to Sunday, top to bottom)
/// with the month above the column where it starts, weekday names on the left, and the days
/// that had answers filled in. The rest of this week is drawn as empty cells, so today sits
/// inside a whole grid. `today` is a day number (1970-01-01, a Thursday, is day 0).
pub fn calendar(active: &BTreeSet<i64>, today: i64, weeks: usize, streak: usize) -> Chart {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let (cell, left, top) = (13.0, 28.0, 14.0);
    // Monday-first weekday: day 0 was a Thursday (3).
    let weekday = |d: i64| (d + 3).rem_euclid(7);
    let first = today - weekday(today) - 7 * (weeks as i64 - 1);
    let days_on = active.range(first..=today).count();
    if days_on == 0 {
        return empty(if active.is_empty() {
            NO_DATA.to_string()
        } else {
            format!("No practice in the last {weeks} weeks")
        });
    }
    let last = first + 7 * weeks as i64 - 1;
    let mut rects = Vec::new();
    for d in first..=last {
        let col = ((d - first) / 7) as f64;
        let row = weekday(d) as f64;
        let on = active.contains(&d);
        let (class, title) = match (d.cmp(&today), on) {
            (std::cmp::Ordering::Greater, _) => ("day-future", String::new()),
            (std::cmp::Ordering::Equal, true) => ("day-active today", "Today: practised".into()),
            (std::cmp::Ordering::Equal, false) => {
                ("day-idle today", "Today: no practice yet".into())
            }
            (_, true) => ("day-active", format!("{}: practised", short_date(d))),
            (_, false) => ("day-idle", format!("{}: no practice", short_date(d))),
        };
        rects.push(Rect {
            x: left + col * cell,
            y: top + row * cell,
            width: cell - 2.0,
            height: cell - 2.0,
            class,
            title,
        });
    }
    let mut labels: Vec<Label> = [(0, "Mon"), (2, "Wed"), (4, "Fri")]
        .into_iter()
        .map(|(row, text)| Label {
            x: left - 4.0,
            y: top + f64::from(row) * cell + (cell - 2.0) / 2.0 + HALF_TEXT,
            text: text.into(),
            anchor: "end",
            class: "weekday",
        })
        .collect();
    // A month's name over the week its 1st falls in; the first column is named too, unless
    // that name would run into the next one.
    let mut months: Vec<(usize, u32)> = (0..weeks)
        .filter_map(|col| {
            (0..7)
                .map(|i| civil_from_days(first + 7 * col as i64 + i))
                .find(|(_, _, day)| *day == 1)
                .map(|(_, m, _)| (col, m))
        })
        .collect();
    if months.first().is_none_or(|(col, _)| *col >= 3) {
        months.insert(0, (0, civil_from_days(first).1));
    }
    labels.extend(months.into_iter().map(|(col, m)| Label {
        x: left + col as f64 * cell,
        y: top - 4.0,
        text: MONTHS[(m as usize).clamp(1, 12) - 1].into(),
        anchor: "start",
        class: "month",
    }));
    Chart {
        width: left + weeks as f64 * cell,
        height: top + 7.0 * cell,
        rects,
        labels,
        legend: vec![
            Key {
                class: "day-active",
                text: "practised",
            },
            Key {
                class: "day-idle",
                text: "no practice",
            },
        ],
        summary: format!(
            "Practised on {days_on} of the last {} days; current streak {streak} day{}.",
            today - first + 1,
            if streak == 1 { "" } else { "s" }
        ),
        ..Chart::default()
    }
}

/// A chart with nothing to draw: the sentence is both shown and read.
fn empty(text: String) -> Chart {
    Chart {
        summary: format!("{text}."),
        empty: Some(text),
        ..Chart::default()
    }
}

/// A scale for counts up to `most`: a step of 1, 2 or 5 times a power of ten, and the top of
/// the scale, a multiple of the step at or above `most`, reached in at most `ticks` steps.
pub fn nice_scale(most: usize, ticks: usize) -> (usize, usize) {
    let most = most.max(1);
    let ticks = ticks.max(1);
    let mut magnitude = 1usize;
    loop {
        for m in [1, 2, 5] {
            let step = m * magnitude;
            let n = most.div_ceil(step);
            if n <= ticks {
                return (step, n * step);
            }
        }
        magnitude *= 10;
    }
}

/// Dates under the first, middle and last bars of `n` between `left` and `right`: the first
/// starts at the left edge and the last ends at the right one, so neither is cut off.
fn dates(first_day: i64, n: usize, left: f64, right: f64, first: Option<&str>) -> Vec<Label> {
    if n == 0 {
        return Vec::new();
    }
    let slot = (right - left) / n as f64;
    let mut picks = vec![0, n / 2, n - 1];
    picks.dedup();
    picks
        .into_iter()
        .map(|i| {
            let (x, anchor) = match i {
                0 => (left, "start"),
                i if i == n - 1 => (right, "end"),
                i => (left + i as f64 * slot + slot / 2.0, "middle"),
            };
            Label {
                x,
                y: DATE_Y,
                text: match (i, first) {
                    (0, Some(name)) => name.to_string(),
                    _ => short_date(first_day + i as i64),
                },
                anchor,
                class: "date",
            }
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

    fn day(answers: usize, right: usize) -> Tally {
        Tally { answers, right }
    }

    /// Every mark and label of `c` lies inside its frame (labels by their anchor point).
    fn inside(c: &Chart) {
        let (w, h) = (c.width, c.height);
        for r in &c.rects {
            assert!(r.x >= 0.0 && r.y >= 0.0, "{r:?}");
            assert!(
                r.x + r.width <= w && r.y + r.height <= h,
                "{r:?} in {w}×{h}"
            );
        }
        for l in &c.labels {
            assert!(
                l.x >= 0.0 && l.x <= w && l.y > 0.0 && l.y <= h,
                "{l:?} in {w}×{h}"
            );
        }
        for d in &c.dots {
            assert!(d.cx - 3.0 >= 0.0 && d.cx + 3.0 <= w && d.cy - 3.0 >= 0.0 && d.cy <= h);
        }
    }

    fn texts<'a>(c: &'a Chart, class: &str) -> Vec<&'a str> {
        c.labels
            .iter()
            .filter(|l| l.class == class)
            .map(|l| l.text.as_str())
            .collect()
    }

    #[test]
    fn scales_step_by_one_two_or_five() {
        assert_eq!(nice_scale(0, 4), (1, 1));
        assert_eq!(nice_scale(1, 4), (1, 1));
        assert_eq!(nice_scale(3, 4), (1, 3));
        assert_eq!(nice_scale(7, 4), (2, 8));
        assert_eq!(nice_scale(8, 4), (2, 8));
        assert_eq!(nice_scale(13, 4), (5, 15));
        assert_eq!(nice_scale(20, 4), (5, 20));
        assert_eq!(nice_scale(21, 4), (10, 30));
        assert_eq!(nice_scale(950, 4), (500, 1000));
    }

    #[test]
    fn daily_bars_stand_on_a_labelled_scale_and_the_line_follows_accuracy() {
        let days = [day(0, 0), day(4, 2), day(7, 7)];
        let c = daily(&days, NOV_30_2026 - 2, true);
        assert_eq!(c.empty, None);
        // 7 answers at most: a scale of 0, 2, 4, 6, 8 with a grid line at each tick.
        assert_eq!(texts(&c, "tick"), ["0", "2", "4", "6", "8"]);
        assert_eq!(texts(&c, "tick pct"), ["0%", "50%", "100%"]);
        assert_eq!(c.rules.len(), 5);
        assert_eq!(c.rules[0].class, "axis");
        assert_eq!((c.rules[0].y1, c.rules[4].y1), (BASE, TOP));
        // Bars are scaled to the top of the scale (8), not to the busiest day.
        assert_eq!(c.rects[2].height, 100.0 * 7.0 / 8.0);
        assert_eq!(c.rects[1].height, 50.0);
        assert_eq!(c.rects[0].height, 0.0);
        assert_eq!(c.rects[2].y + c.rects[2].height, BASE);
        // The 4-answer bar's top is level with the "4" tick.
        let four = c.labels.iter().find(|l| l.text == "4").unwrap();
        assert_eq!(c.rects[1].y, four.y - HALF_TEXT);
        assert_eq!(c.rects[1].title, "Nov 29: 4 answers, 50% right");
        assert_eq!(c.rects[0].title, "Nov 28: no answers");
        // One point per day with answers: 50% half way up, 100% at the top.
        assert_eq!(c.dots.len(), 2);
        assert_eq!(c.dots[0].cy, 60.0);
        assert_eq!(c.dots[1].cy, TOP);
        assert_eq!(c.dots[1].title, "Nov 30: 7 answers, 100% right");
        let slot = (WIDTH - 42.0 - 28.0) / 3.0;
        assert!(
            (c.dots[0].cx - (28.0 + 1.5 * slot)).abs() < 1e-9,
            "the middle of its bar"
        );
        assert_eq!(c.line.as_deref(), Some("M153 60 L236.3 10"));
        assert_eq!(c.summary, "11 answers on 2 of the last 3 days, 82% right.");
        assert_eq!(texts(&c, "date"), ["Nov 28", "Nov 29", "Nov 30"]);
        assert_eq!(c.legend.len(), 2);
        inside(&c);
    }

    #[test]
    fn one_day_of_answers_is_a_point_not_nothing_and_its_bar_is_not_cut_off() {
        let mut days = [Tally::default(); 30];
        days[29] = day(20, 6);
        let c = daily(&days, NOV_30_2026 - 29, true);
        assert_eq!(c.line, None, "no line through one point");
        assert_eq!(c.dots.len(), 1);
        assert_eq!(c.dots[0].cy, BASE - 100.0 * 0.3);
        assert_eq!(c.dots[0].cx, c.rects[29].x + c.rects[29].width / 2.0);
        assert_eq!(c.summary, "20 answers on 1 of the last 30 days, 30% right.");
        let last = &c.rects[29];
        assert!(
            last.x + last.width < WIDTH - 30.0,
            "room for the % scale after it"
        );
        assert_eq!(texts(&c, "tick"), ["0", "5", "10", "15", "20"]);
        let today = c.labels.iter().find(|l| l.text == "Nov 30").unwrap();
        assert_eq!(today.anchor, "end");
        inside(&c);
    }

    #[test]
    fn empty_charts_say_so() {
        let none = [Tally::default(); 30];
        let c = daily(&none, NOV_30_2026 - 29, false);
        assert_eq!(c.empty.as_deref(), Some("No data yet"));
        assert!(c.rects.is_empty() && c.labels.is_empty() && c.dots.is_empty());
        assert_eq!(
            daily(&none, NOV_30_2026 - 29, true).empty.as_deref(),
            Some("No answers in the last 30 days")
        );
        assert_eq!(
            forecast(&[0; 14], NOV_30_2026, false).empty.as_deref(),
            Some("No data yet")
        );
        assert_eq!(
            forecast(&[0; 14], NOV_30_2026, true).empty.as_deref(),
            Some("Nothing due in the next 14 days")
        );
        let c = calendar(&BTreeSet::new(), NOV_30_2026, 16, 0);
        assert_eq!(c.empty.as_deref(), Some("No data yet"));
        assert_eq!(c.summary, "No data yet.");
        let long_ago: BTreeSet<i64> = [NOV_30_2026 - 200].into_iter().collect();
        assert_eq!(
            calendar(&long_ago, NOV_30_2026, 16, 0).empty.as_deref(),
            Some("No practice in the last 16 weeks")
        );
    }

    #[test]
    fn forecast_counts_from_today_and_shows_each_value() {
        let c = forecast(&[3, 0, 1], NOV_30_2026, true);
        assert_eq!(c.rects[0].title, "Today: 3 due");
        assert_eq!(c.rects[2].title, "Dec 2: 1 due");
        assert_eq!(texts(&c, "value"), ["3", "1"], "no label on an empty day");
        let three = &c.labels[0];
        assert_eq!(three.y, c.rects[0].y - 3.0, "just above its bar");
        assert_eq!(three.x, c.rects[0].x + c.rects[0].width / 2.0);
        assert!(
            three.y - 9.0 >= 0.0,
            "the tallest bar's value is not cut off"
        );
        assert_eq!(texts(&c, "date"), ["Today", "Dec 1", "Dec 2"]);
        assert_eq!(
            c.summary,
            "4 reviews due in the next 3 days, 3 of them today."
        );
        inside(&c);
    }

    #[test]
    fn the_calendar_names_weekdays_and_months_and_keeps_today_inside_the_grid() {
        let active: BTreeSet<i64> = [NOV_30_2026, NOV_30_2026 - 1].into_iter().collect();
        let c = calendar(&active, NOV_30_2026, 2, 2);
        // Two whole weeks: Nov 23 to Dec 6, today (a Monday) at the top of the second column.
        assert_eq!(c.rects.len(), 14);
        let today = c.rects.iter().find(|r| r.class.contains("today")).unwrap();
        assert_eq!((today.x, today.y), (28.0 + 13.0, 14.0));
        assert_eq!(today.class, "day-active today");
        assert_eq!(today.title, "Today: practised");
        let right = c.rects.iter().map(|r| r.x + r.width).fold(0.0, f64::max);
        let bottom = c.rects.iter().map(|r| r.y + r.height).fold(0.0, f64::max);
        assert!(today.x + today.width <= right && today.y + today.height < bottom);
        assert_eq!(
            c.rects.iter().filter(|r| r.class == "day-future").count(),
            6,
            "Tuesday to Sunday still to come"
        );
        assert!(c
            .rects
            .iter()
            .filter(|r| r.class == "day-future")
            .all(|r| r.title.is_empty()));
        assert_eq!(texts(&c, "weekday"), ["Mon", "Wed", "Fri"]);
        // December starts in the second column: too close to name November over the first.
        assert_eq!(texts(&c, "month"), ["Dec"]);
        let dec = c.labels.iter().find(|l| l.text == "Dec").unwrap();
        assert_eq!(dec.x, today.x);
        assert_eq!(
            c.summary,
            "Practised on 2 of the last 8 days; current streak 2 days."
        );
        inside(&c);
    }

    #[test]
    fn sixteen_weeks_name_each_month_once_without_crowding() {
        let active: BTreeSet<i64> = [NOV_30_2026].into_iter().collect();
        let c = calendar(&active, NOV_30_2026, 16, 1);
        assert_eq!(c.rects.len(), 16 * 7);
        // From Aug 17: September starts in the third column, too close to name August over
        // the first; then October, November and December over their first weeks.
        assert_eq!(short_date(NOV_30_2026 - 7 * 15), "Aug 17");
        assert_eq!(texts(&c, "month"), ["Sep", "Oct", "Nov", "Dec"]);
        let xs: Vec<f64> = c
            .labels
            .iter()
            .filter(|l| l.class == "month")
            .map(|l| l.x)
            .collect();
        assert!(xs.windows(2).all(|w| w[1] - w[0] >= 3.0 * 13.0), "{xs:?}");
        // From Aug 3, September starts in the fifth column: August names the first.
        let active: BTreeSet<i64> = [NOV_30_2026 - 14].into_iter().collect();
        let c = calendar(&active, NOV_30_2026 - 14, 16, 1);
        let first = c.rects.first().unwrap();
        assert_eq!(short_date(NOV_30_2026 - 14 - 7 * 15), "Aug 3");
        assert_eq!(first.title, "Aug 3: no practice");
        assert_eq!(texts(&c, "month"), ["Aug", "Sep", "Oct", "Nov"]);
        inside(&c);
    }
}
