//! The scheduler.
//!
//! **Method.** A serial schedule-generation scheme: items are taken one at a time, each when all
//! its predecessors are placed, highest priority first, and put at the earliest working day that
//! satisfies its release (plan start, team availability, `not_before`), its predecessors' finishes
//! plus lags, and on which one of its team's `capacity` lanes is free for `effort` consecutive
//! working days (earlier gaps are used when they fit). Work is counted in each team's own working
//! days: a team's lanes are indexed by its calendar's working-day number.
//!
//! **Priority rule.** Longest remaining path first: an item's priority is its effort plus the
//! longest chain of (lag + effort) after it, so the work that bounds the launch goes first when a
//! team is contended. Ties are broken by id (text order), never by input position, so the same
//! plan in any order gives the same schedule. Small plans also try a few more orders (most work
//! waiting on the item; the longest path with small deterministic perturbations seeded by the
//! ids) and keep the earliest launch — the first rule wins ties. The measured gap to optimal is
//! in the README.
//!
//! **Slack and the critical chain.** Slack is computed backwards from the launch over the
//! dependencies plus each lane's order of work (the schedule's resource links), so an item with
//! slack `s` can slip `s` working days without moving the launch while every team keeps its order.
//! The critical chain is walked back from the item that finishes the launch: each link is the
//! reason its item starts when it does — a predecessor, the lane's previous item (capacity), the
//! team's availability, `not_before`, or the plan start.

use super::calendar::{BeyondRange, Calendar, WorkingDays};
use super::error::PlanError;
use super::plan::{Plan, Problem};
use super::result::{ChainLink, DepartmentLoad, Schedule, ScheduledItem, ScheduledMilestone, Wait, WeekLoad};
use crate::domain::dates::Date;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

const NONE: u32 = u32::MAX;

/// Schedules a plan file.
pub fn schedule(plan: &Plan) -> Result<Schedule, PlanError> {
    let problem = Problem::from_plan(plan)?;
    schedule_problem(&problem)
}

/// A plan, its schedule and its organisation calendar (which counts moves and shades charts):
/// what the CLI, the sandbox and [`super::impact()`] all work from.
#[derive(Debug, Clone, PartialEq)]
pub struct ScheduledPlan {
    pub plan: Plan,
    pub calendar: Calendar,
    pub schedule: Schedule,
}

impl ScheduledPlan {
    /// Reads, validates and schedules a plan file.
    pub fn from_json(text: &str) -> Result<Self, PlanError> {
        Self::from_plan(Plan::from_json(text)?)
    }

    pub fn from_plan(plan: Plan) -> Result<Self, PlanError> {
        let (schedule, calendar) = schedule_with_calendar(&plan)?;
        Ok(ScheduledPlan { plan, calendar, schedule })
    }
}

/// Schedules a plan and hands back its organisation calendar too.
pub fn schedule_with_calendar(plan: &Plan) -> Result<(Schedule, Calendar), PlanError> {
    let mut problem = Problem::from_plan(plan)?;
    let schedule = schedule_problem(&problem)?;
    Ok((schedule, problem.calendars.swap_remove(0)))
}

/// Schedules an already validated plan.
pub fn schedule_problem(problem: &Problem) -> Result<Schedule, PlanError> {
    let mut engine = Engine::new(problem)?;
    let pass = engine.best_pass()?;
    engine.result(&pass)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reason {
    PlanStart,
    NotBefore,
    Availability,
    Dependency { pred: u32, lag: u32 },
    Capacity { held_by: u32, could_start_k: u32 },
}

/// One team lane's occupation: which item holds each working day, and a union-find "next free day"
/// so that searching past long busy stretches is near constant time.
#[derive(Default)]
struct Lane {
    parent: Vec<u32>,
    occupant: Vec<u32>,
}

impl Lane {
    fn find(&mut self, mut d: u32) -> u32 {
        loop {
            let Some(&p) = self.parent.get(d as usize) else { return d };
            if p == d {
                return d;
            }
            let pp = self.parent.get(p as usize).copied().unwrap_or(p);
            self.parent[d as usize] = pp;
            d = pp;
        }
    }

    fn busy(&self, d: u32) -> bool {
        self.occupant.get(d as usize).is_some_and(|&o| o != NONE)
    }

    /// The first day `t ≥ from` with days `t .. t + len` all free.
    fn earliest_window(&mut self, from: u32, len: u32) -> u32 {
        let mut t = self.find(from);
        'search: loop {
            for d in t + 1..t + len {
                if self.busy(d) {
                    t = self.find(d);
                    continue 'search;
                }
            }
            return t;
        }
    }

    fn occupy(&mut self, start: u32, len: u32, item: u32) {
        let end = (start + len) as usize;
        if self.parent.len() < end {
            let from = self.parent.len() as u32;
            self.parent.extend(from..end as u32);
            self.occupant.resize(end, NONE);
        }
        for d in start..start + len {
            self.occupant[d as usize] = item;
            self.parent[d as usize] = d + 1;
        }
    }
}

/// Where one item went on its team's lanes.
struct Placed {
    start: u32,
    lane: u32,
    held_by: Option<u32>,
}

/// One complete placement of every item.
struct Pass {
    start_k: Vec<u32>,
    finish_day: Vec<i32>,
    /// The lane each item ran on, numbered across teams.
    lane: Vec<u32>,
    lanes_total: u32,
    reason: Vec<Reason>,
    launch_day: i32,
}

struct Engine<'p> {
    p: &'p Problem,
    timelines: Vec<WorkingDays>,
    /// The calendar (timeline) index of each item.
    cal: Vec<u32>,
    release_k: Vec<u32>,
    release_reason: Vec<Reason>,
    /// Teams that never wait for capacity (at least as many lanes as items).
    unlimited: Vec<bool>,
    /// Position of each item's id in text order: the tie-breaker (empty when no team is contended).
    rank: Vec<u32>,
    /// Longest (lag + effort) path from the item's start to the end of the plan.
    tail: Vec<u64>,
    /// Items whose finish the launch waits for (directly or through successors).
    leads_to_launch: Vec<bool>,
}

fn past_calendar(problem: &Problem, item: usize) -> impl Fn(BeyondRange) -> PlanError + '_ {
    move |_| {
        let d = &problem.departments[problem.items[item].department as usize];
        PlanError::RunsPastCalendar { item: problem.items[item].id.clone(), last: problem.calendars[d.calendar].range().1.to_string() }
    }
}

impl<'p> Engine<'p> {
    fn new(p: &'p Problem) -> Result<Self, PlanError> {
        let n = p.items.len();
        let mut timelines: Vec<WorkingDays> = p.calendars.iter().map(|c| WorkingDays::new(c.clone(), p.start)).collect();
        let cal: Vec<u32> = p.items.iter().map(|it| p.departments[it.department as usize].calendar as u32).collect();

        let mut release_k = Vec::with_capacity(n);
        let mut release_reason = Vec::with_capacity(n);
        let start_day = p.start.days();
        for (i, it) in p.items.iter().enumerate() {
            let t = &mut timelines[cal[i] as usize];
            let dept = &p.departments[it.department as usize];
            let mut best = (t.index_on_or_after(start_day).map_err(past_calendar(p, i))?, Reason::PlanStart);
            if let Some(nb) = it.not_before.filter(|d| d.days() > start_day) {
                let k = t.index_on_or_after(nb.days()).map_err(past_calendar(p, i))?;
                if k >= best.0 {
                    best = (k, Reason::NotBefore);
                }
            }
            if let Some(av) = dept.available_from.filter(|d| d.days() > start_day) {
                let k = t.index_on_or_after(av.days()).map_err(past_calendar(p, i))?;
                if k >= best.0 {
                    best = (k, Reason::Availability);
                }
            }
            release_k.push(best.0);
            release_reason.push(best.1);
        }

        // A team with at least as many lanes as items never waits for capacity. When no team waits,
        // the order of placement cannot matter: no priorities are needed.
        let mut items_per_dept = vec![0u32; p.departments.len()];
        for it in &p.items {
            items_per_dept[it.department as usize] += 1;
        }
        let unlimited: Vec<bool> = p.departments.iter().zip(&items_per_dept).map(|(d, &count)| d.capacity >= count).collect();
        let contended = unlimited.iter().any(|u| !u);
        let (rank, tail) = if contended { Self::priorities(p) } else { (Vec::new(), Vec::new()) };

        let leads_to_launch = match p.launch {
            None => vec![true; n],
            Some(m) => {
                let mut leads = vec![false; n];
                let mut stack: Vec<u32> = launch_items(p, m as usize);
                while let Some(i) = stack.pop() {
                    if !leads[i as usize] {
                        leads[i as usize] = true;
                        stack.extend(p.preds_of(i as usize).iter().map(|x| x.0));
                    }
                }
                leads
            }
        };

        Ok(Engine { p, timelines, cal, release_k, release_reason, unlimited, rank, tail, leads_to_launch })
    }

    /// The tie-breaking rank (text order of the ids) and each item's longest remaining path.
    fn priorities(p: &Problem) -> (Vec<u32>, Vec<u64>) {
        let n = p.items.len();
        // Text order of the ids, sorting mostly on their first eight bytes (big-endian, so the
        // integer order is the text order) and comparing whole ids only when those are equal.
        let mut by_id: Vec<(u64, u32)> = p.id_prefix.iter().enumerate().map(|(i, &k)| (k, i as u32)).collect();
        by_id.sort_unstable_by(|a, b| a.0.cmp(&b.0).then_with(|| p.items[a.1 as usize].id.cmp(&p.items[b.1 as usize].id)));
        let mut rank = vec![0u32; n];
        for (r, &(_, i)) in by_id.iter().enumerate() {
            rank[i as usize] = r as u32;
        }

        let mut tail = vec![0u64; n];
        for &i in p.item_order.iter().rev() {
            let i = i as usize;
            let after = p
                .succs_of(i)
                .iter()
                .map(|&j| {
                    let lag = p.preds_of(j as usize).iter().find(|x| x.0 as usize == i).map_or(0, |x| x.1);
                    lag as u64 + tail[j as usize]
                })
                .max()
                .unwrap_or(0);
            tail[i] = p.items[i].effort as u64 + after;
        }

        (rank, tail)
    }

    /// The priority orders tried, as keys where smaller goes first.
    fn priority_keys(&self) -> Vec<Vec<u64>> {
        let n = self.p.items.len();
        if self.rank.is_empty() {
            // No team is contended: one pass in dependency order (an empty key list says so).
            return vec![Vec::new()];
        }
        let key = |prio: u64, i: usize| ((u32::MAX as u64).saturating_sub(prio.min(u32::MAX as u64)) << 32) | self.rank[i] as u64;
        let mut keys = vec![(0..n).map(|i| key(self.tail[i], i)).collect::<Vec<_>>()];
        let extra = if n <= 300 {
            40
        } else if n <= 3_000 {
            6
        } else {
            0
        };
        if extra == 0 {
            return keys;
        }
        // Most work waiting: the item's effort plus its successors' (greatest rank positional weight).
        keys.push(
            (0..n)
                .map(|i| {
                    let s = self.p.succs_of(i);
                    key(self.tail[i] * 4 + s.iter().map(|&j| self.p.items[j as usize].effort as u64).sum::<u64>(), i)
                })
                .collect(),
        );
        for seed in 0..extra {
            keys.push(
                (0..n)
                    .map(|i| {
                        let noise = id_hash(&self.p.items[i].id, seed) % 400; // ±20 %
                        key(self.tail[i] * (800 + noise) / 1000 * 16, i)
                    })
                    .collect(),
            );
        }
        keys
    }

    fn best_pass(&mut self) -> Result<Pass, PlanError> {
        let mut best: Option<Pass> = None;
        for keys in self.priority_keys() {
            let pass = self.place_all(&keys)?;
            if best.as_ref().is_none_or(|b| pass.launch_day < b.launch_day) {
                best = Some(pass);
            }
        }
        Ok(best.expect("at least one priority rule"))
    }

    fn day(&mut self, i: usize, k: u32) -> Result<i32, PlanError> {
        let p = self.p;
        self.timelines[self.cal[i] as usize].day(k).map_err(past_calendar(p, i))
    }

    fn place_all(&mut self, keys: &[u64]) -> Result<Pass, PlanError> {
        let p = self.p;
        let n = p.items.len();
        let mut lanes: Vec<Vec<Lane>> = p
            .departments
            .iter()
            .zip(&self.unlimited)
            .map(|(d, &unlimited)| if unlimited { Vec::new() } else { (0..d.capacity).map(|_| Lane::default()).collect() })
            .collect();
        // Lanes are numbered across teams; an unlimited team's item gets a lane of its own after them.
        let mut lane_base = Vec::with_capacity(lanes.len());
        let mut next_lane = 0u32;
        for l in &lanes {
            lane_base.push(next_lane);
            next_lane += l.len() as u32;
        }
        let mut pass = Pass {
            start_k: vec![0; n],
            finish_day: vec![0; n],
            lane: vec![0; n],
            lanes_total: next_lane + n as u32,
            reason: vec![Reason::PlanStart; n],
            launch_day: i32::MIN,
        };
        let mut finish_k = vec![0u32; n];
        // With priorities: the ready item first in `keys`; without: the plain dependency order.
        let by_priority = !keys.is_empty();
        let mut waiting: Vec<u32> = if by_priority { (0..n).map(|i| p.pred_start[i + 1] - p.pred_start[i]).collect() } else { Vec::new() };
        let mut ready: BinaryHeap<Reverse<(u64, u32)>> = if by_priority {
            (0..n).filter(|&i| waiting[i] == 0).map(|i| Reverse((keys[i], i as u32))).collect()
        } else {
            BinaryHeap::new()
        };
        let mut in_order = p.item_order.iter();

        loop {
            let next = if by_priority { ready.pop().map(|Reverse((_, i))| i) } else { in_order.next().copied() };
            let Some(i) = next else { break };
            let i = i as usize;
            let item = &p.items[i];
            let ti = self.cal[i] as usize;
            let mut est = self.release_k[i];
            let mut reason = self.release_reason[i];
            for &(q, lag) in p.preds_of(i) {
                let q = q as usize;
                let k = if self.cal[q] as usize == ti {
                    finish_k[q] + 1 + lag
                } else {
                    self.timelines[ti].index_on_or_after(pass.finish_day[q] + 1).map_err(past_calendar(p, i))? + lag
                };
                let better_tie = matches!(reason, Reason::Dependency { pred, .. } if p.id_before(q, pred as usize));
                if k > est || (k == est && (!matches!(reason, Reason::Dependency { .. }) || better_tie)) {
                    est = k;
                    reason = Reason::Dependency { pred: q as u32, lag };
                }
            }
            let (start, lane) = match Self::place_on_lanes(&mut lanes[item.department as usize], est, item.effort, i as u32) {
                // Unlimited team: every item on a lane of its own.
                None => (est, next_lane + i as u32),
                Some(placed) => {
                    if let Some(held_by) = placed.held_by {
                        reason = Reason::Capacity { held_by, could_start_k: est };
                    }
                    (placed.start, lane_base[item.department as usize] + placed.lane)
                }
            };
            let fk = start + item.effort - 1;
            pass.start_k[i] = start;
            finish_k[i] = fk;
            pass.finish_day[i] = self.day(i, fk)?;
            pass.lane[i] = lane;
            pass.reason[i] = reason;
            if self.leads_to_launch[i] {
                pass.launch_day = pass.launch_day.max(pass.finish_day[i]);
            }
            if by_priority {
                for &j in p.succs_of(i) {
                    waiting[j as usize] -= 1;
                    if waiting[j as usize] == 0 {
                        ready.push(Reverse((keys[j as usize], j)));
                    }
                }
            }
        }
        Ok(pass)
    }

    /// Puts an item on the lane with the earliest free window (`None` for a team without limit).
    ///
    /// Among lanes with the same window, the one whose work ends earliest: work spreads over the
    /// team's lanes, so the lane order (used for slack) binds less.
    fn place_on_lanes(lanes: &mut [Lane], est: u32, effort: u32, item: u32) -> Option<Placed> {
        if lanes.is_empty() {
            return None;
        }
        let (mut start, mut lane, mut lane_end) = (u32::MAX, 0, usize::MAX);
        for (l, ln) in lanes.iter_mut().enumerate() {
            let s = ln.earliest_window(est, effort);
            let end = ln.parent.len();
            if s < start || (s == start && end < lane_end) {
                (start, lane, lane_end) = (s, l, end);
            }
        }
        // When the item waits, the chosen lane is busy on the day before `start` (else
        // `start - 1` would fit): that item held the team.
        let held_by = (start > est).then(|| lanes[lane].occupant[(start - 1) as usize]);
        lanes[lane].occupy(start, effort, item);
        Some(Placed { start, lane: lane as u32, held_by })
    }

    fn result(&mut self, pass: &Pass) -> Result<Schedule, PlanError> {
        let p = self.p;
        let n = p.items.len();
        let date = Date::from_days;
        let finish_all = pass.finish_day.iter().copied().max().unwrap_or(p.start.days());
        let launch_day = pass.launch_day;

        let mut start_day = vec![0i32; n];
        for (i, sd) in start_day.iter_mut().enumerate() {
            *sd = self.day(i, pass.start_k[i])?;
        }
        let slack = self.slack(pass, &start_day, launch_day, finish_all)?;
        let mut items = Vec::with_capacity(n);
        for i in 0..n {
            let it = &p.items[i];
            items.push(ScheduledItem {
                id: it.id.clone(),
                name: it.name.clone(),
                department: p.departments[it.department as usize].id.clone(),
                effort: it.effort,
                start: date(start_day[i]),
                finish: date(pass.finish_day[i]),
                slack: slack[i],
                critical: slack[i] == 0 && self.leads_to_launch[i],
                wait: self.wait(pass, i)?,
            });
        }

        let mut milestone_day = vec![i32::MIN; p.milestones.len()];
        for &m in &p.milestone_order {
            let ms = &p.milestones[m as usize];
            let from_items = ms.items.iter().map(|&i| pass.finish_day[i as usize]);
            let from_milestones = ms.milestones.iter().map(|&j| milestone_day[j as usize]);
            milestone_day[m as usize] = from_items.chain(from_milestones).max().unwrap_or(p.start.days());
        }
        let milestones = p
            .milestones
            .iter()
            .zip(&milestone_day)
            .map(|(m, &d)| ScheduledMilestone { id: m.id.clone(), name: m.name.clone(), date: date(d) })
            .collect();

        // The chain: from the item that finishes the launch, back through each start reason.
        let candidates: Vec<u32> = match p.launch {
            Some(m) => launch_items(p, m as usize),
            None => (0..n as u32).collect(),
        };
        let mut link = candidates
            .iter()
            .copied()
            .max_by(|&a, &b| {
                let (a, b) = (a as usize, b as usize);
                pass.finish_day[a].cmp(&pass.finish_day[b]).then_with(|| p.items[b].id.cmp(&p.items[a].id))
            })
            .expect("a plan has items");
        let mut chain = Vec::new();
        loop {
            let li = link as usize;
            chain.push(ChainLink {
                item: items[li].id.clone(),
                name: items[li].name.clone(),
                department: items[li].department.clone(),
                effort: items[li].effort,
                start: items[li].start,
                finish: items[li].finish,
                wait: items[li].wait.clone(),
            });
            match pass.reason[li] {
                Reason::Dependency { pred, .. } => link = pred,
                Reason::Capacity { held_by, .. } => link = held_by,
                _ => break,
            }
        }
        chain.reverse();

        let load = self.load(pass, finish_all)?;
        // The earliest "known until" among the calendars some item's finish runs past.
        let holidays_unknown_after = (0..n)
            .map(|i| self.timelines[self.cal[i] as usize].calendar().known_until())
            .zip(&pass.finish_day)
            .filter(|(known, &finish)| finish > known.days())
            .map(|(known, _)| known)
            .min();
        Ok(Schedule {
            start: p.start,
            launch: date(launch_day),
            launch_milestone: p.launch.map(|m| p.milestones[m as usize].id.clone()),
            finish: date(finish_all),
            items,
            milestones,
            critical_chain: chain,
            load,
            holidays_unknown_after,
        })
    }

    fn wait(&mut self, pass: &Pass, i: usize) -> Result<Wait, PlanError> {
        let p = self.p;
        let it = &p.items[i];
        Ok(match pass.reason[i] {
            Reason::PlanStart => Wait::PlanStart,
            Reason::NotBefore => Wait::NotBefore { date: it.not_before.expect("reason set only with not_before") },
            Reason::Availability => Wait::Availability {
                until: p.departments[it.department as usize].available_from.expect("reason set only with available_from"),
            },
            Reason::Dependency { pred, lag } => Wait::Dependency { after: p.items[pred as usize].id.clone(), lag },
            Reason::Capacity { held_by, could_start_k } => Wait::Capacity {
                held_by: p.items[held_by as usize].id.clone(),
                could_start: Date::from_days(self.day(i, could_start_k)?),
                waited_days: pass.start_k[i] - could_start_k,
            },
        })
    }

    /// Latest finishes backwards over dependencies and lane order; slack = latest − scheduled.
    ///
    /// Every edge (dependency or lane order) runs from an item to one that starts after it
    /// finishes, so visiting items by descending start date visits successors first.
    fn slack(&mut self, pass: &Pass, start_day: &[i32], launch_day: i32, finish_all: i32) -> Result<Vec<u32>, PlanError> {
        let p = self.p;
        let n = p.items.len();
        let mut by_start: Vec<u32> = (0..n as u32).collect();
        by_start.sort_unstable_by_key(|&i| (start_day[i as usize], i));

        // The previous item on the same lane of the same team.
        let mut lane_prev = vec![NONE; n];
        let mut last_on_lane = vec![NONE; pass.lanes_total as usize];
        for &i in &by_start {
            let last = &mut last_on_lane[pass.lane[i as usize] as usize];
            lane_prev[i as usize] = *last;
            *last = i;
        }

        let mut latest_k = Vec::with_capacity(n);
        for i in 0..n {
            let deadline = if self.leads_to_launch[i] { launch_day } else { finish_all };
            let t = &mut self.timelines[self.cal[i] as usize];
            let finish_k = pass.start_k[i] + p.items[i].effort - 1;
            let k = t.index_on_or_before(deadline).map_err(past_calendar(p, i))?.unwrap_or(finish_k);
            latest_k.push(k.max(finish_k));
        }
        for &j in by_start.iter().rev() {
            let j = j as usize;
            let ti = self.cal[j] as usize;
            let latest_start = latest_k[j] + 1 - p.items[j].effort;
            for &(q, lag) in p.preds_of(j) {
                let q = q as usize;
                let bound = if latest_start >= lag {
                    self.timelines[ti].day(latest_start - lag).map_err(past_calendar(p, j))? - 1
                } else {
                    i32::MIN
                };
                let tq = &mut self.timelines[self.cal[q] as usize];
                let k = tq.index_on_or_before(bound).map_err(past_calendar(p, q))?;
                let own_finish = pass.start_k[q] + p.items[q].effort - 1;
                latest_k[q] = latest_k[q].min(k.unwrap_or(0)).max(own_finish);
            }
            let prev = lane_prev[j];
            if prev != NONE {
                let own_finish = pass.start_k[prev as usize] + p.items[prev as usize].effort - 1;
                latest_k[prev as usize] = latest_k[prev as usize].min(latest_start.saturating_sub(1)).max(own_finish);
            }
        }
        Ok((0..n).map(|i| latest_k[i] - (pass.start_k[i] + p.items[i].effort - 1)).collect())
    }

    /// Item-days and capacity per team and calendar week, from the plan's first week to its last.
    fn load(&mut self, pass: &Pass, finish_all: i32) -> Result<Vec<DepartmentLoad>, PlanError> {
        let p = self.p;
        let first_monday = p.start.days() - p.start.weekday() as i32;
        let weeks = ((finish_all - first_monday) / 7 + 1) as usize;
        let mut busy = vec![vec![0u32; weeks]; p.departments.len()];
        let mut involved = vec![false; p.departments.len()];
        for (i, it) in p.items.iter().enumerate() {
            involved[it.department as usize] = true;
            let t = &mut self.timelines[self.cal[i] as usize];
            for k in pass.start_k[i]..pass.start_k[i] + it.effort {
                let d = t.day(k).map_err(past_calendar(p, i))?;
                busy[it.department as usize][((d - first_monday) / 7) as usize] += 1;
            }
        }
        // Working days per week of each calendar, counted once from its working-day table.
        let mut week_days: Vec<Option<Vec<u32>>> = vec![None; self.timelines.len()];
        let mut out = Vec::new();
        for (di, dept) in p.departments.iter().enumerate() {
            if !involved[di] {
                continue;
            }
            if week_days[dept.calendar].is_none() {
                let mut counts = vec![0u32; weeks];
                let t = &mut self.timelines[dept.calendar];
                let mut k = 0;
                while let Ok(day) = t.day(k) {
                    if day > finish_all {
                        break;
                    }
                    counts[((day - first_monday) / 7) as usize] += 1;
                    k += 1;
                }
                week_days[dept.calendar] = Some(counts);
            }
            let capacity_days: Vec<u32> =
                week_days[dept.calendar].as_ref().expect("counted above").iter().map(|d| d * dept.capacity).collect();
            out.push(DepartmentLoad {
                department: dept.id.clone(),
                capacity: dept.capacity,
                weeks: (0..weeks)
                    .map(|w| WeekLoad {
                        week: Date::from_days(first_monday + 7 * w as i32),
                        busy_days: busy[di][w],
                        capacity_days: capacity_days[w],
                    })
                    .collect(),
            });
        }
        Ok(out)
    }
}

/// The items a milestone waits for, through milestones it waits for.
fn launch_items(p: &Problem, m: usize) -> Vec<u32> {
    let mut items = Vec::new();
    let mut seen = vec![false; p.milestones.len()];
    let mut stack = vec![m];
    while let Some(m) = stack.pop() {
        if std::mem::replace(&mut seen[m], true) {
            continue;
        }
        items.extend_from_slice(&p.milestones[m].items);
        stack.extend(p.milestones[m].milestones.iter().map(|&x| x as usize));
    }
    items
}

/// FNV-1a of the id and a seed: a perturbation that depends on the item, not on its position.
fn id_hash(id: &str, seed: u64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ seed.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for b in id.bytes() {
        h ^= b as u64;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h ^ (h >> 29)
}
