//! `concord calendar check`: which years of holidays each calendar knows — the shipped tables,
//! and, when the database can be read, the organisation's calendar and every department's own —
//! so an operator sees before New Year that the next year still has to be entered.
//! `--require-year` turns it into a monitoring check: exit status 1 when a calendar in use does
//! not know that year.

use app::db;
use app::domain::dates::Date;
use app::domain::schedule::{cn, CalendarSpec};
use app::schedule_settings::calendar_years::listed_years;
use app::schedule_settings::dto::{CalendarYearDto, YearSource};
use app::schedule_settings::service::load_plan_settings;
use clap::Subcommand;
use serde::Serialize;

#[derive(Subcommand, Debug)]
pub enum CalendarCommand {
    /// List the years of holidays each calendar knows (shipped, organisation, departments)
    Check {
        /// Print the report as JSON
        #[arg(long)]
        json: bool,
        /// Exit with status 1 when a calendar in use does not know this year's holidays
        #[arg(long)]
        require_year: Option<i32>,
    },
}

#[derive(Debug, Serialize)]
pub struct CalendarReport {
    /// The shipped tables: their name, years and last known day.
    pub shipped: Vec<KnownYears>,
    /// The calendars in use, when the database could be read.
    pub in_use: Vec<KnownYears>,
    /// Why the database was not read, when it was not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub database_error: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct KnownYears {
    /// `cn`, `organisation`, or `department <code>`.
    pub calendar: String,
    pub shipped_years: Vec<i32>,
    pub entered_years: Vec<i32>,
    /// The last day whose holidays are known; null when it knows every year.
    pub known_until: Option<Date>,
}

impl KnownYears {
    fn of(calendar: String, spec: &CalendarSpec) -> anyhow::Result<Self> {
        let (years, known_until) = listed_years(spec).map_err(|e| anyhow::anyhow!("{calendar}: {e}"))?;
        let pick = |source: YearSource| years.iter().filter(|y| y.source == source).map(|y: &CalendarYearDto| y.year).collect();
        Ok(KnownYears { shipped_years: pick(YearSource::Shipped), entered_years: pick(YearSource::Entered), calendar, known_until })
    }

    /// Whether the calendar knows the holidays of all of `year`.
    fn knows(&self, year: i32) -> bool {
        self.known_until.is_none_or(|d| d.ymd().0 >= year)
    }
}

/// Reads the calendars; a database that cannot be read still gives the shipped tables.
pub async fn report(database_url: &str) -> anyhow::Result<CalendarReport> {
    let shipped = vec![KnownYears::of(cn::NAME.to_string(), &CalendarSpec::Named(cn::NAME.into()))?];
    let in_use = async {
        let (pool, _) = db::connect(database_url).await?;
        let mut conn = pool.acquire().await?;
        let settings = load_plan_settings(&mut conn)
            .await
            .map_err(|e| anyhow::anyhow!("reading the calendars failed ({e}); is the database migrated?"))?;
        let mut list = vec![KnownYears::of("organisation".into(), &settings.calendar)?];
        for d in &settings.departments {
            if let Some(spec) = &d.calendar {
                list.push(KnownYears::of(format!("department {}", d.code), spec)?);
            }
        }
        drop(conn);
        pool.close().await;
        anyhow::Ok(list)
    }
    .await;
    Ok(match in_use {
        Ok(in_use) => CalendarReport { shipped, in_use, database_error: None },
        Err(e) => CalendarReport { shipped, in_use: vec![], database_error: Some(format!("{e:#}")) },
    })
}

/// The report for people: a line per calendar.
pub fn describe(report: &CalendarReport) -> String {
    let line = |k: &KnownYears| {
        let years = |list: &[i32]| {
            if list.is_empty() {
                "none".to_string()
            } else {
                list.iter().map(i32::to_string).collect::<Vec<_>>().join(", ")
            }
        };
        let known = match k.known_until {
            Some(day) => format!("holidays known until {day}; later dates count weekends only"),
            None => "knows every year (no holidays to wait for)".to_string(),
        };
        format!("{}: shipped years {}; entered years {}; {known}", k.calendar, years(&k.shipped_years), years(&k.entered_years))
    };
    let mut out: Vec<String> = report.shipped.iter().map(|k| format!("shipped {}", line(k))).collect();
    out.extend(report.in_use.iter().map(line));
    if let Some(e) = &report.database_error {
        out.push(format!("calendars in use: not read ({e})"));
    }
    out.join("\n")
}

/// Runs the command; returns the exit status.
pub async fn run(database_url: &str, command: CalendarCommand) -> anyhow::Result<i32> {
    let CalendarCommand::Check { json, require_year } = command;
    let report = report(database_url).await?;
    if json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!("{}", describe(&report));
    }
    let missing: Vec<&str> = match require_year {
        Some(year) => report.in_use.iter().filter(|k| !k.knows(year)).map(|k| k.calendar.as_str()).collect(),
        None => vec![],
    };
    if let (Some(year), false) = (require_year, missing.is_empty()) {
        eprintln!("{year} is not entered on: {}", missing.join(", "));
        return Ok(1);
    }
    if require_year.is_some() && report.database_error.is_some() {
        return Ok(1);
    }
    Ok(0)
}
