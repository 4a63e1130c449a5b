// A generated Google Calendar week (Sun 22 – Sat 28 March 2026, en-US, PDT) with many event chips, built like
// tests/fixtures/google/gcal-week.html (same structure, attributes and accessible text), for the Calendar
// content-script benchmark. Deterministic: the same options always give the same page.
//
// Like Calendar itself, the page renders its chips with its own script (`calendarApp`, inlined into the page)
// from a model of the week, and re-renders when the model changes: a changed event's chip is rebuilt as a
// whole new subtree with Calendar's attribute set, the day columns it touches are laid out again (overlapping
// events share the column in lanes: only the positions that change are written) and their headings recounted.
// The benchmark drives that renderer (`window.benchCalendar.mutate`), so the page's own script does the work
// Calendar's renderer does for the same changes, and nothing else.

const OWNER = 'alice@acme.example';
const OWNER_NAME = 'Alice Smith';
const OWNER_B64 = Buffer.from(OWNER).toString('base64').replace(/=+$/, '');
/** [short, weekday, day of March 2026] */
const DAYS = [
  ['SUN', 'Sunday', 22],
  ['MON', 'Monday', 23],
  ['TUE', 'Tuesday', 24],
  ['WED', 'Wednesday', 25],
  ['THU', 'Thursday', 26],
  ['FRI', 'Friday', 27],
  ['SAT', 'Saturday', 28],
];
/** PDT: local time + 7 h is UTC (DST began on 8 March 2026). */
const UTC_OFFSET_HOURS = 7;
/** The timed grid: 48 px per hour. */
const PX_PER_MINUTE = 0.8;
/** Calendar's event colours (Peacock, Lavender, Sage, Banana, Flamingo, Grape). */
const COLOURS = [
  'rgb(3, 155, 229)',
  'rgb(121, 134, 203)',
  'rgb(51, 182, 121)',
  'rgb(246, 191, 38)',
  'rgb(230, 124, 115)',
  'rgb(142, 36, 170)',
];

const NAMES = [
  'Bob',
  'Carol',
  'Dave',
  'Evan',
  'Frank',
  'Grace',
  'Heidi',
  'Ivy',
  'Judy',
  'Mallory',
  'Niaj',
  'Olivia',
  'Peggy',
  'Rupert',
  'Sybil',
  'Trent',
  'Victor',
  'Wendy',
];
/** Title conventions that read as 1:1s (see lib/domain/one-on-one-title.ts). */
const ONE_ON_ONE_TITLES = [
  (name) => `Alice / ${name}`,
  (name) => `1:1 Alice <> ${name}`,
  (name) => `${name} & Alice 1-on-1`,
  (name) => `Peer 1:1 — Alice & ${name}`,
  (name) => `Skip-level: Alice / ${name}`,
  (name) => `Catch-up with ${name}`,
];
const MEETING_TITLES = [
  'Team standup',
  'Design review',
  'Sprint planning',
  'Interview: Staff Eng candidate',
  'Vendor demo',
  'All hands',
  'Roadmap sync',
  'Lunch',
  'Focus time',
  'Incident review',
  'Hiring committee',
  'Budget check',
  'Customer call: Initech',
  'Architecture forum',
  'Release readiness',
  'Weekly sync',
];

/** Small seeded PRNG (mulberry32), so every run builds the same week. */
export function random(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n, width = 2) => String(n).padStart(width, '0');

/** `data-datekey` packs `((y-1970)<<9)|(m<<5)|d`. */
const dateKey = (year, month, day) => ((year - 1970) << 9) | (month << 5) | day;

/** A Google-like event id: 26 characters of base32hex, unique per index. */
function eventIdFor(index, rand) {
  const alphabet = '0123456789abcdefghijklmnopqrstuv';
  let id = `b${index.toString(32).padStart(4, '0')}`;
  while (id.length < 26) id += alphabet[Math.floor(rand() * 32)];
  return id;
}

/** `data-eventid`: base64 (no padding) of `<id>_<YYYYMMDDTHHMMSSZ> <calendar>`. */
export function dataEventIdFor(eventId, day, startMinutes) {
  const utc = new Date(Date.UTC(2026, 2, day, 0, startMinutes + UTC_OFFSET_HOURS * 60));
  const instance =
    `${utc.getUTCFullYear()}${pad(utc.getUTCMonth() + 1)}${pad(utc.getUTCDate())}` +
    `T${pad(utc.getUTCHours())}${pad(utc.getUTCMinutes())}00Z`;
  return Buffer.from(`${eventId}_${instance} ${OWNER}`).toString('base64').replace(/=+$/, '');
}

/** The events of the week: `count` chips over the 7 days, ~15% with 1:1-like titles. */
export function generateEvents(count = 500, seed = 20260322) {
  const rand = random(seed);
  const events = [];
  for (let index = 0; index < count; index++) {
    const dayIndex = index % DAYS.length;
    const startMinutes = 7 * 60 + Math.floor(rand() * 48) * 15; // 7am … 6:45pm
    const duration = [15, 30, 30, 45, 60][Math.floor(rand() * 5)];
    const oneOnOne = rand() < 0.15;
    const name = NAMES[Math.floor(rand() * NAMES.length)];
    const title = oneOnOne
      ? ONE_ON_ONE_TITLES[Math.floor(rand() * ONE_ON_ONE_TITLES.length)](name)
      : `${MEETING_TITLES[Math.floor(rand() * MEETING_TITLES.length)]} ${index}`;
    const eventId = eventIdFor(index, rand);
    const day = DAYS[dayIndex][2];
    events.push({
      index,
      dayIndex,
      startMinutes,
      duration,
      title,
      oneOnOne,
      colour: COLOURS[index % COLOURS.length],
      response: 'accepted',
      dataEventId: dataEventIdFor(eventId, day, startMinutes),
    });
  }
  return events;
}

/**
 * The page's own script, inlined into the generated page: Calendar's rendering, reduced to what the week view
 * does when events change. Self-contained (it runs in the page, from its source).
 * @param {{ days: Array<[string, string, number]>, ownerName: string, pxPerMinute: number, colours: string[],
 *   events: ReturnType<typeof generateEvents>, freshIds: string[] }} model
 */
function calendarApp(model) {
  const { days, ownerName, pxPerMinute, colours, freshIds } = model;
  /** @type {Map<string, { key: string, dayIndex: number, startMinutes: number, duration: number, title: string, colour: string, response: string }>} */
  const events = new Map();
  for (const e of model.events) {
    events.set(e.dataEventId, {
      key: e.dataEventId,
      dayIndex: e.dayIndex,
      startMinutes: e.startMinutes,
      duration: e.duration,
      title: e.title,
      colour: e.colour,
      response: e.response,
    });
  }
  const columns = [...document.querySelectorAll('[jsname="ff2wFe"] [role="gridcell"]')].map((cell) => ({
    heading: cell.querySelector('h2'),
    container: cell.querySelector('[jsname="W0SPUb"]'),
    count: -1,
  }));
  /** What is on screen per event: its chip, what the chip was built from, its last style. */
  const rendered = new Map();

  const pad = (n) => String(n).padStart(2, '0');
  const clock = (minutes) => {
    const hour24 = Math.floor(minutes / 60) % 24;
    const minute = minutes % 60;
    const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
    return `${hour12}${minute ? `:${pad(minute)}` : ''}${hour24 < 12 ? 'am' : 'pm'}`;
  };
  const RESPONSES = { accepted: 'Accepted', tentative: 'Tentative' };
  const description = (e) =>
    `${clock(e.startMinutes)} to ${clock(e.startMinutes + e.duration)}, ${e.title}, ${ownerName}, ` +
    `${RESPONSES[e.response]}, No location, March ${days[e.dayIndex][2]}, 2026`;

  /** Overlapping events share the column: each cluster of overlaps is split into lanes. */
  const layout = (list) => {
    list.sort((a, b) => a.startMinutes - b.startMinutes || b.duration - a.duration);
    const lanes = new Map();
    let cluster = [];
    let clusterEnd = -1;
    const flush = () => {
      const laneEnds = [];
      for (const e of cluster) {
        let lane = laneEnds.findIndex((end) => end <= e.startMinutes);
        if (lane === -1) lane = laneEnds.push(0) - 1;
        laneEnds[lane] = e.startMinutes + e.duration;
        lanes.set(e, lane);
      }
      for (const e of cluster) lanes.set(e, [lanes.get(e), laneEnds.length]);
      cluster = [];
      clusterEnd = -1;
    };
    for (const e of list) {
      if (cluster.length > 0 && e.startMinutes >= clusterEnd) flush();
      cluster.push(e);
      clusterEnd = Math.max(clusterEnd, e.startMinutes + e.duration);
    }
    flush();
    return lanes;
  };
  const styleOf = (e, [lane, of]) => {
    const top = Math.round(e.startMinutes * pxPerMinute);
    const height = Math.max(14, Math.round(e.duration * pxPerMinute) - 2);
    const left = Math.round((lane * 10000) / of) / 100;
    const width = Math.round(10000 / of) / 100;
    return (
      `top: ${top}px; height: ${height}px; left: calc((${left}% + 0px) + 0px); ` +
      `width: calc((${width}% - 12px) + 0px); z-index: ${4 + lane}; background-color: ${e.colour}; ` +
      'border-color: rgb(255, 255, 255);'
    );
  };

  const element = (tag, attributes, children = []) => {
    const node = document.createElement(tag);
    for (const [name, value] of attributes) node.setAttribute(name, value);
    for (const child of children)
      node.append(typeof child === 'string' ? document.createTextNode(child) : child);
    return node;
  };
  /** The chip template (gcal-week.html): the element Calendar builds for one event. */
  const buildChip = (e, style) =>
    element(
      'div',
      [
        ['role', 'button'],
        ['tabindex', '0'],
        ['data-eventid', e.key],
        ['data-eventchip', ''],
        ['data-opens-details', 'true'],
        ['data-keyboardactiontype', '0;1'],
        ['data-focusable', ''],
        ['jscontroller', 'Bo3nHd'],
        [
          'jsaction',
          'click:cOuCgd; contextmenu:mg9Pef; dblclick:Reio8; mouseenter:tfO1Yc; mouseleave:JywGue; keydown:Hq2uPe;',
        ],
        ['jslog', '35463; track:click,dblclick'],
        ['class', 'GTG3wb ChfiMc rFUW1c'],
        ['style', style],
      ],
      [
        element('div', [['class', 'XuJrye']], [description(e)]),
        element(
          'div',
          [
            ['aria-hidden', 'true'],
            ['class', 'Jcb6qd lFe10c'],
          ],
          [
            element(
              'div',
              [['class', 'ynAwxc ZbHpCe']],
              [
                element('span', [['class', 'I0UMhf']], [e.title]),
                element('span', [['class', 'lhydbb gVNoLb EiZ8Dd']], [`, ${clock(e.startMinutes)}`]),
              ],
            ),
          ],
        ),
        element('div', [
          ['aria-hidden', 'true'],
          ['class', 'leOeGd elYzab-cXXICe-Hjleke'],
          ['data-eventid', e.key],
          ['data-dragsource-type', '3'],
        ]),
      ],
    );
  const contentOf = (e) =>
    `${e.dayIndex}|${e.startMinutes}|${e.duration}|${e.title}|${e.colour}|${e.response}`;

  /** Renders the given days: rebuild changed chips, move the others only if their lane changed. */
  const renderDays = (dayIndexes) => {
    for (const dayIndex of dayIndexes) {
      const { container, heading } = columns[dayIndex];
      const list = [...events.values()].filter((e) => e.dayIndex === dayIndex);
      const lanes = layout(list);
      for (const e of list) {
        const style = styleOf(e, lanes.get(e));
        const content = contentOf(e);
        const shown = rendered.get(e.key);
        if (shown && shown.content === content) {
          if (shown.style !== style) shown.chip.setAttribute('style', style);
          shown.style = style;
          continue;
        }
        const chip = buildChip(e, style);
        if (shown?.chip.parentNode === container) shown.chip.replaceWith(chip);
        else {
          shown?.chip.remove();
          container.append(chip);
        }
        rendered.set(e.key, { chip, content, style });
      }
      const column = columns[dayIndex];
      if (column.count !== list.length) {
        column.count = list.length;
        const count = list.length === 0 ? 'No events' : `${list.length} event${list.length === 1 ? '' : 's'}`;
        heading.textContent = `${count}, ${days[dayIndex][1]}, March ${days[dayIndex][2]}`;
      }
    }
  };
  renderDays(days.map((_, i) => i));

  /**
   * Changes `perBatch` events every `intervalMs` as people and sync do (rename, recolour, answer, move,
   * delete, add), then renders the days they touch. Seeded, so every browser sees the same changes.
   */
  const mutate = ({ durationMs, intervalMs, perBatch, seed }) => {
    let state = seed >>> 0;
    const rand = () => {
      state = (state + 0x6d2b79f5) >>> 0;
      let t = state;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const anyOf = (list) => list[Math.floor(rand() * list.length)];
    const removed = [];
    let fresh = 0;
    let driverMs = 0;
    let batches = 0;
    const batch = () => {
      const started = performance.now();
      const live = [...events.values()];
      const dirty = new Set();
      for (let i = 0; i < perBatch; i++) {
        const e = anyOf(live);
        const kind = rand();
        dirty.add(e.dayIndex);
        if (kind < 0.35) {
          e.title = e.title.endsWith(' (edited)')
            ? e.title.slice(0, -' (edited)'.length)
            : `${e.title} (edited)`;
        } else if (kind < 0.6) {
          e.colour = anyOf(colours);
        } else if (kind < 0.7) {
          e.response = e.response === 'accepted' ? 'tentative' : 'accepted';
        } else if (kind < 0.85) {
          e.dayIndex = Math.floor(rand() * days.length);
          e.startMinutes = 7 * 60 + Math.floor(rand() * 48) * 15;
          dirty.add(e.dayIndex);
        } else if (kind < 0.93) {
          if (!events.has(e.key)) continue;
          events.delete(e.key);
          rendered.get(e.key)?.chip.remove();
          rendered.delete(e.key);
          removed.push(e);
        } else {
          const restored = removed.length > 0 && rand() < 0.5 ? removed.pop() : null;
          const added = restored ?? { ...e, key: freshIds[fresh++ % freshIds.length] };
          added.dayIndex = Math.floor(rand() * days.length);
          added.startMinutes = 7 * 60 + Math.floor(rand() * 48) * 15;
          events.set(added.key, added);
          dirty.add(added.dayIndex);
        }
      }
      renderDays(dirty);
      batches += 1;
      driverMs += performance.now() - started;
    };
    return new Promise((resolve) => {
      const timer = setInterval(batch, intervalMs);
      setTimeout(() => {
        clearInterval(timer);
        resolve({ batches, driverMs, chips: events.size });
      }, durationMs);
    });
  };
  window.benchCalendar = { mutate };
}

/**
 * The whole week page: Calendar's static frame, and the page script that renders the chips into it.
 * @param {{ count?: number, seed?: number, freshIds?: number }} [options]
 * @returns {{ html: string, events: ReturnType<typeof generateEvents> }}
 */
export function generateCalendarWeek({ count = 500, seed = 20260322, freshIds = 400 } = {}) {
  const events = generateEvents(count, seed);
  // Ids for the events the page adds: never seen before, so each is new to the content script.
  const fresh = Array.from({ length: freshIds }, (_, i) =>
    dataEventIdFor(`benchnew${String(i).padStart(5, '0')}x`, 23 + (i % 5), 9 * 60 + (i % 32) * 15),
  );
  const model = {
    days: DAYS,
    ownerName: OWNER_NAME,
    pxPerMinute: PX_PER_MINUTE,
    colours: COLOURS,
    events,
    freshIds: fresh,
  };
  const columnHeaders = DAYS.map(
    ([short, weekday, day]) => `
          <div role="columnheader" tabindex="-1" class="yzWBv ChfiMc">
            <h2 class="hI2jVc"><div class="sVASAd-wd" aria-hidden="true">${short}</div><button class="nUt0vb sVASAd nSCxEf RKLVef" jscontroller="xrluyc" jsaction="click:h5M12e; pointerdown:FEiYhc;" data-datekey="${dateKey(2026, 3, day)}" aria-label="${weekday}, March ${day}" type="button"><div class="x5FT4e kkUTBb" jsslot aria-hidden="true">${day}</div></button></h2>
          </div>`,
  ).join('');
  const allDayCells = DAYS.map(
    ([, weekday, day]) => `
          <div role="gridcell" tabindex="-1" data-datekey="${dateKey(2026, 3, day)}" jsaction="JIbuQc:nngp; click:uLW4Sd;" jscontroller="dZ3cYd" class="rMJ5Ac ChfiMc" aria-label="All day, ${weekday}, March ${day}">
          </div>`,
  ).join('');
  const gutter = Array.from(
    { length: 24 },
    (_, hour) =>
      `<div class="s4ZaLd">${hour === 0 ? '' : `<span class="ebZ3od MANBAf">${hour % 12 || 12} ${hour < 12 ? 'AM' : 'PM'}</span>`}</div>`,
  ).join('');
  const timedCells = DAYS.map(
    ([, weekday, day], dayIndex) => `
          <div role="gridcell" tabindex="-1" aria-labelledby="tsc-${dayIndex}" jsname="RjPD4e" key="${dateKey(2026, 3, day)}${OWNER_B64}" data-column-index="${dayIndex}" data-datekey="${dateKey(2026, 3, day)}" data-principal-ids="${OWNER_B64}" class="YvjgZe Qbfsob">
            <h2 id="tsc-${dayIndex}" class="XuJrye">No events, ${weekday}, March ${day}</h2>
            <div class="WJVfWe A3o4Oe" jsname="W0SPUb"></div>
          </div>`,
  ).join('');
  // `<` inside the inlined model cannot close the script element.
  const script = `(${calendarApp.toString()})(${JSON.stringify(model).replace(/</g, '\\u003c')});`;

  const html = `<!DOCTYPE html>
<!-- GENERATED by bench/calendar-week-generator.mjs: a Calendar week with ${count} chips, structure as tests/fixtures/google/gcal-week.html. -->
<html lang="en" data-prefetch-view-key="WEEK" data-ui-kind="10" data-base-title="Google Calendar">
<head>
  <meta charset="utf-8">
  <title>Google Calendar - Week of March 22, 2026</title>
  <style>
    body { margin: 0; font-family: "Google Sans Text", Roboto, Arial, sans-serif; font-size: 12px; color: #1f1f1f; }
    .XuJrye { position: absolute !important; width: 1px; height: 1px; overflow: hidden; clip: rect(1px,1px,1px,1px); white-space: nowrap; }
    header#gb { height: 64px; display: flex; align-items: center; border-bottom: 1px solid #dadce0; padding: 0 16px; }
    .SGWAac { display: flex; }
    [role="main"] { flex: 1; overflow: hidden; }
    .yzWBv { flex: 1; text-align: center; padding: 4px 0; }
    .colhdrs, .alldayrow, .timedrow { display: flex; }
    .gutter { width: 56px; flex: none; }
    .alldayrow [role="gridcell"] { flex: 1; min-height: 24px; border-left: 1px solid #dadce0; position: relative; }
    .timedrow [role="gridcell"] { flex: 1; position: relative; height: 1152px; border-left: 1px solid #dadce0; }
    [data-eventchip] { position: absolute; box-sizing: border-box; border: 1px solid; border-radius: 4px; overflow: hidden; color: #fff; padding: 2px 4px; cursor: pointer; }
    .s4ZaLd { height: 48px; text-align: right; padding-right: 8px; color: #70757a; font-size: 10px; }
  </style>
</head>
<body id="yDmH0d" class="EIlDfe DO879e" data-viewkey="WEEK" jscontroller="FDybyc" jsmodel="A064K" jslog="34346; track:impression">
  <c-wiz jsrenderer="eQbZFd" jsshadow jsdata="deferred-i1" data-node-index="0;0" jsmodel="hc6Ubd" view>
    <div class="tEhMVd">
     <div class="pSp5K">
      <div class="KKOvEb">
        <header class="gb_Fa gb_ub gb_zd gb_Nd gb_e gb_2a" id="gb" role="banner">
          <span class="gb_Sc" aria-label="Calendar">Calendar</span>
          <div class="tB5Jxf-xl07Ob-XxIAqe-OWXEXe-oYxtQd" jscontroller="ZvHseb" jsname="vTZnL">
            <button class="AeBiU-LgbsSe" jsname="n2Etyd" aria-label="Today, Tuesday, March 24">Today</button>
            <div class="rSoRzd" role="heading" aria-level="1">March 2026</div>
            <div jsname="jnPWCc" class="VfPpkd-LgbsSe mUIrbf-LgbsSe" role="button" aria-haspopup="menu" aria-label="Week view, open view options" tabindex="0"><span jsname="V67aGc" class="VfPpkd-vQzf8d">Week</span></div>
          </div>
        </header>
        <div class="SGWAac">
          <div role="main" class="dwlvNd" jscontroller="kcxPef" jsaction="rcuQ6b:npT2md; JIbuQc:nngp;" jsname="KL7Kx">
      <div role="grid" aria-readonly="true" aria-labelledby="rSoRzd-lbl" class="Tmdkcc elYzab-cXXICe-Hjleke" jscontroller="PQdJMd" jsaction="rcuQ6b:npT2md;">
        <span id="rSoRzd-lbl" class="XuJrye">Week of March 22, 2026</span>
        <div class="colhdrs" role="row"><div class="gutter" aria-hidden="true"><div class="lmNFmc pCoqfc">GMT-07</div></div>${columnHeaders}
        </div>
        <div class="alldayrow" role="row" data-dragsource-type="5" jsname="qfqBNe"><div class="gutter" aria-hidden="true"></div>${allDayCells}
        </div>
        <div class="right-time-space" style="height: 640px; overflow-y: auto;">
          <div role="row" class="cOpq4e timedrow elYzab-cXXICe-Hjleke" jsname="ff2wFe" data-dragsource-type="4">
            <div class="gutter" aria-hidden="true">${gutter}</div>${timedCells}
          </div>
        </div>
      </div>
          </div>
        </div>
      </div>
     </div>
    </div>
  </c-wiz>
  <div class="I2Yrs iWO5td" jsname="xcfRxc" aria-hidden="true"></div>
  <script>${script}</script>
</body>
</html>
`;
  return { html, events };
}
