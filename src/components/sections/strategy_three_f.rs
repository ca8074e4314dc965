//! The 3F test. Each F has two criteria in the model: the three hooks `input-3f-function`,
//! `-frequency`, `-free` tick (or untick) both criteria of their F and read as ticked when both
//! are; the six criteria have their own boxes `input-3f-<criterion>` below.

use yew::prelude::*;

use crate::components::metric_card::{metric_card, Metric};
use crate::derive::strategy::three_f_view;
use crate::hooks::app_context::use_app;
use crate::i18n::{Lang, StrategyCoreKey as KC, StrategyKey as K};
use crate::model::strategy::three_f::{Checklist, Criterion, Motion, F};
use crate::state::{Action, StrategyAction as S};

fn f_slug(f: F) -> &'static str {
    match f {
        F::Function => "function",
        F::Frequency => "frequency",
        F::Free => "free",
    }
}

fn f_label(lang: Lang, f: F) -> &'static str {
    lang.t(match f {
        F::Function => K::FFunction,
        F::Frequency => K::FFrequency,
        F::Free => K::FFree,
    })
}

fn criterion_slug(c: Criterion) -> &'static str {
    match c {
        Criterion::CompleteJob => "complete-job",
        Criterion::SupportingTool => "supporting-tool",
        Criterion::DailyUse => "daily-use",
        Criterion::HeardToUsedWithin48Hours => "heard-to-used",
        Criterion::FreeVersion => "free-version",
        Criterion::ZeroThreshold => "zero-threshold",
    }
}

fn criterion_label(lang: Lang, c: Criterion) -> &'static str {
    lang.t(match c {
        Criterion::CompleteJob => K::CompleteJob,
        Criterion::SupportingTool => K::SupportingTool,
        Criterion::DailyUse => K::DailyUse,
        Criterion::HeardToUsedWithin48Hours => K::HeardToUsed,
        Criterion::FreeVersion => K::FreeVersion,
        Criterion::ZeroThreshold => K::ZeroThreshold,
    })
}

/// The checklist with `criterion` set to `on`.
fn with(mut c: Checklist, criterion: Criterion, on: bool) -> Checklist {
    let field = match criterion {
        Criterion::CompleteJob => &mut c.complete_job,
        Criterion::SupportingTool => &mut c.supporting_tool,
        Criterion::DailyUse => &mut c.daily_use,
        Criterion::HeardToUsedWithin48Hours => &mut c.heard_to_used_within_48_hours,
        Criterion::FreeVersion => &mut c.free_version,
        Criterion::ZeroThreshold => &mut c.zero_threshold,
    };
    *field = on;
    c
}

#[component]
pub fn ThreeFTool() -> Html {
    let Some(state) = use_app() else {
        return html! {};
    };
    let lang = state.lang;
    let checklist = state.strategy.checklist;
    let view = three_f_view(&checklist);
    let set = {
        let state = state.clone();
        move |c: Checklist| state.dispatch(Action::Strategy(S::SetChecklist(c)))
    };
    let groups = view.groups.iter().map(|g| {
        let all = g.criteria.iter().all(|(_, t)| *t);
        let on_f = {
            let (set, criteria) = (set.clone(), g.criteria.clone());
            Callback::from(move |_: Event| {
                let next = criteria
                    .iter()
                    .fold(checklist, |c, (criterion, _)| with(c, *criterion, !all));
                set(next);
            })
        };
        let boxes = g.criteria.iter().map(|&(criterion, ticked)| {
            let onchange = {
                let set = set.clone();
                Callback::from(move |_: Event| set(with(checklist, criterion, !ticked)))
            };
            html! {
                <label class="check">
                    <input type="checkbox" checked={ticked} {onchange}
                           data-testid={format!("input-3f-{}", criterion_slug(criterion))} />
                    { criterion_label(lang, criterion) }
                </label>
            }
        });
        html! {
            <fieldset class="three-f__group" data-testid="three-f-group" data-met={g.met.to_string()}>
                <legend>
                    <label class="check">
                        <input type="checkbox" checked={all} onchange={on_f}
                               data-testid={format!("input-3f-{}", f_slug(g.f))} />
                        <strong>{ f_label(lang, g.f) }</strong>
                    </label>
                </legend>
                { for boxes }
            </fieldset>
        }
    });
    let r = &view.result;
    let missing = if r.missing.is_empty() {
        lang.t(K::NothingMissing).to_string()
    } else {
        let list: Vec<&str> = r
            .missing
            .iter()
            .map(|c| criterion_label(lang, *c))
            .collect();
        lang.fill(K::MissingList, &[("list", &list.join(" · "))])
    };
    let motion = lang.t(match r.motion {
        Motion::ProductLed => K::ProductLed,
        Motion::Hybrid => K::Hybrid,
        Motion::SalesLed => K::SalesLed,
    });
    html! {
        <section class="panel strategy-tool" data-testid="strategy-3f">
            <h3 class="panel__title">{ lang.t(K::ThreeFHeading) }</h3>
            <p class="section__intro">{ lang.t(K::ThreeFIntro) }</p>
            <div class="three-f">{ for groups }</div>
            <div class="metrics">
                { metric_card(Metric { name: "plg-fit", value: f64::from(r.fit), text: format!("{} / 3", r.fit).into(),
                    label: lang.t(KC::PlgFitMetric).into(), explain: lang.t(K::PlgFitExplain).into(), badge: None }) }
            </div>
            <p class="section__intro" data-testid="3f-missing">{ missing }</p>
            <p class="section__intro" data-testid="3f-motion">{ lang.fill(K::MotionLabel, &[("motion", motion)]) }</p>
        </section>
    }
}
