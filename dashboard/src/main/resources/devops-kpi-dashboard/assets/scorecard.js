// The supplier scorecard (/suppliers/{name}): every contracted KPI of one review period (month or quarter) with
// value, 95 % interval, sample size, target, verdict and change; a trend per KPI (chart and table); what the
// supplier built and ran; its responsibility periods. Prints on A4 for a governance meeting (dashboard.css, @media print).
import './frame.js'; // first: the header, controls and footer the page's code fills
import { periodChart, pruneCharts } from './charts.js';
import { field, select } from './controls.js';
import { dataTable, formatChange, formatInterval, formatTarget, formatValue, formatWithUnit, markNav,
  METRIC_LABELS, metricKind, RESPONSIBILITIES, verdictChip } from './gov.js';
import { apiBase, append, clear, day, decimal, duration, el, emptyState, errorBox, getJson, MIN_SAMPLES, pageLink,
  percent, plural, SEVERITIES } from './lib.js';

import { define, defineLabels, kpiOf } from './definitions.js';
import { BEHIND, drillHref } from './drill.js';

const supplier = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).pop() || '');
document.title = `${supplier} · Scorecard · devops-kpi`;
markNav('overview');
let renderCount = 0;

// ---------------------------------------------------------------- state and controls

function readScorecardState() {
  const params = new URLSearchParams(window.location.search);
  const period = params.get('period') || '';
  return {
    period,
    kind: /^\d{4}-\d{2}$/.test(period) ? 'month' : 'quarter',
    environment: params.get('environment') || 'production',
    zone: params.get('zone') || 'UTC',
    minSeverity: SEVERITIES.some((m) => m.value === params.get('minSeverity')) ? params.get('minSeverity') : '',
  };
}

function stateQuery(state) {
  const params = new URLSearchParams();
  if (state.period) params.set('period', state.period);
  if (state.environment && state.environment !== 'production') params.set('environment', state.environment);
  if (state.zone && state.zone !== 'UTC') params.set('zone', state.zone);
  if (state.minSeverity) params.set('minSeverity', state.minSeverity);
  const query = params.toString();
  return query ? `?${query}` : '';
}

/** The last complete periods, newest first: 8 quarters or 12 months before today (UTC). */
function periodOptions(kind) {
  const now = new Date();
  const options = [];
  if (kind === 'month') {
    for (let i = 1; i <= 12; i += 1) {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1));
      const value = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
      const label = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(d);
      options.push({ value, label });
    }
  } else {
    let year = now.getUTCFullYear();
    let quarter = Math.floor(now.getUTCMonth() / 3) + 1;
    for (let i = 0; i < 8; i += 1) {
      quarter -= 1;
      if (quarter === 0) {
        quarter = 4;
        year -= 1;
      }
      options.push({ value: `${year}-Q${quarter}`, label: `Q${quarter} ${year}` });
    }
  }
  return options;
}

function setUpScorecardControls() {
  const form = document.getElementById('controls');
  const state = readScorecardState();
  const kind = select('period-kind', 'kind', [{ value: 'quarter', label: 'Quarter' }, { value: 'month', label: 'Month' }],
    state.kind);
  const period = el('select', { id: 'period', name: 'period' });
  const environment = el('input', { id: 'environment', name: 'environment', type: 'text', value: state.environment,
    autocomplete: 'off', spellcheck: 'false', required: true });
  const fill = (which, value) => {
    clear(period);
    const options = periodOptions(which);
    if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: value });
    period.append(el('option', { value: '' }, which === 'quarter' ? 'Last complete quarter' : 'Last complete month'));
    for (const option of options) {
      const node = el('option', { value: option.value }, option.label);
      if (option.value === value) node.selected = true;
      period.append(node);
    }
  };
  fill(state.kind, state.period);
  const minSeverity = select('minSeverity', 'minSeverity', SEVERITIES, state.minSeverity);
  form.append(field('period-kind', 'Review period', kind), field('period', 'Period', period),
    field('environment', 'Environment', environment), field('minSeverity', 'Incidents counted', minSeverity));

  const go = () => {
    const next = { ...readScorecardState(), period: period.value, environment: environment.value.trim() || 'production',
      minSeverity: minSeverity.value };
    if (kind.value === 'month' && !period.value) {
      // "last complete month" is asked for by name: the API's default period is a quarter
      next.period = periodOptions('month')[0].value;
    }
    const url = window.location.pathname + stateQuery(next);
    if (url !== window.location.pathname + window.location.search) window.history.pushState(null, '', url);
    shown = window.location.pathname + window.location.search;
    render(readScorecardState());
  };
  kind.addEventListener('change', () => {
    fill(kind.value, '');
    go();
  });
  period.addEventListener('change', go);
  environment.addEventListener('change', go);
  minSeverity.addEventListener('change', go);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go();
  });
  let shown = window.location.pathname + window.location.search;
  window.addEventListener('popstate', () => {
    // the skip link changes only the hash: same view, keep it (and the focus)
    if (window.location.pathname + window.location.search === shown) return;
    shown = window.location.pathname + window.location.search;
    const back = readScorecardState();
    kind.value = back.kind;
    fill(back.kind, back.period);
    environment.value = back.environment;
    minSeverity.value = back.minSeverity;
    render(back);
  });
  return { state, sync: (answer) => {
    // the default period is the API's: show which one it chose
    if (!period.value && answer && answer.period) {
      const label = answer.period.label;
      if (![...period.options].some((o) => o.value === label)) period.append(el('option', { value: label }, label));
      period.value = label;
    }
  } };
}

// ---------------------------------------------------------------- the page

function periodText(period, zone) {
  const last = new Date(Date.parse(period.to) - 1).toISOString();
  return `${period.label} · ${day(period.from, zone)} – ${day(last, zone)}`;
}

function kpiLabel(kpi) {
  return kpi.label || METRIC_LABELS[kpi.metric] || kpi.metric;
}

function changeCell(kpi) {
  const change = formatChange(kpi.metric, kpi.change);
  const previous = kpi.previous && kpi.previous.value !== null && kpi.previous.value !== undefined
    ? `previous ${formatValue(kpi.metric, kpi.previous.value)} (n = ${kpi.previous.samples ?? '—'})`
    : 'no figure for the previous period';
  return el('td', { class: `change change-${change.tone}`, 'data-field': 'change' },
    el('span', { class: 'change-value' }, change.text), el('span', { class: 'change-previous' }, previous));
}

/** The dates of a period (its last day included) in a zone: the list view's custom window for that period. */
function periodState(period, state) {
  const date = (ms) => new Intl.DateTimeFormat('en-CA', { timeZone: state.zone, year: 'numeric', month: '2-digit',
    day: '2-digit' }).format(new Date(ms));
  return { window: 'custom', from: date(Date.parse(period.from)), to: date(Date.parse(period.to) - 1),
    environment: state.environment, zone: state.zone };
}

/** The sample size, linking to the list behind it (the supplier's, over the period) where there is one. */
function samplesCell(kpi, period, state) {
  const text = kpi.samples === null || kpi.samples === undefined ? '—' : String(kpi.samples);
  const behind = kpiOf(kpi.metric);
  const linked = BEHIND[behind] && period && !kpi.applications && kpi.responsible !== false;
  return el('td', { class: 'num', 'data-field': 'samples', 'data-value': String(kpi.samples ?? '') }, linked
    ? el('a', { class: 'drill', 'data-drill': behind, href: drillHref(behind, { supplier }, periodState(period, state)),
      title: 'The list behind this figure' }, text) : text);
}

function kpiTable(kpis, period, state) {
  const headers = ['KPI', { label: 'Value', num: true }, { label: '95 % interval', num: true },
    { label: 'Sample', num: true }, 'Target', 'Verdict', 'Change vs previous period'];
  const rows = kpis.map((kpi) => el('tr', { 'data-metric': kpi.metric, class: `row-${(kpi.verdict || '').toLowerCase()}` },
    define(el('th', { scope: 'row', class: 'kpi-label', 'data-field': 'label' }, kpiLabel(kpi)), kpi.metric, kpi.samples),
    el('td', { class: `num figure-cell${kpi.responsible === false ? ' not-responsible' : ''}`, 'data-field': 'value',
      'data-value': kpi.value === null ? 'null' : String(kpi.value) },
      kpi.responsible === false ? 'not responsible' : formatWithUnit(kpi.metric, kpi.value)),
    el('td', { class: 'num', 'data-field': 'ci95' }, formatInterval(kpi.metric, kpi.ci95)),
    samplesCell(kpi, period, state),
    el('td', { 'data-field': 'target' }, formatTarget(kpi.metric, kpi.target),
      kpi.target && kpi.target.minSamples ? el('span', { class: 'min-samples' }, ` (min. ${kpi.target.minSamples} samples)`) : null,
      kpi.target && kpi.target.minSeverity
        ? el('span', { class: 'min-samples target-severity' }, ` (incidents ${kpi.target.minSeverity} and above)`) : null),
    el('td', { 'data-field': 'verdict' }, verdictChip(kpi.verdict)),
    changeCell(kpi)));
  return el('div', { class: 'list-section scorecard-table' },
    dataTable({ caption: 'Contracted KPIs of the period', captionHidden: true, headers, rows, id: 'kpi-table' }));
}

function verdictSummary(kpis) {
  const count = (v) => kpis.filter((k) => k.verdict === v).length;
  const contracted = kpis.filter((k) => k.verdict !== 'NO_TARGET').length;
  return el('p', { class: 'verdict-summary', id: 'verdict-summary' },
    `${plural(contracted, 'contracted KPI')}: `,
    verdictChip('MET'), el('span', { 'data-count': 'MET' }, ` ${count('MET')}`), ' · ', verdictChip('MISSED'),
    el('span', { 'data-count': 'MISSED' }, ` ${count('MISSED')}`), ' · ', verdictChip('NOT_ENOUGH_DATA'),
    el('span', { 'data-count': 'NOT_ENOUGH_DATA' }, ` ${count('NOT_ENOUGH_DATA')}`),
    kpis.length > contracted ? el('span', { class: 'muted' }, ` · ${kpis.length - contracted} more KPIs shown without a target`) : null);
}

function trendCards(kpis) {
  return el('div', { class: 'trend-cards' }, kpis.map((kpi, i) => {
    const points = (kpi.trend || []).map((p) => ({ label: p.label, value: p.value, samples: p.samples, from: p.from,
      to: p.to }));
    const kind = metricKind(kpi.metric);
    // a target's own minimum sample, else the dashboard's for rates and durations (counts have no sample to lack)
    const minSamples = kpi.target && kpi.target.minSamples > 0 ? kpi.target.minSamples
      : (kind === 'rate' || kind === 'duration' ? MIN_SAMPLES : 0);
    return el('figure', { class: 'trend-card', 'data-metric': kpi.metric },
      el('figcaption', {}, define(el('span', { class: 'trend-title kpi-label' }, kpiLabel(kpi)), kpi.metric), ' ', verdictChip(kpi.verdict),
        el('span', { class: 'trend-target' }, kpi.target ? `target ${formatTarget(kpi.metric, kpi.target)}` : '')),
      points.length === 0 ? emptyState('No trend for this KPI.') : periodChart({ id: `trend-${i}`, title: kpiLabel(kpi),
        points, format: (v) => formatValue(kpi.metric, v), kind, minSamples,
        target: kpi.target && typeof kpi.target.value === 'number' ? kpi.target.value : null }));
  }));
}

function responsibilityTable(list, state) {
  if (!list || list.length === 0) {
    return emptyState(`${supplier} was responsible for no application in this period.`,
      'Record an assignment on the Admin page (or POST /api/v1/events with {"type": "assignment", …}).');
  }
  const rows = list.map((r) => [
    el('a', { href: pageLink('applications', r.application, { environment: state.environment, zone: state.zone,
      window: 'P90D' }) }, r.application),
    RESPONSIBILITIES[r.responsibility] || r.responsibility, r.team || '—', day(r.from, state.zone),
    r.to ? day(r.to, state.zone) : 'open-ended']);
  return el('div', { class: 'list-section' }, dataTable({ caption: 'Responsibility periods overlapping the period',
    captionHidden: true, id: 'responsibilities', headers: ['Application', 'Responsibility', 'Team', 'From', 'Until (exclusive)'],
    rows }));
}

function sideCard(title, kpis, rows, id, responsible) {
  if (!kpis) {
    return el('section', { class: 'side-card', id }, el('h3', {}, title),
      el('p', { class: 'muted' }, 'Not reported by this server.'));
  }
  if (!responsible) {
    // metrics.md: a KPI of a responsibility the supplier did not hold reads "not responsible", never 0 or 100 %
    return el('section', { class: 'side-card not-responsible', id, 'aria-label': title }, el('h3', {}, title),
      el('p', { class: 'muted' }, 'Not responsible in this period.'));
  }
  return el('section', { class: 'side-card', id, 'aria-label': title }, el('h3', {}, title),
    el('dl', {}, rows(kpis).flatMap(([term, text, metric]) => [metric ? define(el('dt', {}, term), metric)
      : el('dt', {}, term), el('dd', {}, text)])));
}

/** Whether the supplier held the responsibility in the period (older servers do not say: assume it did). */
const held = (answer, side) => !answer.responsibilitiesHeld || answer.responsibilitiesHeld.includes(side);

function rateWithSample(rate, ci, failed, total) {
  if (rate === null || rate === undefined) return `no data (${plural(total || 0, 'change')})`;
  return `${percent(rate)} (n = ${total}${ci ? `, 95 % ${percent(ci[0])} – ${percent(ci[1])}` : ''})`;
}

const delivered = (k) => [
  ['Deployment frequency', `${decimal(k.deploymentFrequency.perWeek)} per week (${plural(k.deploymentFrequency.deployments, 'deployment')})`,
    'deploymentFrequency'],
  ['Change success rate', rateWithSample(k.changeSuccessRate.rate, k.changeSuccessRate.ci95, k.changeFailureRate.failed,
    k.changeFailureRate.total), 'changeSuccessRate'],
  ['Lead time (median)', `${duration(k.leadTime.medianSeconds)} (${plural(k.leadTime.count, 'change')})`, 'leadTime'],
  ['Rework rate', `${percent(k.reworkRate.rate)} (n = ${k.reworkRate.total})`, 'reworkRate'],
  ['Time to restore (mean)', `${duration(k.timeToRestore.meanSeconds)} (${plural(k.timeToRestore.count, 'restore')}, ${k.timeToRestore.open} open)`, 'timeToRestore'],
];
const operated = (k) => [
  ['Time to resolve (mean)', k.timeToResolve ? `${duration(k.timeToResolve.meanSeconds)} (${plural(k.timeToResolve.count, 'incident')}, ${k.timeToResolve.open} open)` : 'not reported', 'timeToResolve'],
  ['Time to detect (mean)', `${duration(k.timeToDetect.meanSeconds)} (${plural(k.timeToDetect.count, 'incident')})`, 'timeToDetect'],
  ['Availability', `${k.availability.ratio === null ? 'no data' : `${(k.availability.ratio * 100).toFixed(2)} %`}`
    + ` (${plural(k.availability.applications, 'application')})`, 'availability'],
  ['Downtime', duration(k.availability.downtimeSeconds)],
];

/** Puts the KPIs' definitions on a table's column headers (after the first two: application, responsibility). */
function defineHeaders(table, metrics) {
  [...table.querySelectorAll('thead th')].slice(2).forEach((th, i) => define(th, metrics[i]));
  return table;
}

function applicationTable(list, state) {
  if (!list || list.length === 0) return emptyState('No application figures for this period.');
  const rows = list.map((a) => {
    const k = a.kpis || {};
    const cell = (f) => {
      try {
        return f(k);
      } catch (e) {
        return '—';
      }
    };
    return el('tr', { 'data-application': a.application, 'data-responsibility': a.responsibility || '' },
      el('th', { scope: 'row' }, el('a', { href: pageLink('applications', a.application, { environment: state.environment,
        zone: state.zone, window: 'P90D' }) }, a.application)),
      el('td', {}, RESPONSIBILITIES[a.responsibility] || a.responsibility || '—'),
      el('td', { class: 'num' }, cell((x) => decimal(x.deploymentFrequency.perWeek))),
      el('td', { class: 'num' }, cell((x) => `${percent(x.changeSuccessRate.rate)} (n = ${x.changeFailureRate.total})`)),
      el('td', { class: 'num' }, cell((x) => duration(x.leadTime.medianSeconds))),
      el('td', { class: 'num' }, cell((x) => `${duration(x.timeToRestore.meanSeconds)} (n = ${x.timeToRestore.count})`)),
      el('td', { class: 'num' }, cell((x) => duration(x.timeToDetect.meanSeconds))),
      el('td', { class: 'num' }, cell((x) => (x.availability.ratio === null ? 'no data' : `${(x.availability.ratio * 100).toFixed(2)} %`))));
  });
  return el('div', { class: 'list-section' }, defineHeaders(dataTable({ caption: 'Per application', captionHidden: true, id: 'applications',
    headers: ['Application', 'Responsibility', { label: 'Deployments / week', num: true },
      { label: 'Change success', num: true }, { label: 'Lead time (median)', num: true },
      { label: 'Time to restore (mean)', num: true }, { label: 'Time to detect (mean)', num: true },
      { label: 'Availability', num: true }], rows }), ['deploymentFrequency', 'changeSuccessRate', 'leadTime',
    'timeToRestore', 'timeToDetect', 'availability']));
}

function apiLinks(state) {
  const query = stateQuery(state);
  const json = new URL(`scorecards/${encodeURIComponent(supplier)}${query}`, apiBase);
  const csv = new URL(`scorecards/${encodeURIComponent(supplier)}.csv${query}`, apiBase);
  return el('p', { class: 'export-links no-print' }, 'The same data as ',
    el('a', { href: json.href, id: 'json-link' }, 'JSON'), ' · ', el('a', { href: csv.href, id: 'csv-link', download: '' }, 'CSV'),
    ' · ', el('span', { class: 'muted' }, 'Print this page (Ctrl+P) for the meeting: A4, one section per page.'));
}

/** The CSS text of a string: quoted, with quotes, backslashes and line breaks escaped (never raw user text in CSS). */
function cssString(text) {
  return `"${String(text).replace(/[\\"\n\r\f]/g, (c) => `\\${c.charCodeAt(0).toString(16)} `)}"`;
}

let runningRule = null;
/**
 * The supplier and period at the top of every printed page: a page margin box (@page @top-left/@top-right) added
 * through the CSS object model, which the CSP allows (no inline style).
 */
function runningHeader(left, right) {
  const sheet = [...document.styleSheets].find((s) => s.href && s.href.endsWith('dashboard.css'));
  if (!sheet) return;
  if (runningRule) {
    const index = [...sheet.cssRules].indexOf(runningRule);
    if (index >= 0) sheet.deleteRule(index);
  }
  const box = 'font-family: system-ui, "DejaVu Sans", sans-serif; font-size: 9pt; color: #1f2a37; border-bottom: 0.5pt solid #9aa5b1; vertical-align: bottom; padding-bottom: 2mm;';
  const index = sheet.insertRule(`@page { @top-left { content: ${cssString(left)}; font-weight: 700; ${box} }
    @top-right { content: ${cssString(right)}; ${box} } }`, sheet.cssRules.length);
  runningRule = sheet.cssRules[index];
}

async function render(state) {
  const mine = ++renderCount;
  const main = document.getElementById('main');
  const params = { period: state.period, environment: state.environment, zone: state.zone,
    ...(state.minSeverity ? { minSeverity: state.minSeverity } : {}) };
  let answer;
  try {
    answer = await getJson(`scorecards/${encodeURIComponent(supplier)}`, params);
  } catch (error) {
    answer = { error };
  }
  if (mine !== renderCount) return;
  clear(main);
  const title = el('h1', {}, el('span', { class: 'kind' }, 'Supplier scorecard: '), el('span', { id: 'supplier-name' }, supplier));
  const head = el('div', { class: 'page-head' }, title);
  main.append(head);
  const apiLink = document.getElementById('api-link');
  if (apiLink) apiLink.href = new URL(`scorecards/${encodeURIComponent(supplier)}${stateQuery(state)}`, apiBase).href;
  if (answer.error) {
    main.append(errorBox(answer.error, 'The scorecard'));
    return;
  }
  controls.sync(answer);
  const period = periodText(answer.period, state.zone);
  head.append(el('p', { class: 'subtitle', id: 'period-text' }, el('span', { class: 'env' }, answer.environment || state.environment),
    ' · ', period));
  runningHeader(`Supplier scorecard: ${supplier}`, `${period} · ${answer.environment || state.environment}`);
  const kpis = answer.kpis || [];
  const breakdown = answer.breakdown || {};
  const byResponsibility = breakdown.responsibilities || {};
  const section = (id, heading, cls, ...content) => el('section', { 'aria-labelledby': id, class: cls },
    el('h2', { id }, heading), ...content);
  append(main, [
    apiLinks(state),
    kpis.length === 0 ? emptyState(`No KPIs for ${supplier} in ${answer.period.label}.`) : null,
    section('kpis-heading', 'Contracted KPIs', 'print-first', verdictSummary(kpis), kpiTable(kpis, answer.period, state),
      el('p', { class: 'note' }, 'Verdicts compare the value with the target in force at the start of the period. ',
        '"Not enough data" means fewer samples than the target\'s minimum (or no value), never "missed". ',
        'Intervals are 95 % Wilson intervals (rates only).')),
    section('responsibility-heading', 'Responsibility periods', 'print-keep', responsibilityTable(answer.responsibilities, state)),
    section('trend-heading', `Trends: the ${kpis[0] && kpis[0].trend ? kpis[0].trend.length : 6} periods up to ${answer.period.label}`,
      'print-break', trendCards(kpis)),
    section('built-heading', 'What they built and what they ran', 'print-break',
      el('div', { class: 'side-cards' },
        sideCard('Delivery: what they built', byResponsibility.DELIVERY, delivered, 'delivery-kpis',
          held(answer, 'DELIVERY')),
        sideCard('Operations: what they ran', byResponsibility.OPERATIONS, operated, 'operations-kpis',
          held(answer, 'OPERATIONS')))),
    section('apps-heading', 'Per application', 'print-keep', applicationTable(breakdown.applications, state)),
  ]);
  defineLabels(main);
  pruneCharts();
}

const controls = setUpScorecardControls();
render(controls.state);
