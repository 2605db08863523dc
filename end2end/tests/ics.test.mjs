// Calendar export read by an independent parser: ical.js (Mozilla's, used by Thunderbird) parses
// one meeting's .ics and a person's subscribable feed as a calendar app would. Checked: the event's
// time zone (TZID with its VTIMEZONE) gives the right instant, Chinese text and escaped characters
// round-trip, long lines unfold, and the feed (fetched without any cookie) holds the meeting, the
// person's action item as an all-day event and the demo project's milestones; revoked, it is gone.
//
// No browser: plain HTTP with a session cookie, as a script would. Uses xiaozhang and xiaolan and
// changes neither's settings (xiaolan's feed address is replaced and revoked here).

import assert from 'node:assert/strict';
import { test } from 'node:test';
import ICAL from 'ical.js';
import { BASE_URL, DEMO_PASSWORD, unique } from './support.mjs';

/** Signs in over the API; returns a fetch bound to that session (with our Origin, as pages send). */
async function session(username) {
  const response = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BASE_URL },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  assert.equal(response.status, 200, await response.text());
  const cookie = response.headers.get('set-cookie').split(';')[0];
  return (path, { method = 'GET', body } = {}) =>
    fetch(`${BASE_URL}${path}`, {
      method,
      headers: { cookie, origin: BASE_URL, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
}

async function json(responsePromise, status) {
  const response = await responsePromise;
  const text = await response.text();
  assert.equal(response.status, status, text);
  return JSON.parse(text);
}

/** Parses iCalendar text and registers its time zones, as a calendar app does. */
function parse(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(zone);
  }
  return calendar;
}

const TITLE = '需求评审：付款前须审批, A; B\\C';

test('a meeting .ics and the feed parse with ical.js, times and Chinese text intact', async () => {
  const pm = await session('xiaozhang');
  const projects = await json(pm('/api/v1/projects'), 200);
  const project = projects.find((p) => p.code === 'PAY');
  const users = await json(pm('/api/v1/users'), 200);
  const xiaolan = users.find((u) => u.username === 'xiaolan').id;
  const agendaTitle = `审批状态查询接口的字段定义、错误码、超时与重试策略以及与 C 系统的数据一致性 ${unique()}`;
  const meeting = await json(
    pm(`/api/v1/projects/${project.id}/meetings`, {
      method: 'POST',
      body: {
        title: TITLE,
        kind: 'requirement_review',
        time_zone: 'Asia/Shanghai',
        start: '2026-03-02T10:00',
        end: '2026-03-02T11:30',
        place: '会议室 3，二楼',
        invitee_ids: [xiaolan],
        agenda: [{ title: agendaTitle }],
      },
    }),
    201,
  );
  const id = meeting.meeting.id;

  // One meeting.
  const response = await pm(`/api/v1/meetings/${id}/calendar.ics`);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('content-type'), 'text/calendar; charset=utf-8');
  const text = await response.text();
  for (const line of text.split('\r\n')) {
    assert.ok(Buffer.byteLength(line, 'utf8') <= 75, `a line longer than 75 octets: ${line}`);
  }
  const calendar = parse(text);
  const vevent = calendar.getFirstSubcomponent('vevent');
  const event = new ICAL.Event(vevent);
  assert.equal(event.uid, `meeting-${id}@concord`);
  assert.equal(event.summary, TITLE, 'Chinese text and escaped , ; \\ round-trip');
  assert.equal(event.location, '会议室 3，二楼');
  assert.ok(event.description.includes(agendaTitle), 'the long agenda line unfolds intact');
  assert.equal(event.startDate.zone.tzid, 'Asia/Shanghai');
  assert.equal(event.startDate.toString(), '2026-03-02T10:00:00');
  assert.equal(event.startDate.toJSDate().toISOString(), '2026-03-02T02:00:00.000Z', '10:00 in Shanghai is 02:00 UTC');
  assert.equal(event.endDate.toJSDate().toISOString(), '2026-03-02T03:30:00.000Z');
  assert.equal(vevent.getFirstPropertyValue('organizer').startsWith('urn:uuid:'), true);
  assert.equal(vevent.getFirstProperty('organizer').getParameter('cn'), '小张');
  assert.deepEqual(event.attendees.map((a) => a.getParameter('cn')), ['小蓝']);
  assert.ok(calendar.getFirstSubcomponent('vtimezone'), 'the VTIMEZONE is included');

  // An action item for xiaolan, then her feed, read without a cookie.
  await json(pm(`/api/v1/meetings/${id}/status`, { method: 'POST', body: { status: 'in_progress' } }), 200);
  const action = `提供接口文档 ${unique()}`;
  await json(pm(`/api/v1/meetings/${id}/action-items`, { method: 'POST', body: { title: action, owner_id: xiaolan, due_on: '2026-03-09' } }), 200);
  const owner = await session('xiaolan');
  const feed = await json(owner('/api/v1/me/calendar-feed', { method: 'POST', body: {} }), 201);
  const feedPath = new URL(feed.url).pathname;
  const feedResponse = await fetch(`${BASE_URL}${feedPath}`);
  assert.equal(feedResponse.status, 200);
  const feedCalendar = parse(await feedResponse.text());
  const events = feedCalendar.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
  const ours = events.find((e) => e.uid === `meeting-${id}@concord`);
  assert.ok(ours, 'the meeting she is invited to');
  assert.equal(ours.summary, TITLE);
  assert.equal(ours.startDate.toJSDate().toISOString(), '2026-03-02T02:00:00.000Z');
  const item = events.find((e) => e.summary === `☐ ${action}`);
  assert.ok(item, 'her action item');
  assert.equal(item.startDate.isDate, true, 'an all-day event');
  assert.equal(item.startDate.toString(), '2026-03-09');
  assert.equal(item.endDate.toString(), '2026-03-10');
  const milestones = events.filter((e) => e.uid.startsWith('milestone-'));
  assert.ok(milestones.length >= 4, `the demo baseline's milestones: ${milestones.length}`);
  assert.ok(milestones.every((m) => m.startDate.isDate && m.summary.includes('付款前须审批')), 'all-day, named after the project');

  // Revoked: gone.
  await json(owner('/api/v1/me/calendar-feed', { method: 'DELETE' }), 200);
  assert.equal((await fetch(`${BASE_URL}${feedPath}`)).status, 404);
});
