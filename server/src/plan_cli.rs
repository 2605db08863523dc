//! `concord plan schedule|impact`: the engine on plan files, for scripts and people.
//!
//! JSON on stdout by default (the result's JSON Schema is `docs/schema/`), `--format text` for a
//! readable table and the explanation, `--format svg` for the Gantt chart. An invalid plan prints the error on stderr and exits with
//! status 2; an unreadable file exits with status 1.

use app::domain::schedule::{PlanError, ScheduledPlan};
use app::i18n::Locale;
use app::schedule::describe;
use app::schedule::gantt::{self, GanttOptions};
use app::schedule::messages::ScheduleMessages;
use clap::{Subcommand, ValueEnum};
use std::path::{Path, PathBuf};

#[derive(Subcommand, Debug)]
pub enum PlanCommand {
    /// Schedule a plan file and print the result
    Schedule {
        /// The plan (JSON); `-` reads standard input
        plan: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Language of the text format: en or zh-CN
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Compare a candidate plan with a baseline and explain the launch's move
    Impact {
        baseline: PathBuf,
        candidate: PathBuf,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Language of the text format: en or zh-CN
        #[arg(long, default_value = "en")]
        lang: String,
    },
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Format {
    Json,
    Text,
    /// The Gantt chart as SVG (for `impact`: the baseline as ghosts behind the candidate)
    Svg,
}

/// Why the command failed, and with which exit status.
pub struct Failure {
    pub status: i32,
    pub message: String,
}

fn read(path: &Path) -> Result<String, Failure> {
    let text = if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map(|_| s)
    } else {
        std::fs::read_to_string(path)
    };
    text.map_err(|e| Failure { status: 1, message: format!("{}: {e}", path.display()) })
}

fn invalid(path: &Path, e: PlanError) -> Failure {
    Failure { status: PlanError::EXIT_STATUS, message: format!("{}: {e}", path.display()) }
}

fn load(path: &Path) -> Result<ScheduledPlan, Failure> {
    ScheduledPlan::from_json(&read(path)?).map_err(|e| invalid(path, e))
}

fn messages(lang: &str) -> &'static ScheduleMessages {
    ScheduleMessages::for_locale(Locale::from_tag(lang).unwrap_or_default())
}

fn gantt_options<'a>(lang: &str, shown: &'a ScheduledPlan, baseline: Option<&'a ScheduledPlan>, moved: Option<i32>) -> GanttOptions<'a> {
    GanttOptions {
        messages: messages(lang),
        calendar: &shown.calendar,
        today: None,
        baseline: baseline.map(|b| (&b.plan, &b.schedule)),
        launch_moved_working_days: moved,
        id: "gantt",
        rows_in_view: None,
        layer: Default::default(),
        span: None,
        fit_width: None,
    }
}

fn json<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_string_pretty(value).expect("plain data serializes")
}

/// Runs a plan command and returns what to print on stdout.
pub fn run(command: PlanCommand) -> Result<String, Failure> {
    match command {
        PlanCommand::Schedule { plan, format, lang } => {
            let p = load(&plan)?;
            Ok(match format {
                Format::Json => json(&p.schedule),
                Format::Text => describe::schedule_text(messages(&lang), &p.schedule),
                Format::Svg => gantt::svg(&p.plan, &p.schedule, &gantt_options(&lang, &p, None, None)),
            })
        }
        PlanCommand::Impact { baseline, candidate, format, lang } => {
            let (base, cand) = (load(&baseline)?, load(&candidate)?);
            let impact = base.impact_of(&cand);
            Ok(match format {
                Format::Json => json(&impact),
                Format::Text => describe::impact_text(messages(&lang), &impact, &cand.schedule, &base.schedule),
                Format::Svg => gantt::svg(
                    &cand.plan,
                    &cand.schedule,
                    &gantt_options(&lang, &cand, Some(&base), Some(impact.launch_moved_working_days)),
                ),
            })
        }
    }
}
