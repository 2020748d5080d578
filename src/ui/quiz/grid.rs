use yew::prelude::*;

/// One question's cell in the exam grid.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Cell {
    pub answered: bool,
    pub flagged: bool,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    /// One per question, in quiz order.
    pub cells: Vec<Cell>,
    pub position: usize,
    /// Go to the question at this index.
    pub on_go: Callback<usize>,
}

/// The most cells in a row on a wide screen.
const MAX_COLUMNS: usize = 10;

/// How many columns the grid has on a wide screen: at most ten, in rows as even as can be (18
/// questions: two rows of 9, not 10 and 8). Phones fit as many as their width holds.
pub fn columns(n: usize) -> usize {
    if n <= MAX_COLUMNS {
        return n.max(1);
    }
    let rows = n.div_ceil(MAX_COLUMNS);
    n.div_ceil(rows)
}

/// An exam's question grid: jump anywhere; answered cells are filled, flagged ones carry a
/// flag, the current one a heavy frame, with a legend. On a phone it folds away behind a
/// toggle that counts the answers, so the question stays in view.
#[function_component]
pub fn ExamGrid(props: &Props) -> Html {
    let open = use_state(|| false);
    let n = props.cells.len();
    let answered = props.cells.iter().filter(|c| c.answered).count();
    let flagged = props.cells.iter().filter(|c| c.flagged).count();
    let toggle_label = if flagged > 0 {
        format!("Questions ({answered} of {n} answered, {flagged} flagged)")
    } else {
        format!("Questions ({answered} of {n} answered)")
    };
    let toggle = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(!*open))
    };
    let cells = props.cells.iter().enumerate().map(|(i, cell)| {
        let current = i == props.position;
        let label = format!(
            "Question {}{}{}",
            i + 1,
            if cell.answered { ", answered" } else { ", not answered" },
            if cell.flagged { ", flagged" } else { "" }
        );
        // On a phone the grid folds away again once it has taken the learner somewhere.
        let go = {
            let open = open.clone();
            props.on_go.reform(move |_: MouseEvent| {
                open.set(false);
                i
            })
        };
        html! {
            <li>
                <button type="button" class={classes!("cell", cell.answered.then_some("done"), cell.flagged.then_some("flagged"), current.then_some("current"))}
                    aria-label={label} aria-current={current.then_some("step")} onclick={go}>
                    { i + 1 }
                </button>
            </li>
        }
    });
    html! {
        <nav class={classes!("q-grid", open.then_some("open"))} aria-label="Questions">
            <button type="button" class="secondary grid-toggle" aria-expanded={open.to_string()}
                aria-controls="q-grid-body" onclick={toggle}>
                { toggle_label }
            </button>
            <div class="grid-body" id="q-grid-body">
                <ol class={classes!("cells", format!("cols-{}", columns(n)))}>{ for cells }</ol>
                <ul class="grid-legend" aria-label="Legend">
                    <li><span class="swatch done" aria-hidden="true"></span>{ "answered" }</li>
                    <li><span class="swatch" aria-hidden="true"></span>{ "not answered" }</li>
                    <li><span class="swatch current" aria-hidden="true"></span>{ "current" }</li>
                    <li><span class="swatch flagged" aria-hidden="true"></span>{ "flagged" }</li>
                </ul>
            </div>
        </nav>
    }
}

#[cfg(test)]
mod tests {
    use super::columns;

    /// The row lengths `columns` gives `n` cells.
    fn rows(n: usize) -> Vec<usize> {
        let c = columns(n);
        (0..n.div_ceil(c)).map(|r| c.min(n - r * c)).collect()
    }

    #[test]
    fn rows_are_as_even_as_they_can_be() {
        assert_eq!(rows(1), [1]);
        assert_eq!(rows(10), [10]);
        assert_eq!(rows(11), [6, 5]);
        assert_eq!(rows(18), [9, 9], "not 10 and 8");
        assert_eq!(rows(20), [10, 10]);
        assert_eq!(rows(50), [10; 5]);
        assert_eq!(rows(23), [8, 8, 7]);
        assert_eq!(columns(0), 1, "an empty grid still has a column");
        for n in 1..=100 {
            let r = rows(n);
            assert!(r[0] <= 10, "{n}: at most ten a row");
            assert!(r[0] - r[r.len() - 1] < r.len(), "{n}: {r:?}");
            assert_eq!(r.iter().sum::<usize>(), n);
        }
    }
}
