// @ts-check
import { fold } from './fold.js';
import { neutraliseCsvCell } from './csvCell.js';

/**
 * The overview tab: every system with its CH2 and STS2 dates, and the KLIK deadlines. Reads
 * /api/overview; search, filters, sorting and the CSV download happen here. Data is only ever set as
 * text, never as markup.
 * @typedef {{ name: string, fullName: string|null, aliases: string[], owner: string|null, vendor: string|null,
 *   ch2Date: string|null, sts2Date: string|null, status: string, overdue?: boolean, source: string|null, note: string|null, updatedAt: string|null }} System
 * @typedef {{ solution: string, code: string|null, kind: string, title: string, published: string|null, from?: string|null, deadline: string|null, url: string|null }} Deadline
 */

const TEXT = {
  da: {
    intro: 'Datoer for skiftet til Context Handler 2 og STS 2 fra KOMBITs register, og KLIK-frister. Søg, filtrér og sortér; download det viste som CSV.',
    search: 'Søg efter system eller leverandør', status: 'Status', month: 'Måned', download: 'Download CSV', all: 'Alle', anyMonth: 'Alle måneder',
    statuses: { switched: 'Skiftet', planned: 'Planlagt', unknown: 'Ingen dato endnu', 'not-applicable': 'Ikke relevant' },
    overdue: 'Planlagt, dato passeret, ikke bekræftet',
    columns: { name: 'System', vendor: 'Leverandør', ch2Date: 'CH2-dato', sts2Date: 'STS2-dato', status: 'Status', source: 'Kilde', updatedAt: 'Senest ændret' },
    counts: (/** @type {number} */ missing, /** @type {number} */ total, /** @type {number} */ shown) => `${missing} af ${total} systemer mangler en dato · ${shown} vist`,
    caption: 'Systemer og deres datoer. Vælg en kolonneoverskrift for at sortere.',
    deadlines: 'KLIK-frister og andre datoer', deadlinesCaption: 'Frister, nyeste frist sidst.',
    deadlineColumns: ['Løsning', 'Kode', 'Type', 'Titel', 'Publiceret', 'Frist'],
    kinds: { klik: 'KLIK-opgave', agreement: 'Aftale', event: 'Møde eller dato' },
    error: 'Oversigten kunne ikke hentes. Prøv at genindlæse siden.',
    calendar: 'Abonnér i Outlook: frister, aftaler og møder i din kalender',
  },
  en: {
    intro: "Dates of the switch to Context Handler 2 and STS 2 from KOMBIT's registry, and KLIK deadlines. Search, filter and sort; download what is shown as CSV.",
    search: 'Search for a system or vendor', status: 'Status', month: 'Month', download: 'Download CSV', all: 'All', anyMonth: 'All months',
    statuses: { switched: 'Switched', planned: 'Planned', unknown: 'No date yet', 'not-applicable': 'Not relevant' },
    overdue: 'Planned, date passed, not confirmed',
    columns: { name: 'System', vendor: 'Vendor', ch2Date: 'CH2 date', sts2Date: 'STS2 date', status: 'Status', source: 'Source', updatedAt: 'Last changed' },
    counts: (/** @type {number} */ missing, /** @type {number} */ total, /** @type {number} */ shown) => `${missing} of ${total} systems have no date · ${shown} shown`,
    caption: 'Systems and their dates. Choose a column heading to sort.',
    deadlines: 'KLIK deadlines and other dates', deadlinesCaption: 'Deadlines, latest last.',
    deadlineColumns: ['Solution', 'Code', 'Kind', 'Title', 'Published', 'Deadline'],
    kinds: { klik: 'KLIK task', agreement: 'Agreement', event: 'Meeting or date' },
    error: 'The overview could not be loaded. Try reloading the page.',
    calendar: 'Subscribe in Outlook: deadlines, agreements and meetings in your calendar',
  },
};

const params = new URLSearchParams(location.search);
/** @type {'da'|'en'} */
let lang = params.get('lang') === 'en' ? 'en' : 'da';
/** @type {System[]} */
let systems = [];
/** @type {string[]} */
let searchKeys = [];
/** @type {{ column: keyof TEXT['da']['columns'], direction: 1|-1 }} */
const sort = { column: 'name', direction: 1 };

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const day = (/** @type {string|null} */ iso) =>
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
  $('calendar').textContent = t.calendar;
  const status = /** @type {HTMLSelectElement} */ ($('status'));
  status.replaceChildren(new Option(t.all, ''), ...Object.entries(t.statuses).map(([value, text]) => new Option(text, value)));
  const months = [...new Set(systems.flatMap((s) => [s.ch2Date, s.sts2Date]).filter(Boolean).map((d) => String(d).slice(0, 7)))].sort();
  const monthName = (/** @type {string} */ m) => new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${m}-01T00:00:00Z`));
  /** @type {HTMLSelectElement} */ ($('month')).replaceChildren(new Option(t.anyMonth, ''), ...months.map((m) => new Option(monthName(m), m)));
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

/** The systems the filters let through, in the chosen order. */
function visible() {
  const words = fold(/** @type {HTMLInputElement} */ ($('search')).value).split(' ').filter(Boolean);
  const status = /** @type {HTMLSelectElement} */ ($('status')).value;
  const month = /** @type {HTMLSelectElement} */ ($('month')).value;
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

function render() {
  const t = TEXT[lang];
  header();
  const rows = visible();
  const body = document.createDocumentFragment();
  for (const s of rows) {
    const tr = document.createElement('tr');
    const cell = (/** @type {string} */ text, /** @type {string} */ className = '') => {
      const td = document.createElement('td');
      td.textContent = text;
      if (className) td.className = className;
      tr.append(td);
    };
    cell(s.fullName && s.fullName !== s.name ? `${s.name} (${s.fullName})` : s.name);
    cell(s.vendor ?? '—');
    cell(day(s.ch2Date));
    cell(day(s.sts2Date));
    cell(s.overdue ? t.overdue : (t.statuses[/** @type {keyof typeof t.statuses} */ (s.status)] ?? s.status), `status status-${s.status}`);
    cell(s.source ?? '—', 'muted');
    cell(day(s.updatedAt));
    body.append(tr);
  }
  $('systems').querySelector('tbody')?.replaceChildren(body);
  const missing = systems.filter((s) => !s.ch2Date && !s.sts2Date && s.status !== 'not-applicable').length;
  $('counts').textContent = t.counts(missing, systems.length, rows.length);
}

/** @param {Deadline[]} deadlines */
function renderDeadlines(deadlines) {
  const t = TEXT[lang];
  const head = document.createElement('tr');
  for (const text of t.deadlineColumns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = text;
    head.append(th);
  }
  $('deadlines').querySelector('thead')?.replaceChildren(head);
  const body = document.createDocumentFragment();
  for (const d of [...deadlines].sort((a, b) => (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999'))) {
    const tr = document.createElement('tr');
    for (const text of [d.solution, d.code ?? '—', t.kinds[/** @type {keyof typeof t.kinds} */ (d.kind)] ?? d.kind, d.title, day(d.published), d.from ? `${day(d.from)} – ${day(d.deadline)}` : day(d.deadline)]) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    body.append(tr);
  }
  $('deadlines').querySelector('tbody')?.replaceChildren(body);
}

/** What is shown, as CSV for Excel: semicolons, quoted where needed, formulas neutralised, with a byte-order mark. */
function downloadCsv() {
  const columns = /** @type {(keyof System)[]} */ (['name', 'fullName', 'vendor', 'ch2Date', 'sts2Date', 'status', 'source', 'updatedAt']);
  const quote = (/** @type {unknown} */ value) => {
    const text = neutraliseCsvCell(value === null || value === undefined ? '' : String(value));
    return /[;"\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.join(';'), ...visible().map((s) => columns.map((c) => quote(s[c])).join(';'))];
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([`\uFEFF${lines.join('\r\n')}\r\n`], { type: 'text/csv;charset=utf-8' }));
  link.download = 'ch2-overblik.csv';
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
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
    searchKeys = systems.map((s) => fold([s.name, s.fullName, ...s.aliases, s.vendor].filter(Boolean).join(' ')));
    labels();
    render();
    renderDeadlines(data.deadlines);
  } catch {
    const error = $('error');
    error.textContent = TEXT[lang].error;
    error.hidden = false;
    return;
  }
  let pending = 0;
  $('search').addEventListener('input', () => {
    clearTimeout(pending);
    pending = window.setTimeout(render, 80);
  });
  $('status').addEventListener('change', render);
  $('month').addEventListener('change', render);
  $('download').addEventListener('click', downloadCsv);
  $('filters').addEventListener('submit', (event) => event.preventDefault());
}

void start();
