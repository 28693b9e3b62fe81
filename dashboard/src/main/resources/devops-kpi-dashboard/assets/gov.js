// Shared pieces of the supplier governance pages (scorecard, comparison, admin): how each contract metric is
// formatted, verdicts as words and colour, and a small URL-state control bar. Text only, never HTML.
import { day, decimal, duration, el, emptyState, percent } from './lib.js';

/** Labels of the metrics a target or a comparison may name (the API's own label wins when it sends one). */
export const METRIC_LABELS = {
  deploymentFrequency: 'Deployment frequency',
  deploymentsPerDay: 'Deployments per day',
  deploymentsPerWeek: 'Deployments per week',
  medianDeploymentDaysPerWeek: 'Deployment days a week (median)',
  leadTimeMedian: 'Lead time (median)',
  leadTimeP90: 'Lead time (90th percentile)',
  changeFailureRate: 'Change failure rate',
  changeSuccessRate: 'Change success rate',
  timeToRestoreMedian: 'Time to restore (median)',
  timeToRestoreMean: 'Time to restore (mean)',
  timeToDetectMean: 'Time to detect (mean)',
  timeToResolveMean: 'Time to resolve (mean)',
  timeToResolveMedian: 'Time to resolve (median)',
  reworkRate: 'Rework rate',
  availability: 'Availability',
  stakeholderSatisfaction: 'Stakeholder satisfaction',
  sharedComponentUse: 'Shared component use',
};

/** What kind of number a metric is: 'rate' (0..1), 'duration' (seconds), 'score' (1..5) or 'count'. */
export function metricKind(metric) {
  if (/^(leadTime|timeTo)/.test(metric)) return 'duration';
  if (/Rate$/.test(metric) || metric === 'availability' || metric === 'sharedComponentUse') return 'rate';
  if (metric === 'stakeholderSatisfaction') return 'score';
  return 'count';
}

/** True when a larger value is better (frequency, success, availability, satisfaction). */
export function higherIsBetter(metric) {
  const kind = metricKind(metric);
  if (kind === 'duration') return false;
  return !['changeFailureRate', 'reworkRate'].includes(metric);
}

export function unitOf(metric) {
  if (/^deploymentFrequency$|^deploymentsPerWeek$/.test(metric)) return 'per week';
  if (metric === 'deploymentsPerDay') return 'per day';
  if (metric === 'medianDeploymentDaysPerWeek') return 'days a week';
  if (metric === 'stakeholderSatisfaction') return 'of 5';
  return '';
}

/** A metric's value as people read it; null is "no data", never 0. */
export function formatValue(metric, value) {
  if (value === null || value === undefined) return 'no data';
  switch (metricKind(metric)) {
    case 'duration': return duration(value);
    case 'rate': return metric === 'availability' ? `${(value * 100).toFixed(2)} %` : percent(value);
    case 'score': return decimal(value, 2);
    default: return decimal(value, metric === 'deploymentsPerDay' ? 2 : 1);
  }
}

/** The figure with its unit: "4.2 per week", "3.9 of 5", "92.3 %". */
export function formatWithUnit(metric, value) {
  const text = formatValue(metric, value);
  const unit = unitOf(metric);
  return value === null || value === undefined || !unit ? text : `${text} ${unit}`;
}

export function formatInterval(metric, ci) {
  if (!ci) return '—';
  return `${formatValue(metric, ci[0])} – ${formatValue(metric, ci[1])}`;
}

const OPERATOR_WORDS = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };

export function formatTarget(metric, target) {
  if (!target) return 'no target';
  return `${OPERATOR_WORDS[target.operator] || target.operator} ${formatWithUnit(metric, target.value)}`;
}

/** The change against the previous period, signed, in the metric's unit ("+2.1 pts", "−35 min"). */
export function formatChange(metric, change) {
  if (change === null || change === undefined) return { text: 'no comparison', tone: 'none' };
  const kind = metricKind(metric);
  let text;
  if (kind === 'rate') text = `${Math.abs(change * 100).toFixed(1)} pts`;
  else if (kind === 'duration') text = duration(Math.abs(change));
  else text = `${decimal(Math.abs(change), kind === 'score' ? 2 : 1)}${unitOf(metric) ? ` ${unitOf(metric)}` : ''}`;
  const zero = Number((text.match(/[0-9.]+/) || ['0'])[0]) === 0;
  if (zero) return { text: 'unchanged', tone: 'same' };
  const better = (change > 0) === higherIsBetter(metric);
  return { text: `${change > 0 ? '▲ +' : '▼ −'}${text}`, tone: better ? 'better' : 'worse' };
}

export const VERDICTS = {
  MET: { word: 'met', css: 'met' },
  MISSED: { word: 'missed', css: 'missed' },
  NOT_ENOUGH_DATA: { word: 'not enough data', css: 'nodata' },
  INSUFFICIENT_DATA: { word: 'not enough data', css: 'nodata' },
  NO_TARGET: { word: 'no target', css: 'none' },
};

/** A verdict chip: the word and the colour, never the colour alone. */
export function verdictChip(verdict) {
  const v = VERDICTS[verdict] || { word: String(verdict || 'no target').toLowerCase(), css: 'none' };
  const mark = { met: '✓ ', missed: '✗ ', nodata: '? ' }[v.css] || '';
  return el('span', { class: `verdict verdict-${v.css}`, 'data-verdict': verdict || '' },
    el('span', { 'aria-hidden': 'true' }, mark), v.word);
}

export const RESPONSIBILITIES = {
  DELIVERY: 'delivery (what they built)',
  OPERATIONS: 'operations (what they ran)',
  BOTH: 'delivery and operations',
};

/** Marks the page's own entry in the top navigation. */
export function markNav(name) {
  const link = document.querySelector(`nav [data-nav="${name}"]`);
  if (link) link.setAttribute('aria-current', 'page');
}

/** A simple table: headers = [{label, num}] or strings; rows = arrays of cells (nodes or text). */
export function dataTable({ caption, headers, rows, id, className = 'data', captionHidden = false }) {
  return el('table', { class: className, id },
    caption ? el('caption', { class: captionHidden ? 'visually-hidden' : null }, caption) : null,
    el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', class: h.num ? 'num' : null },
      typeof h === 'string' ? h : h.label)))),
    el('tbody', {}, rows.map((row) => (row instanceof Node ? row : el('tr', {}, row.map((cell, i) => {
      const header = headers[i];
      if (cell instanceof Node && (cell.tagName === 'TD' || cell.tagName === 'TH')) return cell;
      return el(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null, class: header && header.num ? 'num' : null },
        cell);
    }))))));
}

/** Who was responsible when, for one application (or all): GET /api/v1/assignments?application=. */
export function historyTable(assignments, zone = 'UTC', showApplication = true) {
  if (assignments.length === 0) return emptyState('No assignments recorded.', 'Record one with the assignment form.');
  const headers = [...(showApplication ? ['Application'] : []), 'Responsibility', 'Supplier', 'Team', 'From', 'Until (exclusive)'];
  return dataTable({ caption: 'Who was responsible when', captionHidden: true, id: 'history-table', headers,
    rows: assignments.map((a) => el('tr', { 'data-application': a.application, 'data-supplier': a.supplier },
      ...[...(showApplication ? [a.application] : []), RESPONSIBILITIES[a.responsibility] || a.responsibility, a.supplier,
        a.team || '—', day(a.from, zone), a.to ? day(a.to, zone) : 'open-ended']
        .map((text, i) => el(i === 0 ? 'th' : 'td', { scope: i === 0 ? 'row' : null }, text)))) });
}

