// The admin page (/admin): forms that record an assignment, a contract target, a survey and an application's tags
// with POST /api/v1/events, each showing the API's errors next to the field they name; the history of who was
// responsible when. The write token is asked for in a password field and kept only in sessionStorage (gone when
// the tab closes), never in localStorage, a cookie or the URL.
import './frame.js'; // first: the header, controls and footer the page's code fills
import { field } from './controls.js';
import { historyTable, markNav, METRIC_LABELS, RESPONSIBILITIES } from './gov.js';
import { apiBase, append, authorizedFetch, clear, el, errorBox, getJson } from './lib.js';

markNav('admin');
const TOKEN_KEY = 'devops-kpi-write-token';
const TARGET_METRICS = ['changeSuccessRate', 'changeFailureRate', 'deploymentsPerWeek', 'deploymentsPerDay',
  'medianDeploymentDaysPerWeek', 'leadTimeMedian', 'leadTimeP90', 'timeToRestoreMean', 'timeToRestoreMedian',
  'timeToDetectMean', 'reworkRate', 'availability', 'stakeholderSatisfaction', 'sharedComponentUse'];

function token() {
  try {
    return window.sessionStorage.getItem(TOKEN_KEY) || '';
  } catch (e) {
    return '';
  }
}

// ---------------------------------------------------------------- form building

/** One labelled input with an error line under it (aria-describedby), named by the API field it sends. */
function input(form, name, label, { type = 'text', required = false, hint = null, options = null, wide = false,
  list = null, step = null, min = null, max = null, value = null } = {}) {
  const id = `${form}-${name}`;
  let control;
  if (options) {
    control = el('select', { id, name });
    for (const option of options) control.append(el('option', { value: option.value }, option.label));
    if (value) control.value = value;
  } else if (type === 'textarea') {
    control = el('textarea', { id, name, rows: '2' });
  } else {
    control = el('input', { id, name, type, required, list, step, min, max, value, autocomplete: 'off', spellcheck: 'false' });
  }
  control.dataset.field = name;
  const error = el('p', { class: 'field-error', id: `${id}-error`, 'data-error-for': name, role: 'status' });
  const described = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', described);
  return el('div', { class: `field${wide ? ' wide' : ''}` }, el('label', { for: id }, label + (required || options ? '' : ' (optional)')),
    control, hint ? el('span', { class: 'hint', id: `${id}-hint` }, hint) : null, error);
}

/** A date field's value as the instant of that day's midnight in UTC (contract dates), '' when empty. */
function instant(value) {
  return /^\d{4}-\d{2}-\d{2}$/.test(value || '') ? `${value}T00:00:00Z` : '';
}

function list(value) {
  return String(value || '').split(',').map((s) => s.trim()).filter(Boolean);
}

function numberOrText(value) {
  const text = String(value || '').trim();
  if (text === '') return '';
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** The event without empty optional fields (the API treats absent and null alike). */
function compact(event) {
  return Object.fromEntries(Object.entries(event).filter(([, v]) => v !== '' && v !== null && v !== undefined
    && !(Array.isArray(v) && v.length === 0)));
}

function clearErrors(form) {
  for (const node of form.querySelectorAll('.field-error')) node.textContent = '';
  for (const node of form.querySelectorAll('[aria-invalid]')) node.removeAttribute('aria-invalid');
  const status = form.querySelector('.form-status');
  status.textContent = '';
  status.className = 'form-status';
}

/** Puts each error next to the field it names ("tags[2]" → tags); errors without a known field go to the form. */
function showErrors(form, errors) {
  const general = [];
  for (const error of errors) {
    const name = String(error.field || '').split(/[.[]/)[0];
    const slot = name ? form.querySelector(`[data-error-for="${CSS.escape(name)}"]`) : null;
    if (slot) {
      slot.textContent = slot.textContent ? `${slot.textContent} ${error.message}` : error.message;
      const control = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
      if (control) control.setAttribute('aria-invalid', 'true');
    } else {
      general.push(error.field ? `${error.field}: ${error.message}` : error.message);
    }
  }
  if (general.length) status(form, general.join(' '), false);
  const first = form.querySelector('[aria-invalid="true"]');
  if (first) first.focus();
}

function status(form, text, ok) {
  const node = form.querySelector('.form-status');
  node.textContent = text;
  node.className = `form-status ${ok ? 'ok' : 'bad'}`;
}

async function post(event) {
  const response = await fetch(new URL('events', apiBase), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', Authorization: `Bearer ${token()}` },
    body: JSON.stringify(event),
    cache: 'no-store',
  });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  return { status: response.status, body };
}

/** A form card: fields, a submit button and a status line; build(form) returns the event to send. */
function eventForm({ id, title, intro, fields, build, done }) {
  const form = el('form', { class: 'admin-card', id, novalidate: true, 'aria-labelledby': `${id}-title` },
    el('h2', { id: `${id}-title` }, title), el('p', {}, intro),
    el('div', { class: 'form-grid' }, fields),
    el('div', { class: 'form-actions' }, el('button', { type: 'submit', class: 'apply' }, `Record ${title.toLowerCase()}`),
      el('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' })));
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    clearErrors(form);
    if (!token()) {
      status(form, 'Enter the write token first (top of this page).', false);
      document.getElementById('token').focus();
      return;
    }
    const event = compact(build(form.elements));
    let answer;
    try {
      answer = await post(event);
    } catch (error) {
      status(form, `The server could not be reached (${error.message}).`, false);
      return;
    }
    if (answer.status === 200) {
      const b = answer.body || {};
      status(form, `Recorded (${b.accepted ?? 0} new, ${b.updated ?? 0} updated, ${b.duplicates ?? 0} unchanged).`, true);
      if (done) done(event);
    } else if (answer.status === 400 && answer.body && Array.isArray(answer.body.errors)) {
      showErrors(form, answer.body.errors);
    } else if (answer.status === 401) {
      status(form, 'The write token was refused (HTTP 401): check it and enter it again.', false);
      document.getElementById('token').setAttribute('aria-invalid', 'true');
    } else if (answer.status === 404) {
      status(form, 'This server does not accept events at POST /api/v1/events (HTTP 404).', false);
    } else {
      const message = answer.body && (answer.body.error || answer.body.message);
      status(form, message ? `Refused (HTTP ${answer.status}): ${message}` : `Refused (HTTP ${answer.status}).`, false);
    }
  });
  return form;
}

// ---------------------------------------------------------------- the page

function tokenBar() {
  const password = el('input', { id: 'token', name: 'token', type: 'password', autocomplete: 'off', spellcheck: 'false',
    'aria-describedby': 'token-hint' });
  const save = el('button', { type: 'submit', class: 'apply' }, 'Use this token');
  const forget = el('button', { type: 'button', class: 'secondary', id: 'forget-token' }, 'Forget the token');
  const state = el('p', { class: 'form-status', id: 'token-state', role: 'status' });
  const show = () => {
    state.textContent = token() ? 'A write token is set for this tab.' : 'No write token set: the forms cannot record anything.';
    state.className = `form-status ${token() ? 'ok' : ''}`;
  };
  const form = document.getElementById('controls');
  form.setAttribute('aria-label', 'Write token');
  form.append(el('div', { class: 'token-bar' }, field('token', 'Write token', password), save, forget, state),
    el('p', { class: 'hint token-hint', id: 'token-hint' }, 'Kept only in this browser tab (sessionStorage) until it closes; never stored on disk or put in a URL.'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const value = password.value.trim();
    if (value) window.sessionStorage.setItem(TOKEN_KEY, value);
    password.value = '';
    password.removeAttribute('aria-invalid');
    show();
  });
  forget.addEventListener('click', () => {
    window.sessionStorage.removeItem(TOKEN_KEY);
    show();
  });
  show();
}

async function fresh(endpoint, params) {
  const url = new URL(endpoint, apiBase);
  for (const [k, v] of Object.entries(params)) if (v) url.searchParams.set(k, v);
  const response = await authorizedFetch(url, { headers: { Accept: 'application/json' }, cache: 'no-store' });
  if (!response.ok) {
    const error = new Error(`HTTP ${response.status}`);
    error.status = response.status;
    error.url = url.href;
    throw error;
  }
  return response.json();
}

let historyApplication = '';
async function showHistory(application) {
  historyApplication = application;
  const holder = document.getElementById('history-body');
  clear(holder);
  holder.append(el('p', { class: 'muted' }, 'Loading…'));
  let answer;
  try {
    answer = await fresh('assignments', { application });
  } catch (error) {
    answer = { error };
  }
  if (historyApplication !== application) return;
  clear(holder);
  if (answer.error) {
    holder.append(answer.error.status === 404
      ? el('div', { class: 'notice notice-error', role: 'alert', 'data-missing': 'assignments' },
        el('strong', {}, 'The history of assignments is not available. '),
        `This server does not answer ${new URL('assignments', apiBase).pathname} (HTTP 404); update the server to a version that has it.`)
      : el('div', { class: 'notice notice-error', role: 'alert' }, `The history could not be loaded: ${answer.error.message}`));
    return;
  }
  holder.append(el('div', { class: 'list-section' }, historyTable(answer.assignments || [], 'UTC', !application)));
}

function historySection(names) {
  const choose = el('select', { id: 'history-application', name: 'history-application' },
    el('option', { value: '' }, 'All applications'), names.map((n) => el('option', { value: n }, n)));
  choose.addEventListener('change', () => showHistory(choose.value));
  return el('section', { class: 'admin-card wide-card', 'aria-labelledby': 'history-title', id: 'history' },
    el('h2', { id: 'history-title' }, 'Who was responsible when'),
    el('p', {}, 'Assignments per application, oldest first; a supplier is measured on what it delivered or operated during its periods.'),
    field('history-application', 'Application', choose), el('div', { id: 'history-body' }));
}

async function render() {
  const main = document.getElementById('main');
  let apps;
  try {
    apps = await getJson('applications', {});
  } catch (error) {
    apps = { error };
  }
  const names = apps.error ? [] : apps.applications.map((a) => a.application).sort();
  const suppliers = apps.error ? [] : [...new Set(apps.applications.flatMap((a) => [a.delivery.supplier, a.operations.supplier]))]
    .filter((s) => s !== 'unassigned').sort();
  clear(main);
  const datalists = [el('datalist', { id: 'application-names' }, names.map((n) => el('option', { value: n }))),
    el('datalist', { id: 'supplier-names' }, suppliers.map((n) => el('option', { value: n })))];

  const assignment = eventForm({ id: 'assignment-form', title: 'Assignment',
    intro: 'Which supplier (and team) delivers or operates an application from a date on.',
    fields: [
      input('assignment', 'application', 'Application', { required: true, list: 'application-names' }),
      input('assignment', 'supplier', 'Supplier', { required: true, list: 'supplier-names' }),
      input('assignment', 'team', 'Team'),
      input('assignment', 'responsibility', 'Responsibility', { options: Object.entries(RESPONSIBILITIES)
        .map(([value, label]) => ({ value, label })) }),
      input('assignment', 'from', 'From', { type: 'date', required: true, hint: 'Midnight UTC of this day.' }),
      input('assignment', 'to', 'Until (exclusive)', { type: 'date', hint: 'Empty: open-ended.' })],
    build: (f) => ({ type: 'assignment', application: f.application.value.trim(), supplier: f.supplier.value.trim(),
      team: f.team.value.trim(), responsibility: f.responsibility.value, from: instant(f.from.value), to: instant(f.to.value) }),
    done: (event) => {
      const choose = document.getElementById('history-application');
      if (![...choose.options].some((o) => o.value === event.application)) choose.append(el('option', { value: event.application }, event.application));
      choose.value = event.application;
      showHistory(event.application);
    } });

  const target = eventForm({ id: 'target-form', title: 'Contract target',
    intro: 'A KPI target from the contract; a review period is judged against the target in force at its start.',
    fields: [
      input('target', 'supplier', 'Supplier', { required: true, list: 'supplier-names' }),
      input('target', 'applications', 'Applications', { hint: 'Comma-separated; empty: all the supplier\'s applications.' }),
      input('target', 'metric', 'KPI', { options: TARGET_METRICS.map((m) => ({ value: m, label: METRIC_LABELS[m] || m })) }),
      input('target', 'operator', 'Operator', { options: ['>=', '>', '<=', '<'].map((o) => ({ value: o, label: o })) }),
      input('target', 'value', 'Target value', { required: true, hint: 'Rates as fractions (0.9); durations as 4h, 30m or seconds.' }),
      input('target', 'minSamples', 'Minimum sample size', { type: 'number', min: '0', step: '1', value: '10' }),
      input('target', 'period', 'Review period', { options: [{ value: 'QUARTER', label: 'Quarter' }, { value: 'MONTH', label: 'Month' }] }),
      input('target', 'from', 'In force from', { type: 'date', required: true }),
      input('target', 'to', 'In force until (exclusive)', { type: 'date' })],
    build: (f) => ({ type: 'target', supplier: f.supplier.value.trim(), applications: list(f.applications.value),
      metric: f.metric.value, operator: f.operator.value, value: numberOrText(f.value.value),
      minSamples: f.minSamples.value === '' ? '' : Number(f.minSamples.value), period: f.period.value,
      from: instant(f.from.value), to: instant(f.to.value) }) });

  const survey = eventForm({ id: 'survey-form', title: 'Survey',
    intro: 'A stakeholder satisfaction survey: the mean score (1 to 5) it reported and how many answered.',
    fields: [
      input('survey', 'id', 'Survey id', { required: true, hint: 'e.g. 2026-Q1-acme-shop; re-sending it updates it.' }),
      input('survey', 'supplier', 'Supplier', { required: true, list: 'supplier-names' }),
      input('survey', 'application', 'Application', { list: 'application-names' }),
      input('survey', 'score', 'Mean score (1–5)', { type: 'number', required: true, step: '0.01', min: '1', max: '5' }),
      input('survey', 'from', 'Covers from', { type: 'date', required: true }),
      input('survey', 'to', 'Covers until (exclusive)', { type: 'date', required: true }),
      input('survey', 'respondents', 'Respondents', { type: 'number', required: true, min: '1', step: '1' }),
      input('survey', 'comment', 'Comment', { type: 'textarea', wide: true })],
    build: (f) => ({ type: 'survey', id: f.id.value.trim(), supplier: f.supplier.value.trim(), application: f.application.value.trim(),
      score: f.score.value === '' ? '' : Number(f.score.value), respondents: f.respondents.value === '' ? '' : Number(f.respondents.value),
      from: instant(f.from.value), to: instant(f.to.value), comment: f.comment.value.trim() }) });

  const tags = eventForm({ id: 'tags-form', title: 'Application tags',
    intro: 'Tags make like-for-like comparisons possible (e.g. web, batch, customer-facing); re-sending replaces them.',
    fields: [
      input('tags', 'application', 'Application', { required: true, list: 'application-names' }),
      input('tags', 'tags', 'Tags', { required: true, hint: 'Comma-separated, up to 20.' })],
    build: (f) => ({ type: 'application', application: f.application.value.trim(), tags: list(f.tags.value) }) });

  append(main, [
    el('div', { class: 'page-head' }, el('h1', {}, 'Admin'),
      el('p', { class: 'subtitle' }, 'Record contract data. Every form sends one event to POST /api/v1/events with the write token.')),
    apps.error ? errorBox(apps.error, 'The list of applications') : null,
    ...datalists,
    el('div', { class: 'admin-grid' }, assignment, target, survey, tags),
    historySection(names),
  ]);
  showHistory('');
}

tokenBar();
render();
