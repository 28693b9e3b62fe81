// The KPI widget of the overview and team pages: deployment frequency and change success rate as large figures
// with band colour and band name, sample sizes, the change against the previous window, weekly sparklines, and
// lead time and time to restore beside them.
import { bandChip, decimal, duration, el, errorBox, getJson, isPartialBucket, MIN_SAMPLES, percent, plural,
  kpiParams, previousWindow, shortDay, windowLength } from './lib.js';
import { sparkline } from './charts.js';
import { kpiLabel } from './definitions.js';
import { drillLink } from './drill.js';

/** Fetches what one widget shows: the report, the previous window's report and the weekly trend. */
export async function widgetData(scope, state) {
  const params = { ...scope, ...kpiParams(state) };
  const report = await getJson('kpis', params);
  const [previous, trend] = await Promise.all([
    getJson('kpis', { ...scope, ...previousWindow(report, state) }).catch(() => null),
    getJson('trends', { ...params, bucket: 'week' }).catch((error) => ({ error })),
  ]);
  return { report, previous, trend };
}

function delta(current, before, { unit, digits, scale = 1, higherIsBetter = true, label }) {
  if (current === null || current === undefined || before === null || before === undefined) {
    return el('p', { class: 'delta delta-none' }, `no figure for the previous ${label}`);
  }
  const change = (current - before) * scale;
  const rounded = Number(change.toFixed(digits));
  if (rounded === 0) {
    return el('p', { class: 'delta delta-same' }, `→ unchanged from the previous ${label}`);
  }
  const better = (rounded > 0) === higherIsBetter;
  const sign = rounded > 0 ? '+' : '−';
  return el('p', { class: `delta ${better ? 'delta-better' : 'delta-worse'}` },
    el('span', { 'aria-hidden': 'true' }, rounded > 0 ? '▲ ' : '▼ '),
    `${sign}${Math.abs(rounded).toFixed(digits)}${unit} vs previous ${label}`,
    el('span', { class: 'visually-hidden' }, better ? ' (better)' : ' (worse)'));
}

function figure(kpi, value, text, unit) {
  return el('p', { class: 'figure' },
    el('span', { class: 'value', 'data-kpi': kpi, 'data-value': value === null ? 'null' : String(value) }, text),
    unit ? el('span', { class: 'unit' }, unit) : null);
}

/** The weekly points of a sparkline: week label, value, sample size and whether the week is partial. */
function weekly(trend, state, pick, samples = () => null) {
  if (!trend || !trend.buckets) return null;
  return trend.buckets.map((bucket) => ({ label: shortDay(bucket.from, state.zone), value: pick(bucket.kpis),
    samples: samples(bucket.kpis), partial: isPartialBucket(bucket, 'week', state.zone) }));
}

/** One widget. title: a node or text; extra: nodes shown under the title (attribution). */
export function kpiWidget({ title, href, scope, extra = [], data, state }) {
  const { report, previous, trend } = data;
  const df = report.deploymentFrequency;
  const cfr = report.changeFailureRate;
  const csr = report.changeSuccessRate;
  const lt = report.leadTime;
  const ttr = report.timeToRestore;
  const label = `${windowLength(report)}`;
  const scopeText = Object.entries(scope).map(([k, v]) => `${k}:${v}`).join(',') || 'all';

  const heading = el('h3', { class: 'widget-title' }, href ? el('a', { href }, title) : title);
  const deployments = weekly(trend, state, (k) => k.deploymentFrequency.deployments);
  const success = weekly(trend, state, (k) => k.changeSuccessRate.rate, (k) => k.changeFailureRate.total);
  const partialNote = (points) => (points.some((p) => p.partial)
    ? el('span', { class: 'spark-note' }, 'dashed: partial weeks') : null);

  const dfBox = el('section', { class: `kpi kpi-big band-edge-${df.band || 'none'}`, 'aria-label': 'Deployment frequency' },
    kpiLabel('h4', 'deploymentFrequency', 'Deployment frequency', {}, plural(df.deployments, 'successful deployment')),
    figure('deploymentFrequency.perWeek', df.perWeek, decimal(df.perWeek), 'per week'),
    bandChip(df.band, 'Deployment frequency band'),
    el('p', { class: 'sample' }, el('span', { 'data-kpi': 'deploymentFrequency.deployments',
      'data-value': String(df.deployments) }, drillLink('deploymentFrequency', scope, state,
      plural(df.deployments, 'deployment'))),
    ` · median ${decimal(df.medianDeploymentDaysPerWeek)} deployment days a week`),
    previous ? delta(df.perWeek, previous.deploymentFrequency.perWeek,
      { unit: ' per week', digits: 1, label }) : null,
    deployments ? el('div', { class: 'spark-wrap' }, el('span', { class: 'spark-label', 'aria-hidden': 'true' }, 'weekly'),
      sparkline(deployments, { kind: 'bar', label: `Deployments per week: ${deployments.map((p) => `${p.value}${p.partial
        ? ' (partial week)' : ''}`).join(', ')}`, format: (v) => plural(v, 'deployment') }), partialNote(deployments)) : null);

  const csrBox = el('section', { class: `kpi kpi-big band-edge-${cfr.band || 'none'}`, 'aria-label': 'Change success rate' },
    kpiLabel('h4', 'changeSuccessRate', 'Change success rate', {}, plural(cfr.total, 'attempted change')),
    figure('changeSuccessRate.rate', csr.rate, csr.rate === null ? 'no data' : (csr.rate * 100).toFixed(1),
      csr.rate === null ? null : '%'),
    bandChip(cfr.band, 'Change failure rate band'),
    el('p', { class: 'sample' }, el('span', { 'data-kpi': 'changeFailureRate.total', 'data-value': String(cfr.total) },
      `${cfr.total - cfr.failed} of ${plural(cfr.total, 'change')} succeeded`),
    csr.ci95 ? ` · 95 % interval ${percent(csr.ci95[0])} – ${percent(csr.ci95[1])}` : '', ' · ',
    drillLink('changeSuccessRate', scope, state, plural(cfr.failed, 'failed change'))),
    previous ? delta(csr.rate, previous.changeSuccessRate.rate,
      { unit: ' pts', digits: 1, scale: 100, label }) : null,
    success ? el('div', { class: 'spark-wrap' }, el('span', { class: 'spark-label', 'aria-hidden': 'true' }, 'weekly'),
      sparkline(success, { kind: 'line', max: 1, format: (v) => (v === 1 ? '100 %' : percent(v)), minSamples: MIN_SAMPLES,
        label: `Change success rate per week: ${success.map((p) => `${percent(p.value)} (n = ${p.samples}${p.partial
          ? ', partial week' : ''})`).join(', ')}` }), partialNote(success)) : null);

  const side = el('div', { class: 'kpi-side' },
    el('section', { class: 'kpi kpi-small', 'aria-label': 'Lead time for changes' },
      kpiLabel('h4', 'leadTime', 'Lead time (median)', {}, plural(lt.count, 'change')),
      figure('leadTime.medianSeconds', lt.medianSeconds, duration(lt.medianSeconds)),
      bandChip(lt.band, 'Lead time band'),
      el('p', { class: 'sample' }, drillLink('leadTime', scope, state, plural(lt.count, 'change')))),
    el('section', { class: 'kpi kpi-small', 'aria-label': 'Time to restore' },
      kpiLabel('h4', 'timeToRestore', 'Time to restore (median)', {}, `${plural(ttr.count, 'restore')}, ${ttr.open} open`),
      figure('timeToRestore.medianSeconds', ttr.medianSeconds, duration(ttr.medianSeconds)),
      bandChip(ttr.band, 'Time to restore band'),
      el('p', { class: 'sample' }, drillLink('timeToRestore', scope, state, plural(ttr.count, 'restore')),
        ttr.open ? el('span', { class: 'open-count' }, ` · ${ttr.open} open`) : '')));

  const notes = [];
  if (trend && trend.error) notes.push(el('p', { class: 'note' }, 'Weekly trend not available from this server.'));
  if (!previous) notes.push(el('p', { class: 'note' }, 'Previous window not available.'));

  return el('article', { class: 'widget', 'data-scope': scopeText },
    el('header', { class: 'widget-head' }, heading, ...extra),
    el('div', { class: 'widget-body' }, dfBox, csrBox, side), ...notes);
}

/** A widget whose data could not be loaded. */
export function failedWidget(title, error) {
  return el('article', { class: 'widget' }, el('header', { class: 'widget-head' }, el('h3', { class: 'widget-title' },
    title)), errorBox(error, 'These figures'));
}
