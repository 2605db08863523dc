//! Gantt charts on pages: [`GanttChart`] (a scheduled plan, optionally over a baseline's ghosts),
//! [`LiveGanttChart`] (the editor's, redrawn as cells change while keeping its scroll position),
//! the "holidays unknown after …" note, and today's date for the today line. The SVG itself is
//! drawn by [`crate::schedule::gantt`].

use super::gantt::{self, GanttOptions, Layer};
use super::messages::ScheduleMessages;
use crate::domain::dates::Date;
use crate::domain::schedule::{Schedule, ScheduledPlan};
use crate::domain::solutions::StandardMilestone;
use crate::i18n::Locale;
use crate::ui::use_i18n;
use leptos::prelude::*;
use std::sync::Arc;

/// Milliseconds from the browser's monotonic clock (the Performance API); `None` on the server.
pub fn now_ms() -> Option<f64> {
    #[cfg(feature = "hydrate")]
    {
        web_sys::window().and_then(|w| w.performance()).map(|p| p.now())
    }
    #[cfg(not(feature = "hydrate"))]
    {
        None
    }
}

/// Today's date for a page's Gantt charts (see [`provide_today`]).
#[derive(Clone, Copy)]
pub struct Today(pub Signal<Option<Date>>);

/// Today in the browser, for the Gantt's today line. It is set after the page is mounted, so the
/// server and the hydrating browser draw the same chart, and the line appears a moment later.
fn new_today() -> Signal<Option<Date>> {
    let today = RwSignal::new(None::<Date>);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        {
            let now = web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.time_origin() + p.now()) as i64;
            today.set(Some(Date::from_unix_millis(now)));
        }
    });
    today.into()
}

/// Provides today's date to the page's charts once, so a chart drawn again and again (the
/// editor's) does not each time start without it and draw twice.
pub fn provide_today() -> Signal<Option<Date>> {
    let today = new_today();
    provide_context(Today(today));
    today
}

/// The page's today (see [`provide_today`]), or a chart's own when the page provides none.
pub fn use_today() -> Signal<Option<Date>> {
    use_context::<Today>().map(|t| t.0).unwrap_or_else(new_today)
}

/// The standard milestones under their names in the reader's language (plans store only the id).
fn named_milestones(schedule: &Schedule, sm: &ScheduleMessages) -> Schedule {
    let mut s = schedule.clone();
    for m in &mut s.milestones {
        if m.name.is_none() {
            m.name = StandardMilestone::from_id(&m.id).map(|std| sm.standard_milestone(std).to_string());
        }
    }
    s
}

/// How much of a chart to draw and where (see [`GanttOptions`]): all of it, or for a live chart
/// one layer, the rows in view and the range drawn so far.
#[derive(Clone, Copy, Default, PartialEq)]
pub struct GanttView {
    pub layer: Layer,
    pub rows_in_view: Option<(i32, i32)>,
    pub span: Option<(Date, Date)>,
    /// The width the chart may fill (see [`GanttOptions::fit_width`]).
    pub fit_width: Option<i32>,
}

/// The inner width of a chart's frame, measured in the browser once it is mounted and again
/// whenever the window is resized, so a short plan's chart spans its card. `None` on the server
/// and until measured, so hydration finds the chart the server drew.
fn use_fit_width(frame: NodeRef<leptos::html::Div>) -> Signal<Option<i32>> {
    let width = RwSignal::new(None::<i32>);
    Effect::new(move |_| {
        #[cfg(feature = "hydrate")]
        if frame.get().is_some() {
            let measure = move || {
                if let Some(el) = frame.get_untracked() {
                    let inner = Some(el.client_width()).filter(|w| *w > 0);
                    if width.get_untracked() != inner {
                        width.set(inner);
                    }
                }
            };
            measure();
            let handle = window_event_listener(leptos::ev::resize, move |_| measure());
            on_cleanup(move || handle.remove());
        }
        #[cfg(not(feature = "hydrate"))]
        let _ = frame;
    });
    width.into()
}

/// The Gantt SVG of `scheduled` (over `baseline`'s ghosts when given) in the reader's language.
pub fn gantt_svg(
    scheduled: &ScheduledPlan,
    baseline: Option<&ScheduledPlan>,
    launch_moved: Option<i32>,
    locale: Locale,
    today: Option<Date>,
    id: &str,
    view: GanttView,
) -> String {
    let sm = ScheduleMessages::for_locale(locale);
    let schedule = named_milestones(&scheduled.schedule, sm);
    gantt::svg(
        &scheduled.plan,
        &schedule,
        &GanttOptions {
            messages: sm,
            calendar: &scheduled.calendar,
            today,
            baseline: baseline.map(|b| (&b.plan, &b.schedule)),
            launch_moved_working_days: baseline.and(launch_moved),
            id,
            rows_in_view: view.rows_in_view,
            layer: view.layer,
            span: view.span,
            fit_width: view.fit_width,
        },
    )
}

/// The Gantt chart of `scheduled`, over `baseline`'s bars as ghosts when given. Redrawn when the
/// language changes and once today's date is known.
#[component]
pub fn GanttChart(
    scheduled: Arc<ScheduledPlan>,
    /// Drawn behind as ghosts, with its launch line.
    #[prop(optional_no_strip)]
    baseline: Option<Arc<ScheduledPlan>>,
    /// The launch move to label on the chart (overlay mode).
    #[prop(optional_no_strip)]
    launch_moved: Option<i32>,
    /// Unique on the page: the SVG's title and markers are referenced by it.
    id: &'static str,
    /// Says above the chart when its dates run past the holidays its calendars know (where no
    /// impact next to it says so already).
    #[prop(optional)]
    warn_unknown_holidays: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    let unknown_after = scheduled.schedule.holidays_unknown_after.filter(|_| warn_unknown_holidays);
    let frame = NodeRef::<leptos::html::Div>::new();
    let fit_width = use_fit_width(frame);
    let svg = move || {
        let view = GanttView { fit_width: fit_width.get(), ..GanttView::default() };
        gantt_svg(&scheduled, baseline.as_deref(), launch_moved, i18n.get(), today.get(), id, view)
    };
    view! {
        <HolidaysUnknown after=unknown_after/>
        // Focusable, so the keyboard can scroll a chart wider than the screen (a named group, not a
        // landmark: the page's section around it is that).
        <div class="gantt-wrap" data-gantt=id tabindex="0" role="group" aria-label=move || ScheduleMessages::for_locale(i18n.get()).gantt node_ref=frame inner_html=svg></div>
    }
}

/// "Holidays after … are not entered; dates beyond it count weekends only": shown wherever a
/// schedule runs past the last day whose holidays its calendars know.
#[component]
pub fn HolidaysUnknown(after: Option<Date>) -> impl IntoView {
    let i18n = use_i18n();
    after.map(|day| {
        view! {
            <p class="calendar-warning" role="note" data-testid="holidays-unknown" data-after=day.to_string()>
                {move || ScheduleMessages::for_locale(i18n.get()).holidays_unknown(day.to_string())}
            </p>
        }
    })
}

/// A Gantt chart that follows `source` (a scheduled plan and its launch move): the same element
/// stays on the page, keeping its scroll position, while the drawing inside it changes.
#[component]
pub fn LiveGanttChart(
    source: Signal<Option<(Arc<ScheduledPlan>, i32)>>,
    #[prop(optional_no_strip)] baseline: Option<Arc<ScheduledPlan>>,
    /// Dims the chart (it shows the last schedule that worked, not the cells as they are).
    #[prop(optional, into)]
    stale: Signal<bool>,
    id: &'static str,
) -> impl IntoView {
    let i18n = use_i18n();
    let today = use_today();
    // The rows scrolled into view, in blocks of half a screen with a block's margin above and
    // below: a tall chart then redraws only what can be seen (about two and a half screens), and
    // scrolling redraws it once per half screen. `None` (everything) on the server and until the
    // browser has measured, so hydration finds what the server sent.
    let rows_in_view = RwSignal::new(None::<(i32, i32)>);
    let wrap = NodeRef::<leptos::html::Div>::new();
    let fit_width = use_fit_width(wrap);
    let measure = move || {
        if let Some(el) = wrap.get_untracked() {
            let (top, height) = (el.scroll_top(), el.client_height().max(1));
            let block = (height / 2).max(100);
            let window = Some(((top / block - 1) * block, (top / block + 2) * block + height));
            if rows_in_view.get_untracked() != window {
                rows_in_view.set(window);
            }
        }
    };
    Effect::new(move |_| {
        if wrap.get().is_some() {
            measure();
        }
    });
    // The dates drawn so far, which only grow (by a fortnight's room at a time): the chart keeps
    // its width while people type, so its background stays as it is and is not drawn again.
    let span = StoredValue::new(None::<(Date, Date)>);
    let behind = baseline.clone();
    let background = Memo::new(move |_| {
        let baseline = &behind;
        let (locale, today, fit_width) = (i18n.get(), today.get(), fit_width.get());
        source.with(|s| {
            let Some((scheduled, moved)) = s.as_ref() else { return String::new() };
            let (first, last) = gantt::natural_span(&scheduled.schedule, baseline.as_deref().map(|b| &b.schedule));
            let drawn = match span.get_value() {
                Some((from, to)) if from <= first && last <= to => (from, to),
                Some((from, to)) => (from.min(first), to.max(last.add_days(14))),
                None => (first, last.add_days(14)),
            };
            span.set_value(Some(drawn));
            let view = GanttView { layer: Layer::Back, rows_in_view: None, span: Some(drawn), fit_width };
            gantt_svg(scheduled, baseline.as_deref(), Some(*moved), locale, today, id, view)
        })
    });
    let front = move || {
        let window = rows_in_view.get();
        // After the background, which settles the range.
        background.track();
        source.with(|s| {
            s.as_ref()
                .map(|(scheduled, moved)| {
                    let view = GanttView { layer: Layer::Front, rows_in_view: window, span: span.get_value(), fit_width: fit_width.get() };
                    gantt_svg(scheduled, baseline.as_deref(), Some(*moved), i18n.get(), today.get(), id, view)
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div
            class="gantt-wrap gantt-layers"
            class:stale=move || stale.get()
            data-gantt=id
            tabindex="0"
            role="group"
            aria-label=move || ScheduleMessages::for_locale(i18n.get()).gantt
            node_ref=wrap
            on:scroll=move |_| measure()
        >
            <div class="gantt-layer-back" inner_html=move || background.get()></div>
            <div class="gantt-layer-front" inner_html=front></div>
        </div>
    }
}
