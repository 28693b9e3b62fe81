// Shared helpers of the dashboard pages: DOM building (text only), the JSON API, the URL state, formatting.
// Data is never inserted as HTML: every string goes in through text nodes or attribute values.

/** Builds an element. attrs: plain attributes (never event handlers or style); children: nodes or strings. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') || name === 'style') throw new Error(`refused attribute ${name}`);
    if (name === 'href') {
      node.setAttribute('href', safeHref(value));
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** Only http(s) and same-origin relative links survive; anything else (javascript:, data:) becomes "#". */
export function safeHref(value) {
  try {
    const url = new URL(String(value), document.baseURI);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : '#';
  } catch (e) {
    return '#';
  }
}

export function clear(node) {
  while (node.firstChild) node.firstChild.remove();
  return node;
}

// ---------------------------------------------------------------- the API

const meta = document.querySelector('meta[name="devops-kpi-api"]');
/** The API base, resolved relative to the page (the Jenkins plugin serves these pages under its own URL). */
export const apiBase = new URL((meta ? meta.content : 'api/v1').replace(/\/?$/, '/'), document.baseURI);
/** The site root: the folder the API base lives in (pages link to ./applications/... and ./teams/... from here). */
export const siteRoot = new URL('../../', apiBase);

export class ApiError extends Error {
  constructor(status, message, url) {
    super(message);
    this.status = status;
    this.url = url;
  }
}

const responses = new Map();

/** The URL of an API endpoint with the given parameters (empty ones left out). */
function apiUrl(endpoint, params) {
  const url = new URL(endpoint, apiBase);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '') url.searchParams.append(key, value);
  }
  return url;
}

/** Points the footer's JSON link at what the page shows: the endpoint with the page's scope and query. */
export function setApiLink(endpoint, params = {}) {
  const link = document.getElementById('api-link');
  if (link) link.href = apiUrl(endpoint, params).href;
}

/** GET a JSON endpoint of the API; answers are remembered for the page's lifetime (one view, one fetch). */
export function getJson(endpoint, params = {}) {
  const url = apiUrl(endpoint, params);
  const key = url.href;
  if (!responses.has(key)) {
    responses.set(key, fetchJson(url));
  }
  return responses.get(key);
}

// ---------------------------------------------------------------- the read token

const READ_TOKEN_KEY = 'devops-kpi-read-token';
let tokenPrompt = null;

/** The read token of this tab ('' for none): sessionStorage only, never localStorage, a cookie or a URL. */
export function readToken() {
  try {
    return window.sessionStorage.getItem(READ_TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

/**
 * A read (GET) with the tab's read token as `Authorization: Bearer …` when there is one. When the server asks for a
 * bearer token (401 with `WWW-Authenticate: Bearer`: it was started with a read token), the page asks for it once,
 * then repeats the read; a token refused again is said so, and asked for again. Every read of a page waiting at the
 * same time shares the one form.
 */
export async function authorizedFetch(url, init = {}) {
  for (;;) {
    const sent = readToken();
    const headers = { ...(init.headers || {}) };
    if (sent) headers.Authorization = `Bearer ${sent}`;
    const response = await fetch(url, { ...init, headers });
    if (response.status !== 401 || !/^bearer/i.test(response.headers.get('WWW-Authenticate') || '')) return response;
    // another read may have stored a new token meanwhile: try that one before asking
    if (readToken() === sent) {
      await askForReadToken(sent !== '');
    }
  }
}

/** Shows the read-token form above the page's content; resolves once a token is entered. */
function askForReadToken(refused) {
  if (tokenPrompt) return tokenPrompt;
  tokenPrompt = new Promise((resolve) => {
    const input = el('input', { id: 'read-token-input', name: 'read-token', type: 'password', autocomplete: 'off',
      spellcheck: 'false', required: true, 'aria-describedby': 'read-token-hint read-token-status',
      'aria-invalid': refused ? 'true' : null });
    const form = el('form', { class: 'read-token-form', id: 'read-token-form', novalidate: true },
      el('div', { class: 'field' }, el('label', { for: 'read-token-input' }, 'Read token'), input),
      el('button', { type: 'submit', class: 'apply' }, 'Show the KPIs'));
    const box = el('section', { class: 'notice read-token', id: 'read-token', role: 'region',
      'aria-labelledby': 'read-token-title' },
    el('h2', { id: 'read-token-title' }, 'This server needs a read token'),
    el('p', { class: `form-status ${refused ? 'bad' : ''}`, id: 'read-token-status', role: refused ? 'alert' : 'status',
      'data-refused': refused ? 'true' : 'false' },
    refused ? 'The read token was refused (HTTP 401): check it and enter it again.'
      : 'Its KPIs are confidential: enter the read token you were given to see them.'),
    form,
    el('p', { class: 'hint', id: 'read-token-hint' }, 'Kept only in this browser tab (sessionStorage) until it closes '
      + 'and sent with each read as an Authorization header; never stored on disk or put in a URL.'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const value = input.value.trim();
      if (!value) {
        input.setAttribute('aria-invalid', 'true');
        input.focus();
        return;
      }
      try {
        window.sessionStorage.setItem(READ_TOKEN_KEY, value);
      } catch (e) {
        // storage refused (private mode): the token cannot be kept, reads will ask again
      }
      input.value = '';
      box.remove();
      tokenPrompt = null;
      resolve();
    });
    const main = document.getElementById('main');
    if (main) main.before(box);
    else document.body.prepend(box);
    input.focus();
  });
  return tokenPrompt;
}

/**
 * With a read token, a click on one of the page's links to the API (the JSON and CSV links) reads the answer with
 * the token and saves it, instead of opening a URL that would answer 401 (the token never goes into the link).
 */
function readApiLinksWithToken() {
  document.addEventListener('click', async (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || !readToken() || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey
      || event.shiftKey || event.altKey) return;
    const url = new URL(link.href);
    if (url.origin !== apiBase.origin || !url.pathname.startsWith(apiBase.pathname)) return;
    event.preventDefault();
    link.removeAttribute('data-read-error');
    let response;
    try {
      response = await authorizedFetch(url, { cache: 'no-store' });
    } catch (e) {
      link.dataset.readError = e.message;
      return;
    }
    if (!response.ok) {
      link.dataset.readError = `HTTP ${response.status}`;
      return;
    }
    const file = decodeURIComponent(url.pathname.split('/').pop() || 'answer');
    const save = document.createElement('a');
    save.href = URL.createObjectURL(await response.blob());
    save.download = /\.(csv|json)$/.test(file) ? file : `${file}.json`;
    document.body.append(save);
    save.click();
    save.remove();
    setTimeout(() => URL.revokeObjectURL(save.href), 60000);
  });
}
readApiLinksWithToken();

async function fetchJson(url) {
  let response;
  try {
    response = await authorizedFetch(url, { headers: { Accept: 'application/json' } });
  } catch (e) {
    throw new ApiError(0, `the server could not be reached (${e.message})`, url.href);
  }
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    if (body && Array.isArray(body.errors)) {
      message = body.errors.map((err) => (err.field ? `${err.field}: ${err.message}` : err.message)).join('; ');
    } else if (body && body.error) {
      message = body.error;
    }
    throw new ApiError(response.status, message, url.href);
  }
  return body;
}

/** Pages of a list endpoint until `limit` items (or all) are read. */
export async function getList(endpoint, key, params, limit = 500) {
  const answer = await getJson(endpoint, { ...params, limit: Math.min(limit, 500) });
  return { items: answer[key] || [], total: answer.total ?? (answer[key] || []).length };
}

// ---------------------------------------------------------------- the view state, kept in the URL

export const WINDOWS = [
  { value: 'P30D', label: 'Last 30 days', days: 30 },
  { value: 'P90D', label: 'Last 90 days', days: 90 },
  { value: 'P180D', label: 'Last 180 days', days: 180 },
  { value: 'custom', label: 'Custom dates…' },
];
const DEFAULTS = { window: 'P30D', environment: 'production', zone: 'UTC', group: 'team', sort: 'name' };
const KEYS = ['window', 'from', 'to', 'environment', 'zone', 'minSeverity', 'group', 'team', 'supplier', 'q', 'sort'];

/** The minimum severities the KPI endpoints take as `minSeverity` (metrics.md, "Severity"); '' counts every incident. */
export const SEVERITIES = [
  { value: '', label: 'All incidents' },
  { value: 'critical', label: 'Critical only' },
  { value: 'major', label: 'Major and above' },
  { value: 'minor', label: 'Minor and above' },
];

/** A page's own URL keys (and their defaults, left out of links), kept beside the shared ones. */
export function addStateKeys(defaults) {
  for (const [key, value] of Object.entries(defaults)) {
    if (!KEYS.includes(key)) KEYS.push(key);
    DEFAULTS[key] = value;
  }
}

export function readState() {
  const params = new URLSearchParams(window.location.search);
  const state = {};
  for (const key of KEYS) state[key] = params.get(key) || DEFAULTS[key] || '';
  if (params.get('from') || params.get('to')) state.window = 'custom';
  if (!WINDOWS.some((w) => w.value === state.window)) state.window = DEFAULTS.window;
  if (!SEVERITIES.some((m) => m.value === state.minSeverity)) state.minSeverity = '';
  return state;
}

/** The page's URL for a state: defaults left out, so links stay short. */
export function stateUrl(state, path = window.location.pathname) {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = state[key];
    if (!value || value === DEFAULTS[key]) continue;
    if ((key === 'from' || key === 'to') && state.window !== 'custom') continue;
    if (key === 'window' && value === 'custom') continue;
    params.set(key, value);
  }
  const query = params.toString();
  return path + (query ? `?${query}` : '');
}

/** The query string part shared by every page (window, environment, zone): for links to other pages. */
export function sharedQuery(state) {
  const shared = { window: state.window, from: state.from, to: state.to, environment: state.environment,
    zone: state.zone, minSeverity: state.minSeverity };
  const url = stateUrl(shared, '');
  return url;
}

/** The API parameters of a state: environment, zone and window (or from/to as instants). */
export function apiParams(state) {
  const params = { environment: state.environment, zone: state.zone };
  if (state.window === 'custom') {
    params.from = zonedMidnight(state.from, state.zone, 0);
    params.to = zonedMidnight(state.to, state.zone, 1);
  } else {
    params.window = state.window;
  }
  return params;
}

/**
 * The parameters of a KPI or governance read (/kpis, /trends, /comparison, /scorecards): those of apiParams and the
 * minimum severity when one is chosen. Of the lists only the incidents take minSeverity; /applications does not.
 */
export function kpiParams(state) {
  return { ...apiParams(state), ...severityParam(state) };
}

/** `{minSeverity}` when the view counts only incidents of a minimum severity, else nothing. */
export function severityParam(state) {
  return state.minSeverity ? { minSeverity: state.minSeverity } : {};
}

/** The instant of midnight of a local date (plus `days`) in a time zone, as ISO text; '' for no date. */
export function zonedMidnight(date, zone, days) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date || '');
  if (!match) return '';
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + days);
  let instant = wall - zoneOffset(zone, wall);
  instant = wall - zoneOffset(zone, instant);
  return new Date(instant).toISOString().replace('.000Z', 'Z');
}

function zoneOffset(zone, epoch) {
  const parts = {};
  for (const part of new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(epoch))) {
    parts[part.type] = part.value;
  }
  const asUtc = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour % 24, +parts.minute, +parts.second);
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/** The wall-clock parts of an instant in a time zone: year, month (1-12), day, hour, minute, second, weekday (1 = Monday). */
export function localParts(epoch, zone) {
  const parts = {};
  for (const part of new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
    hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short',
  }).formatToParts(new Date(epoch))) {
    parts[part.type] = part.value;
  }
  return { year: +parts.year, month: +parts.month, day: +parts.day, hour: +parts.hour % 24, minute: +parts.minute,
    second: +parts.second, weekday: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday) + 1 };
}

/**
 * Whether a trend bucket ({from, to}) is partial: clipped by the window (it does not start at the beginning of its
 * ISO week or calendar month, or does not end at the next one, in the zone) or not over yet at `now`. A partial
 * bucket holds fewer days than a whole one, so its counts must not be read as a whole week's or month's.
 */
export function isPartialBucket(bucket, kind, zone, now = Date.now()) {
  const from = Date.parse(bucket.from);
  const to = Date.parse(bucket.to);
  if (to > now) return true;
  const start = localParts(from, zone);
  const end = localParts(to, zone);
  const midnight = (p) => p.hour === 0 && p.minute === 0 && p.second === 0;
  if (!midnight(start) || !midnight(end)) return true;
  if (kind === 'month') {
    const months = (end.year - start.year) * 12 + end.month - start.month;
    return start.day !== 1 || end.day !== 1 || months !== 1;
  }
  // a week: Monday to Monday, 7 days (± a daylight-saving hour)
  return start.weekday !== 1 || end.weekday !== 1 || Math.abs(to - from - 7 * 86400000) > 3600000;
}

/** The fewest samples a rate or a duration needs before the charts draw it as a full point (docs/dashboard.md). */
export const MIN_SAMPLES = 5;

/** The window of equal length just before the one a report covers. */
export function previousWindow(report, state) {
  const from = Date.parse(report.window.from);
  const to = Date.parse(report.window.to);
  const iso = (ms) => new Date(ms).toISOString().replace('.000Z', 'Z');
  return { environment: state.environment, zone: state.zone, from: iso(from - (to - from)), to: iso(from),
    ...severityParam(state) };
}

// ---------------------------------------------------------------- formatting

export const BAND_NAMES = { elite: 'Elite', high: 'High', medium: 'Medium', low: 'Low' };

export function percent(rate) {
  return rate === null || rate === undefined ? 'no data' : `${(rate * 100).toFixed(1)} %`;
}

export function decimal(value, digits = 1) {
  return value === null || value === undefined ? 'no data' : value.toFixed(digits);
}

/** Seconds as a short duration: "42 s", "18 min", "3.4 h", "2.1 d". */
export function duration(seconds) {
  if (seconds === null || seconds === undefined) return 'no data';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 86400) return `${(seconds / 3600).toFixed(1)} h`;
  return `${(seconds / 86400).toFixed(1)} d`;
}

export function dateTime(iso, zone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' })
    .format(new Date(iso));
}

export function day(iso, zone) {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(iso));
}

export function shortDay(iso, zone) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' })
    .format(new Date(iso));
}

export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Last 30 days: 2 Jan 2026 – 1 Feb 2026 (UTC)" for a report's window. */
export function windowText(report, state) {
  const preset = WINDOWS.find((w) => w.value === state.window && w.days);
  // the window is half-open: its last day is the one before `to` (unless `to` is not a midnight)
  const lastDay = new Date(Date.parse(report.window.to) - 1).toISOString();
  const range = `${day(report.window.from, state.zone)} – ${day(lastDay, state.zone)}`;
  return `${preset ? `${preset.label}: ` : ''}${range} (${state.zone})`;
}

export function windowLength(report) {
  const days = Math.round((Date.parse(report.window.to) - Date.parse(report.window.from)) / 86400000);
  return plural(days, 'day');
}

export function bandChip(band, what) {
  const name = band ? BAND_NAMES[band] || band : 'No band';
  return el('span', { class: `band band-${band || 'none'}`, 'data-band': band || '', title: `${what}: ${name}` },
    name);
}

/** An error box saying what failed and what to do. */
export function errorBox(error, what) {
  const box = el('div', { class: 'notice notice-error', role: 'alert' });
  if (error instanceof ApiError && error.status === 404) {
    append(box, [el('strong', {}, `${what} is not available. `),
      `This server does not answer ${new URL(error.url).pathname} (HTTP 404); update the server to a version that has it.`]);
  } else if (error instanceof ApiError) {
    append(box, [el('strong', {}, `${what} could not be loaded. `), error.message]);
  } else {
    append(box, [el('strong', {}, `${what} could not be shown. `), String(error && error.message || error)]);
  }
  return box;
}

export function emptyState(title, ...lines) {
  return el('div', { class: 'notice notice-empty', 'data-empty': 'true' }, el('strong', {}, title),
    ...lines.map((line) => el('p', {}, line)));
}

export function pageLink(kind, name, state) {
  return new URL(`${kind}/${encodeURIComponent(name)}${sharedQuery(state)}`, siteRoot).href;
}
