// @ts-check
import { fold } from './fold.js';
import { neutraliseCsvCell } from './csvCell.js';

/**
 * The overview tab: every system with its CH2 and STS2 dates, and the KLIK deadlines. Reads
 * /api/overview; search (systems and deadlines), filters, sorting and the CSV download happen here.
 * Data is only ever set as text, never as markup; a link's address comes only from the data's http(s)
 * links (the server drops any other).
 * @typedef {{ name: string, fullName: string|null, aliases: string[], owner: string|null, vendor: string|null,
 *   ch2Date: string|null, sts2Date: string|null, status: string, overdue?: boolean, source: string|null, note: string|null,
 *   updatedAt: string|null, example?: boolean, lines?: Line[] }} System
 * @typedef {{ solution: string, code: string|null, kind: string, title: string, published: string|null, from?: string|null,
 *   deadline: string|null, url: string|null, example?: boolean, lines?: Line[] }} Deadline
 * @typedef {{ feature: string, da: string, en: string }} Line A line another feature of the bot adds under an item ("Følges af 3").
 * @typedef {{ kind: 'deadlines'|'switches', feed: string, outlook: string, webcal: string }} Calendar
 */

const TEXT = {
  da: {
    intro: 'Datoer for skiftet til Context Handler 2 og STS 2 fra KOMBITs register, og KLIK-frister. Søg, filtrér og sortér; download det viste som CSV.',
    search: 'Søg efter system, leverandør eller frist', status: 'Status', month: 'Måned', download: 'Download CSV', all: 'Alle', anyMonth: 'Alle måneder',
    statuses: { switched: 'Skiftet', planned: 'Planlagt', unknown: 'Ingen dato endnu', 'not-applicable': 'Ikke relevant' },
    overdue: 'Planlagt, dato passeret, ikke bekræftet',
    columns: { name: 'System', vendor: 'Leverandør', ch2Date: 'CH2-dato', sts2Date: 'STS2-dato', status: 'Status', source: 'Kilde', updatedAt: 'Senest ændret' },
    csvColumns: { name: 'System', fullName: 'Fulde navn', vendor: 'Leverandør', ch2Date: 'CH2-dato', sts2Date: 'STS2-dato', status: 'Status', source: 'Kilde', updatedAt: 'Senest ændret' },
    csvFile: 'ch2-overblik.csv',
    counts: (/** @type {number} */ missing, /** @type {number} */ total, /** @type {number} */ shown) => `${missing} af ${total} systemer mangler en dato · ${shown} vist`,
    deadlineCounts: (/** @type {number} */ total, /** @type {number} */ shown) => `${total} frister og datoer · ${shown} vist`,
    caption: 'Systemer og deres datoer. Vælg en kolonneoverskrift for at sortere.',
    deadlines: 'KLIK-frister og andre datoer', deadlinesCaption: 'Frister: det næste først, så en linje for i dag, så det passerede, nyeste først.',
    deadlineColumns: ['Løsning', 'Kode', 'Type', 'Titel', 'Publiceret', 'Frist'],
    kinds: { klik: 'KLIK-opgave', agreement: 'Aftale', event: 'Møde eller dato' },
    today: (/** @type {string} */ date) => `I dag, ${date}: ovenfor det kommende, nedenfor det passerede`,
    noDate: 'Ingen dato endnu',
    error: 'Oversigten kunne ikke hentes. Prøv at genindlæse siden.',
    noSystems: 'Der er ingen systemer i oversigten endnu.',
    noDeadlines: 'Der er ingen frister i oversigten endnu.',
    noSystemMatch: (/** @type {string} */ what) => `Ingen systemer passer til ${what}.`,
    noDeadlineMatch: (/** @type {string} */ what) => `Ingen frister passer til ${what}.`,
    searchFor: (/** @type {string} */ text) => `søgningen "${text}"`, theFilters: 'de valgte filtre', searchAndFilters: (/** @type {string} */ text) => `søgningen "${text}" og de valgte filtre`,
    clear: 'Ryd søgning og filtre',
    example: 'Eksempeldata', exampleNote: 'Eksempeldata: systemer, leverandører og datoer er opdigtede til afprøvning og regnet ud fra i dag.',
    calendars: {
      deadlines: 'Frister, aftaler og møder i din kalender; den holder sig selv opdateret.',
      switches: 'Skiftedatoerne til CH2 og STS 2 i din kalender; den holder sig selv opdateret.',
    },
    subscribe: 'Abonnér i Outlook', webcal: 'Anden kalender (webcal)', copy: 'Kopiér link', copied: 'Linket er kopieret.', copyFailed: 'Markér linket og kopiér det selv.',
    feedLabel: 'Kalenderens adresse',
  },
  en: {
    intro: "Dates of the switch to Context Handler 2 and STS 2 from KOMBIT's registry, and KLIK deadlines. Search, filter and sort; download what is shown as CSV.",
    search: 'Search for a system, vendor or deadline', status: 'Status', month: 'Month', download: 'Download CSV', all: 'All', anyMonth: 'All months',
    statuses: { switched: 'Switched', planned: 'Planned', unknown: 'No date yet', 'not-applicable': 'Not relevant' },
    overdue: 'Planned, date passed, not confirmed',
    columns: { name: 'System', vendor: 'Vendor', ch2Date: 'CH2 date', sts2Date: 'STS2 date', status: 'Status', source: 'Source', updatedAt: 'Last changed' },
    csvColumns: { name: 'System', fullName: 'Full name', vendor: 'Vendor', ch2Date: 'CH2 date', sts2Date: 'STS2 date', status: 'Status', source: 'Source', updatedAt: 'Last changed' },
    csvFile: 'ch2-overview.csv',
    counts: (/** @type {number} */ missing, /** @type {number} */ total, /** @type {number} */ shown) => `${missing} of ${total} systems have no date · ${shown} shown`,
    deadlineCounts: (/** @type {number} */ total, /** @type {number} */ shown) => `${total} deadlines and dates · ${shown} shown`,
    caption: 'Systems and their dates. Choose a column heading to sort.',
    deadlines: 'KLIK deadlines and other dates', deadlinesCaption: 'Deadlines: what is next first, then a line for today, then what has passed, latest first.',
    deadlineColumns: ['Solution', 'Code', 'Kind', 'Title', 'Published', 'Deadline'],
    kinds: { klik: 'KLIK task', agreement: 'Agreement', event: 'Meeting or date' },
    today: (/** @type {string} */ date) => `Today, ${date}: above what is coming, below what has passed`,
    noDate: 'No date yet',
    error: 'The overview could not be loaded. Try reloading the page.',
    noSystems: 'There are no systems in the overview yet.',
    noDeadlines: 'There are no deadlines in the overview yet.',
    noSystemMatch: (/** @type {string} */ what) => `No systems match ${what}.`,
    noDeadlineMatch: (/** @type {string} */ what) => `No deadlines match ${what}.`,
    searchFor: (/** @type {string} */ text) => `the search "${text}"`, theFilters: 'the chosen filters', searchAndFilters: (/** @type {string} */ text) => `the search "${text}" and the chosen filters`,
    clear: 'Clear search and filters',
    example: 'Eksempeldata (example data)', exampleNote: 'Eksempeldata (example data): systems, vendors and dates are made up for trying the bot, dated relative to today.',
    calendars: {
      deadlines: 'Deadlines, agreements and meetings in your calendar; it keeps itself up to date.',
      switches: 'The CH2 and STS 2 switch dates in your calendar; it keeps itself up to date.',
    },
    subscribe: 'Subscribe in Outlook', webcal: 'Other calendar (webcal)', copy: 'Copy link', copied: 'The link is copied.', copyFailed: 'Select the link and copy it yourself.',
    feedLabel: "The calendar's address",
  },
};

const params = new URLSearchParams(location.search);
/** @type {'da'|'en'} */
let lang = params.get('lang') === 'en' ? 'en' : 'da';
/** @type {System[]} */
let systems = [];
/** @type {string[]} */
let searchKeys = [];
/** @type {Deadline[]} */
let deadlines = [];
/** @type {string[]} */
let deadlineKeys = [];
/** @type {Calendar[]} */
let calendars = [];
/** The server's today (its clock, in Denmark): where the deadlines' "today" line goes. */
let today = '';
/** @type {{ column: keyof TEXT['da']['columns'], direction: 1|-1 }} */
const sort = { column: 'name', direction: 1 };

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const searchBox = () => /** @type {HTMLInputElement} */ ($('search'));
const statusBox = () => /** @type {HTMLSelectElement} */ ($('status'));
const monthBox = () => /** @type {HTMLSelectElement} */ ($('month'));
const day = (/** @type {string|null|undefined} */ iso) =>
  iso ? new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso.slice(0, 10)}T00:00:00Z`)) : '—';

/** Inside Teams: the SDK gives the theme and the locale. Outside: ?theme= and ?lang=, or the defaults. */
async function setUpHost() {
  document.documentElement.dataset.theme = params.get('theme') ?? 'light';
  if (params.get('inTeams') !== '1') return;
  await new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'teams.js';
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  /** @type {any} the UMD bundle's global */
  const teams = /** @type {any} */ (window).microsoftTeams;
  // Outside Teams initialize() never settles: give up after a while and stay a plain page.
  const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('not inside Teams')), 5000));
  await Promise.race([teams.app.initialize(), timeout]);
  const context = await teams.app.getContext();
  const theme = (/** @type {string} */ name) => (document.documentElement.dataset.theme = name === 'dark' ? 'dark' : name === 'contrast' ? 'contrast' : 'light');
  theme(context.app.theme);
  teams.app.registerOnThemeChangeHandler(theme);
  if (!params.get('lang') && String(context.app.locale).toLowerCase().startsWith('en')) lang = 'en';
}

function labels() {
  const t = TEXT[lang];
  document.documentElement.lang = lang;
  $('intro').textContent = t.intro;
  $('search-label').textContent = t.search;
  $('status-label').textContent = t.status;
  $('month-label').textContent = t.month;
  $('download').textContent = t.download;
  $('systems-caption').textContent = t.caption;
  $('deadlines-title').textContent = t.deadlines;
  $('deadlines-caption').textContent = t.deadlinesCaption;
  for (const empty of document.querySelectorAll('.empty .clear')) empty.textContent = t.clear;
  const example = $('example-note');
  example.textContent = t.exampleNote;
  example.hidden = !systems.some((s) => s.example) && !deadlines.some((d) => d.example);
  statusBox().replaceChildren(new Option(t.all, ''), ...Object.entries(t.statuses).map(([value, text]) => new Option(text, value)));
  const dates = [...systems.flatMap((s) => [s.ch2Date, s.sts2Date]), ...deadlines.flatMap((d) => [d.from, d.deadline])];
  const months = [...new Set(dates.filter(Boolean).map((d) => String(d).slice(0, 7)))].sort();
  const monthName = (/** @type {string} */ m) => new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  monthBox().replaceChildren(new Option(t.anyMonth, ''), ...months.map((m) => new Option(monthName(m), m)));
  subscriptions();
}

/** Each feed: "Abonnér i Outlook" (Outlook on the web's "add from web"), a webcal: link, and the address to copy. */
function subscriptions() {
  const t = TEXT[lang];
  for (const calendar of calendars) {
    const box = document.getElementById(`${calendar.kind}-calendar`);
    if (!box) continue;
    const line = document.createElement('p');
    line.textContent = t.calendars[calendar.kind];
    const outlook = link(calendar.outlook, t.subscribe, 'button-link');
    outlook.target = '_blank';
    outlook.rel = 'noopener';
    outlook.dataset.feed = calendar.kind;
    const webcal = link(calendar.webcal, t.webcal);
    const label = document.createElement('label');
    const address = document.createElement('input');
    address.readOnly = true;
    address.value = calendar.feed;
    address.id = `${calendar.kind}-feed`;
    label.htmlFor = address.id;
    label.textContent = t.feedLabel;
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.textContent = t.copy;
    const said = document.createElement('span');
    said.setAttribute('role', 'status');
    copy.addEventListener('click', () => void copyLink(address, said));
    const actions = document.createElement('div');
    actions.className = 'subscribe-actions';
    actions.append(outlook, webcal);
    const copyRow = document.createElement('div');
    copyRow.className = 'subscribe-copy';
    copyRow.append(label, address, copy, said);
    box.replaceChildren(line, actions, copyRow);
  }
}

/** Copies the feed's address: the clipboard where the host allows it, else the address selected for the user to copy. */
async function copyLink(/** @type {HTMLInputElement} */ address, /** @type {HTMLElement} */ said) {
  const t = TEXT[lang];
  try {
    await navigator.clipboard.writeText(address.value);
    said.textContent = t.copied;
  } catch {
    address.select();
    said.textContent = document.execCommand('copy') ? t.copied : t.copyFailed;
  }
}

function link(/** @type {string} */ href, /** @type {string} */ text, className = '') {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = text;
  if (className) a.className = className;
  return a;
}

function header() {
  const t = TEXT[lang];
  const row = document.createElement('tr');
  for (const [column, text] of Object.entries(t.columns)) {
    const th = document.createElement('th');
    th.scope = 'col';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = text;
    button.dataset.column = column;
    button.addEventListener('click', () => {
      sort.direction = sort.column === column ? /** @type {1|-1} */ (-sort.direction) : 1;
      sort.column = /** @type {keyof TEXT['da']['columns']} */ (column);
      render();
      // The header was drawn anew: give the keyboard its place back on the same column.
      /** @type {HTMLButtonElement|null} */ ($('systems').querySelector(`th button[data-column="${column}"]`))?.focus();
    });
    th.append(button);
    if (sort.column === column) th.setAttribute('aria-sort', sort.direction === 1 ? 'ascending' : 'descending');
    row.append(th);
  }
  $('systems').querySelector('thead')?.replaceChildren(row);
}

/** The search's words, folded as the bot folds a question. */
const searchWords = () => fold(searchBox().value).split(' ').filter(Boolean);

/** The systems the filters let through, in the chosen order. */
function visible() {
  const words = searchWords();
  const status = statusBox().value;
  const month = monthBox().value;
  const collator = new Intl.Collator(lang === 'da' ? 'da' : 'en');
  return systems
    .filter((s, i) => words.every((w) => searchKeys[i]?.includes(w)))
    .filter((s) => !status || s.status === status)
    .filter((s) => !month || [s.ch2Date, s.sts2Date].some((d) => d?.startsWith(month)))
    .sort((a, b) => {
      const x = a[sort.column] ?? '';
      const y = b[sort.column] ?? '';
      // Empty values (no date) go last in either direction.
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      return sort.direction * collator.compare(String(x), String(y));
    });
}

/** The deadlines the search and the month let through (the status is a system's, not a deadline's). */
function visibleDeadlines() {
  const words = searchWords();
  const month = monthBox().value;
  return deadlines
    .filter((d, i) => words.every((w) => deadlineKeys[i]?.includes(w)))
    .filter((d) => !month || [d.from, d.deadline].some((date) => date?.startsWith(month)));
}

/**
 * A table cell with its column's name, which a narrow screen shows beside the value (style.css).
 * The value is one text or one element, so that it is one item beside the name.
 */
function cell(/** @type {HTMLTableRowElement} */ tr, /** @type {string} */ label, /** @type {string|Node} */ content, className = '') {
  const td = document.createElement('td');
  td.dataset.label = label;
  td.append(content);
  if (className) td.className = className;
  tr.append(td);
}

/**
 * A value with what goes with it: the example-data badge after it and the lines other features add
 * under it. A plain value stays plain text, so thousands of rows draw as fast as before.
 */
function decorated(/** @type {string|Node} */ content, /** @type {boolean|undefined} */ example, /** @type {Line[]|undefined} */ lines) {
  if (!example && !lines?.length) return content;
  const value = document.createElement('span');
  value.append(content);
  if (example) value.append(' ', exampleBadge());
  itemLines(value, lines);
  return value;
}

/** The example-data badge on a row of the Playground's made-up data. */
function exampleBadge() {
  const badge = document.createElement('span');
  badge.className = 'badge';
  badge.textContent = TEXT[lang].example;
  return badge;
}

/** The lines other features of the bot add under an item, in the tab's language. */
function itemLines(/** @type {HTMLElement} */ target, /** @type {Line[]|undefined} */ lines) {
  for (const line of lines ?? []) {
    const div = document.createElement('div');
    div.className = 'item-line muted';
    div.dataset.feature = line.feature;
    div.textContent = lang === 'en' ? line.en : line.da;
    target.append(div);
  }
}

function render() {
  const t = TEXT[lang];
  header();
  const rows = visible();
  const body = document.createDocumentFragment();
  for (const s of rows) {
    const tr = document.createElement('tr');
    const name = s.fullName && s.fullName !== s.name ? `${s.name} (${s.fullName})` : s.name;
    cell(tr, t.columns.name, decorated(name, s.example, s.lines));
    cell(tr, t.columns.vendor, s.vendor ?? '—');
    cell(tr, t.columns.ch2Date, day(s.ch2Date));
    cell(tr, t.columns.sts2Date, day(s.sts2Date));
    cell(tr, t.columns.status, statusText(s), `status status-${s.status}`);
    cell(tr, t.columns.source, s.source ?? '—', 'muted');
    cell(tr, t.columns.updatedAt, day(s.updatedAt));
    body.append(tr);
  }
  $('systems').querySelector('tbody')?.replaceChildren(body);
  const missing = systems.filter((s) => !s.ch2Date && !s.sts2Date && s.status !== 'not-applicable').length;
  $('counts').textContent = t.counts(missing, systems.length, rows.length);
  empty('systems', systems.length === 0 ? t.noSystems : rows.length === 0 ? t.noSystemMatch(whatFilters()) : null, systems.length > 0);
  renderDeadlines();
}

const statusText = (/** @type {System} */ s) => {
  const t = TEXT[lang];
  return s.overdue ? t.overdue : (t.statuses[/** @type {keyof typeof t.statuses} */ (s.status)] ?? s.status);
};

/** What narrows the lists now, in words: the search, the filters, or both. */
function whatFilters() {
  const t = TEXT[lang];
  const text = searchBox().value.trim();
  const filtered = statusBox().value !== '' || monthBox().value !== '';
  return text && filtered ? t.searchAndFilters(text) : text ? t.searchFor(text) : t.theFilters;
}

/** Shows or hides a list's empty state: what is missing and, when the search or filters hid it all, how to clear them. */
function empty(/** @type {string} */ list, /** @type {string|null} */ message, /** @type {boolean} */ clearable) {
  const box = $(`${list}-empty`);
  box.hidden = message === null;
  /** @type {HTMLElement} */ (box.querySelector('p')).textContent = message ?? '';
  /** @type {HTMLElement} */ (box.querySelector('.clear')).hidden = !clearable;
  $(list).hidden = message !== null;
}

/**
 * The deadlines: what is next first (soonest first, then those with no date yet), a line for today,
 * then what has passed, latest first. A period that runs today is still to come.
 */
function renderDeadlines() {
  const t = TEXT[lang];
  const head = document.createElement('tr');
  for (const text of t.deadlineColumns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  $('deadlines').querySelector('thead')?.replaceChildren(head);
  const shown = visibleDeadlines();
  const coming = shown.filter((d) => d.deadline !== null && d.deadline >= today).sort((a, b) => String(a.deadline).localeCompare(String(b.deadline)));
  const undated = shown.filter((d) => d.deadline === null);
  const passed = shown.filter((d) => d.deadline !== null && d.deadline < today).sort((a, b) => String(b.deadline).localeCompare(String(a.deadline)));
  const body = document.createDocumentFragment();
  for (const d of [...coming, ...undated]) body.append(deadlineRow(d));
  if (shown.length > 0) body.append(todayLine());
  for (const d of passed) body.append(deadlineRow(d));
  $('deadlines').querySelector('tbody')?.replaceChildren(body);
  $('deadline-counts').textContent = t.deadlineCounts(deadlines.length, shown.length);
  empty('deadlines', deadlines.length === 0 ? t.noDeadlines : shown.length === 0 ? t.noDeadlineMatch(whatFilters()) : null, deadlines.length > 0);
}

function deadlineRow(/** @type {Deadline} */ d) {
  const t = TEXT[lang];
  const [solution, code, kind, title, published, deadline] = t.deadlineColumns;
  const tr = document.createElement('tr');
  if (d.deadline !== null && d.deadline < today) tr.className = 'passed';
  cell(tr, String(solution), d.solution);
  cell(tr, String(code), d.code ?? '—');
  cell(tr, String(kind), t.kinds[/** @type {keyof typeof t.kinds} */ (d.kind)] ?? d.kind);
  // The task in KLIK (or the page the data names) opens from its title.
  /** @type {string|HTMLAnchorElement} */
  let titleText = d.title;
  if (d.url) {
    titleText = link(d.url, d.title);
    titleText.target = '_blank';
    titleText.rel = 'noopener';
  }
  cell(tr, String(title), decorated(titleText, d.example, d.lines));
  cell(tr, String(published), day(d.published));
  cell(tr, String(deadline), d.deadline === null ? t.noDate : d.from ? `${day(d.from)} – ${day(d.deadline)}` : day(d.deadline));
  return tr;
}

function todayLine() {
  const tr = document.createElement('tr');
  tr.className = 'today';
  const td = document.createElement('td');
  td.colSpan = TEXT[lang].deadlineColumns.length;
  td.textContent = TEXT[lang].today(day(today));
  tr.append(td);
  return tr;
}

/** What is shown, as CSV for Excel: headers and status in the page's language, semicolons, quoted where needed, formulas neutralised, with a byte-order mark. */
function downloadCsv() {
  const t = TEXT[lang];
  const columns = /** @type {(keyof typeof t.csvColumns)[]} */ (Object.keys(t.csvColumns));
  const quote = (/** @type {unknown} */ value) => {
    const text = neutraliseCsvCell(value === null || value === undefined ? '' : String(value));
    return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const value = (/** @type {System} */ s, /** @type {keyof typeof t.csvColumns} */ column) => (column === 'status' ? statusText(s) : s[column]);
  const lines = [columns.map((c) => quote(t.csvColumns[c])).join(';'), ...visible().map((s) => columns.map((c) => quote(value(s, c))).join(';'))];
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
  a.download = t.csvFile;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function clearFilters() {
  searchBox().value = '';
  statusBox().value = '';
  monthBox().value = '';
  render();
  searchBox().focus();
}

async function start() {
  try {
    await setUpHost();
  } catch {
    // Not inside Teams after all: the page works on its own.
  }
  try {
    const response = await fetch('/api/overview');
    if (!response.ok) throw new Error(String(response.status));
    const data = await response.json();
    systems = data.systems;
    deadlines = data.deadlines;
    calendars = data.calendars ?? [];
    today = data.today;
    searchKeys = systems.map((s) => fold([s.name, s.fullName, ...s.aliases, s.vendor].filter(Boolean).join(' ')));
    // Both languages' word for the kind, so "aftale" and "agreement" both find one.
    deadlineKeys = deadlines.map((d) =>
      fold([d.solution, d.code, d.title, TEXT.da.kinds[/** @type {keyof typeof TEXT.da.kinds} */ (d.kind)], TEXT.en.kinds[/** @type {keyof typeof TEXT.en.kinds} */ (d.kind)]].filter(Boolean).join(' ')),
    );
    labels();
    render();
  } catch {
    const error = $('error');
    error.textContent = TEXT[lang].error;
    error.hidden = false;
    return;
  }
  let pending = 0;
  searchBox().addEventListener('input', () => {
    clearTimeout(pending);
    pending = window.setTimeout(render, 80);
  });
  statusBox().addEventListener('change', render);
  monthBox().addEventListener('change', render);
  $('download').addEventListener('click', downloadCsv);
  for (const button of document.querySelectorAll('.empty .clear')) button.addEventListener('click', clearFilters);
  $('filters').addEventListener('submit', (event) => event.preventDefault());
}

void start();
