// The application page: every KPI with its interval and sample size, weekly trends (chart and table), recent
// deployments, failed changes with their restores, open failures, incidents.
import './frame.js'; // first: the header, controls and footer the page's code fills
import { setUpControls } from './controls.js';
import { pruneCharts, trendChart } from './charts.js';
import { historyTable } from './gov.js';
import { define, defineLabels } from './definitions.js';
import { afterId, drillLink, pagedList, reasons, severityCell } from './drill.js';
import { apiBase, apiParams, append, bandChip, clear, dateTime, decimal, duration, el, emptyState, errorBox,
  getJson, MIN_SAMPLES, pageLink, percent, plural, setApiLink, severityParam, windowText } from './lib.js';

const name = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).pop() || '');
document.title = `${name} · devops-kpi`;
let renderCount = 0;
const DEPLOYMENTS_PAGE = 20;

async function optional(promise) {
  try {
    return await promise;
  } catch (error) {
    return { error };
  }
}

function card(title, band, value, rows, kpi, raw, unit = null, drill = null) {
  const metric = kpi.split('.')[0];
  return el('section', { class: 'kpi-card', 'aria-label': title },
    define(el('h3', { class: 'kpi-title' }, title), metric, drill ? drill.samples : null),
    el('p', { class: 'figure' }, el('span', { class: 'value', 'data-kpi': kpi,
      'data-value': raw === null ? 'null' : String(raw) }, value), unit ? el('span', { class: 'unit' }, unit) : null),
    band === undefined ? null : bandChip(band, `${title} band`),
    el('dl', {}, rows.flatMap(([term, text]) => [el('dt', {}, term), el('dd', {}, text)])),
    drill ? el('p', { class: 'drill-line' }, drillLink(metric, { application: name }, drill.state, drill.text)) : null);
}

function interval(ci) {
  return ci ? `${percent(ci[0])} – ${percent(ci[1])}` : 'not defined (no changes)';
}

function kpiCards(r, state) {
  const drill = (text, samples = text) => ({ state, text, samples });
  const df = r.deploymentFrequency;
  const lt = r.leadTime;
  const cfr = r.changeFailureRate;
  const csr = r.changeSuccessRate;
  const ttr = r.timeToRestore;
  const ttd = r.timeToDetect;
  const rw = r.reworkRate;
  const av = r.availability;
  return el('div', { class: 'kpi-grid' },
    card('Deployment frequency', df.band, decimal(df.perWeek), [
      ['Deployments', String(df.deployments)], ['Per day', decimal(df.perDay, 2)],
      ['Deployment days a week (median)', decimal(df.medianDeploymentDaysPerWeek)],
      ['Deployment days a month (median)', decimal(df.medianDeploymentDaysPerMonth)]],
    'deploymentFrequency.perWeek', df.perWeek, 'per week',
    drill(`The ${plural(df.deployments, 'successful deployment')} ›`, plural(df.deployments, 'successful deployment'))),
    card('Lead time for changes', lt.band, duration(lt.medianSeconds), [
      ['Median', duration(lt.medianSeconds)], ['90th percentile', duration(lt.p90Seconds)],
      ['Mean', duration(lt.meanSeconds)], ['Sample', plural(lt.count, 'change')],
      ['Skipped (clock skew)', String(lt.skipped)]], 'leadTime.medianSeconds', lt.medianSeconds, null,
    drill(`Their ${plural(df.deployments, 'successful deployment')} ›`, plural(lt.count, 'change'))),
    card('Change success rate', cfr.band, percent(csr.rate), [
      ['95 % interval', interval(csr.ci95)], ['Sample', `${cfr.total - cfr.failed} of ${plural(cfr.total, 'change')} succeeded`]],
    'changeSuccessRate.rate', csr.rate, null,
    drill(`The ${plural(cfr.failed, 'failed change')} ›`, plural(cfr.total, 'attempted change'))),
    card('Change failure rate', cfr.band, percent(cfr.rate), [
      ['95 % interval', interval(cfr.ci95)], ['Sample', `${cfr.failed} of ${plural(cfr.total, 'change')} failed`]],
    'changeFailureRate.rate', cfr.rate, null,
    drill(`The ${plural(cfr.failed, 'failed change')} ›`, plural(cfr.total, 'attempted change'))),
    card('Time to restore', ttr.band, duration(ttr.medianSeconds), [
      ['Median', duration(ttr.medianSeconds)], ['Mean (MTTR)', duration(ttr.meanSeconds)],
      ['90th percentile', duration(ttr.p90Seconds)], ['Sample', plural(ttr.count, 'restore')],
      ['Open failures', String(ttr.open)]], 'timeToRestore.medianSeconds', ttr.medianSeconds, null,
    drill(`The ${plural(ttr.count + ttr.open, 'failed change')} (${ttr.open} open) ›`, `${plural(ttr.count, 'restore')}, ${ttr.open} open`)),
    card('Time to detect', undefined, duration(ttd.meanSeconds), [
      ['Mean', duration(ttd.meanSeconds)], ['Median', duration(ttd.medianSeconds)],
      ['Sample', plural(ttd.count, 'incident')]], 'timeToDetect.meanSeconds', ttd.meanSeconds, null,
    drill(`The ${plural(r.timeToResolve.count + r.timeToResolve.open, 'incident')} started in the window ›`,
      plural(ttd.count, 'detected incident'))),
    card('Time to resolve', undefined, duration(r.timeToResolve.meanSeconds), [
      ['Mean (MTTR)', duration(r.timeToResolve.meanSeconds)], ['Median', duration(r.timeToResolve.medianSeconds)],
      ['90th percentile', duration(r.timeToResolve.p90Seconds)], ['Sample', plural(r.timeToResolve.count, 'incident')],
      ['Open incidents', String(r.timeToResolve.open)]], 'timeToResolve.meanSeconds', r.timeToResolve.meanSeconds, null,
    drill(`The ${plural(r.timeToResolve.count + r.timeToResolve.open, 'incident')} started in the window ›`,
      `${plural(r.timeToResolve.count, 'resolved incident')}, ${r.timeToResolve.open} open`)),
    card('Rework rate', undefined, percent(rw.rate), [
      ['Sample', `${rw.rework} of ${plural(rw.total, 'deployment')} were rework`]], 'reworkRate.rate', rw.rate, null,
    drill(`The ${plural(rw.total, 'successful deployment')} ›`, plural(rw.total, 'successful deployment'))),
    card('Availability', undefined, av.ratio === null ? 'no data' : `${(av.ratio * 100).toFixed(2)} %`, [
      ['Downtime', duration(av.downtimeSeconds)]], 'availability.ratio', av.ratio, null,
    drill('The incidents overlapping the window ›', plural(av.applications, 'application'))));
}

function trends(trend, state) {
  if (trend.error) return errorBox(trend.error, 'The weekly trend');
  const buckets = trend.buckets || [];
  if (buckets.length === 0) return emptyState('No weeks in this window.');
  const pick = (f) => buckets.map((b) => f(b.kpis));
  const num = (digits) => (v) => (v === null || v === undefined ? '—' : v.toFixed(digits));
  const pct = (v) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`);
  const time = (v) => (v === null || v === undefined ? '—' : duration(v));
  return el('div', { class: 'trends' },
    trendChart({ id: 'trend-deployments', title: 'Deployments', buckets, zone: state.zone,
      yFormat: (v) => (v === null || v === undefined ? '' : String(Math.round(v * 10) / 10)),
      series: [{ name: 'Successful deployments', kind: 'bar', values: pick((k) => k.deploymentFrequency.deployments),
        format: num(0) }, { name: 'Changes attempted', kind: 'line', values: pick((k) => k.changeFailureRate.total),
        format: num(0) }] }),
    trendChart({ id: 'trend-success', title: 'Change success rate', buckets, zone: state.zone, axis: 'rate',
      series: [{ name: 'Change success rate', values: pick((k) => k.changeSuccessRate.rate), format: pct,
        samples: pick((k) => k.changeFailureRate.total), minSamples: MIN_SAMPLES },
      { name: 'Rework rate', values: pick((k) => k.reworkRate.rate), format: pct,
        samples: pick((k) => k.reworkRate.total), minSamples: MIN_SAMPLES }] }),
    trendChart({ id: 'trend-times', title: 'Lead time and time to restore (median)', buckets, zone: state.zone,
      axis: 'duration',
      series: [{ name: 'Lead time', values: pick((k) => k.leadTime.medianSeconds), format: time,
        samples: pick((k) => k.leadTime.count), minSamples: MIN_SAMPLES },
      { name: 'Time to restore', values: pick((k) => k.timeToRestore.medianSeconds), format: time,
        samples: pick((k) => k.timeToRestore.count), minSamples: MIN_SAMPLES }] }));
}

function table(caption, headers, rows, id) {
  return el('div', { class: 'list-section', id },
    el('table', { class: 'data' }, el('caption', { class: 'visually-hidden' }, caption),
      el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', class: h.num ? 'num' : null },
        h.label || h)))),
      el('tbody', {}, rows)));
}

function more(shown, total, what) {
  return total > shown ? el('p', { class: 'more' }, `Showing the newest ${shown} of ${total} ${what}.`) : null;
}

/** Every deployment of the window (any result), newest first, paged with the API's total, with the CSV export. */
function deployments(first, state, params) {
  if (first.error) return errorBox(first.error, 'The list of deployments');
  if (first.total === 0) {
    return emptyState(`No deployments recorded for ${name} in ${state.environment} in this window.`,
      `Send one with POST ${new URL('events', apiBase).pathname} ({"type": "deployment", "application": …}, see docs/api.md), or choose a longer window.`);
  }
  return pagedList({ list: 'deployments', params, zone: state.zone, limit: DEPLOYMENTS_PAGE, id: 'deployments',
    caption: 'Deployments, newest first' });
}

function failedChanges(answer, state) {
  if (answer.error) return errorBox(answer.error, 'The list of failed changes');
  if (answer.failedChanges.length === 0) {
    return emptyState(`No failed changes for ${name} in ${state.environment} in this window.`);
  }
  const rows = answer.failedChanges.map((f) => el('tr', {},
    el('td', {}, f.deployment),
    el('td', {}, dateTime(f.failureStart, state.zone)),
    el('td', {}, f.restored ? dateTime(f.restored, state.zone) : el('span', { class: 'failed' }, 'not restored')),
    el('td', { class: 'num' }, duration(f.restoreSeconds)),
    el('td', { class: 'wrap' }, reasons(f.reasons)),
    el('td', {}, f.linkingIncident || '—'),
    el('td', {}, `${f.restoreTeam || '—'} (${f.restoreSupplier || '—'})`)));
  return el('div', {}, table('Failed changes', ['Deployment', 'Failure start', 'Restored', { label: 'Restore time', num: true },
    'Why it failed', 'Incident', 'Restored by'], rows, 'failed-changes'),
  more(answer.failedChanges.length, answer.total ?? answer.failedChanges.length, 'failed changes'));
}

function openFailures(report, state) {
  const open = report.timeToRestore.openFailures;
  if (open.length === 0) return emptyState(`No open failures: every failed change of ${name} in this window has been restored.`);
  const rows = open.map((o) => el('tr', {}, el('td', {}, o.deployment), el('td', {}, dateTime(o.failureStart, state.zone)),
    el('td', { class: 'num failed' }, duration(o.ageSeconds))));
  return table('Open failures', ['Deployment', 'Failure start', { label: 'Age', num: true }], rows, 'open-failures');
}

function incidents(answer, state) {
  if (answer.error) return errorBox(answer.error, 'The list of incidents');
  if (answer.incidents.length === 0) {
    return emptyState(`No incidents recorded for ${name} in ${state.environment} in this window.`);
  }
  const rows = answer.incidents.map((i) => el('tr', { class: i.voided ? 'voided' : null },
    el('td', {}, i.id, ...afterId(i, state.zone)), severityCell(i), el('td', {}, dateTime(i.started, state.zone)),
    el('td', { class: 'num' }, duration(i.detectSeconds)),
    el('td', {}, i.resolved ? dateTime(i.resolved, state.zone) : el('span', { class: 'failed' }, 'unresolved')),
    el('td', { class: 'num' }, i.durationSeconds === null ? 'ongoing' : duration(i.durationSeconds)),
    el('td', {}, i.cause || '—'), el('td', {}, `${i.team || '—'} (${i.supplier || '—'})`)));
  return el('div', {}, table('Incidents', ['Incident', 'Severity', 'Started', { label: 'Detected after', num: true },
    'Resolved', { label: 'Restored after', num: true }, 'Cause', 'Operated by'], rows, 'incidents'),
  more(answer.incidents.length, answer.total, 'incidents'));
}

function responsibility(answer, state) {
  if (answer.error) return errorBox(answer.error, 'The history of assignments');
  const mine = (answer.assignments || []).filter((a) => a.application === name);
  return el('div', { class: 'list-section', id: 'responsibility-history' }, historyTable(mine, state.zone, false));
}

async function render(state) {
  const mine = ++renderCount;
  const main = document.getElementById('main');
  const params = { application: name, ...apiParams(state) };
  const kpiQuery = { ...params, ...severityParam(state) };
  setApiLink('kpis', kpiQuery);
  const [report, trend, apps, deps, failed, incs, assignments] = await Promise.all([
    optional(getJson('kpis', kpiQuery)),
    optional(getJson('trends', { ...kpiQuery, bucket: 'week' })),
    optional(getJson('applications', apiParams(state))),
    optional(getJson('deployments', { ...params, offset: 0, limit: DEPLOYMENTS_PAGE })),
    optional(getJson('failed-changes', { ...params, limit: 100 })),
    optional(getJson('incidents', { ...params, ...severityParam(state), limit: 20 })),
    optional(getJson('assignments', { application: name })),
  ]);
  if (mine !== renderCount) return;
  clear(main);
  const head = el('div', { class: 'page-head' }, el('h1', {}, el('span', { class: 'kind' }, 'Application '),
    el('span', { id: 'app-name' }, name)));
  main.append(head);
  if (report.error) {
    main.append(errorBox(report.error, 'The KPIs'));
    return;
  }
  head.append(el('p', { class: 'subtitle' }, el('span', { class: 'env' }, state.environment), ' · ',
    windowText(report, state)));
  const app = apps.error ? null : apps.applications.find((a) => a.application === name);
  if (app) {
    main.append(el('p', { class: 'attribution' }, 'Delivered by team ',
      el('a', { href: pageLink('teams', app.delivery.team, state) }, app.delivery.team), ` (${app.delivery.supplier})`,
      ' · operated by team ', el('a', { href: pageLink('teams', app.operations.team, state) }, app.operations.team),
      ` (${app.operations.supplier}) at the end of the window`));
  }
  if (report.deploymentFrequency.deployments === 0 && report.changeFailureRate.total === 0) {
    main.append(emptyState(`No deployments recorded for ${name} in ${state.environment} in this window.`,
      `Send one with POST ${new URL('events', apiBase).pathname} ({"type": "deployment", "application": …}, see docs/api.md), or choose a longer window or another environment.`));
  }
  const section = (id, title, ...content) => el('section', { 'aria-labelledby': id }, el('h2', { id }, title), ...content);
  append(main, [
    section('kpis-heading', 'KPIs', kpiCards(report, state)),
    section('trends-heading', 'Weekly trends', trends(trend, state)),
    section('deployments-heading', 'Deployments', deployments(deps, state, params)),
    section('failed-heading', 'Failed changes and their restores', failedChanges(failed, state)),
    section('open-heading', `Open failures (${report.timeToRestore.open})`, openFailures(report, state)),
    section('incidents-heading', 'Incidents', incidents(incs, state)),
    section('history-heading', 'Who was responsible when', responsibility(assignments, state)),
  ]);
  defineLabels(main);
  pruneCharts();
}

setUpControls(render);
