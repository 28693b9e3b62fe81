// Comparing suppliers (/compare): every supplier on the same window and environment, each rate with its 95 %
// interval as error bars and its sample size, the API's verdict on each difference ("not significant" when the
// intervals overlap), like-for-like controls (responsibility, application tag) and trend lines per supplier.
import './frame.js'; // first: the header, controls and footer the page's code fills
import { errorBarChart, multiLineChart, pruneCharts } from './charts.js';
import { field, select, setUpControls } from './controls.js';
import { dataTable, formatInterval, formatValue, markNav, METRIC_LABELS, RESPONSIBILITIES } from './gov.js';
import { addStateKeys, apiBase, apiParams, append, clear, decimal, duration, el, emptyState, errorBox, getJson,
  isPartialBucket, kpiParams, MIN_SAMPLES, pageLink, percent, plural, readState, shortDay, windowText } from './lib.js';

import { defineLabels, kpiLabel } from './definitions.js';
import { drillLink } from './drill.js';

markNav('compare');
const RATES = ['changeSuccessRate', 'changeFailureRate', 'reworkRate'];
const RESPONSIBILITY_OPTIONS = [
  { value: 'BOTH', label: 'Everything they were responsible for' },
  { value: 'DELIVERY', label: 'Delivery only (what they built)' },
  { value: 'OPERATIONS', label: 'Operations only (what they ran)' },
];
const SORT_OPTIONS = [
  { value: 'name', label: 'Name' },
  { value: 'success', label: 'Change success rate: lower end of its 95 % interval, highest first' },
];
let renderCount = 0;
let tagSelect;

addStateKeys({ responsibility: 'BOTH', tag: '' });

function compareState() {
  const state = readState();
  return { responsibility: state.responsibility || 'BOTH', tag: state.tag || '',
    sort: SORT_OPTIONS.some((o) => o.value === state.sort) ? state.sort : 'name' };
}

/** responsibility and tag live in the URL next to the shared window/environment/zone. */
function extras(form) {
  const state = compareState();
  const responsibility = select('responsibility', 'responsibility', RESPONSIBILITY_OPTIONS, state.responsibility);
  tagSelect = select('tag', 'tag', [{ value: '', label: 'All applications' }], '');
  setTags([], state.tag);
  const sort = select('sort', 'sort', SORT_OPTIONS, state.sort);
  form.append(el('div', { class: 'break', 'aria-hidden': 'true' }),
    field('responsibility', 'Like for like: responsibility', responsibility),
    field('tag', 'Like for like: application tag', tagSelect),
    field('sort', 'Order suppliers by', sort));
  return {
    read: () => ({ responsibility: responsibility.value, tag: tagSelect.value, sort: sort.value }),
    onChange: (go) => {
      responsibility.addEventListener('change', go);
      tagSelect.addEventListener('change', go);
      sort.addEventListener('change', go);
    },
    sync: () => {
      const back = compareState();
      responsibility.value = back.responsibility;
      sort.value = back.sort;
      setTags([], back.tag);
    },
  };
}

function setTags(tags, value) {
  const all = [...new Set([...tags, ...(value ? [value] : [])])].sort();
  clear(tagSelect);
  tagSelect.append(el('option', { value: '' }, 'All applications'));
  for (const tag of all) {
    const option = el('option', { value: tag }, `tagged ${tag}`);
    if (tag === value) option.selected = true;
    tagSelect.append(option);
  }
}

function rateOf(kpis, metric) {
  const k = kpis[metric] || {};
  const samples = metric === 'reworkRate' ? k.total : (kpis.changeFailureRate || {}).total;
  return { value: k.rate ?? null, ci: k.ci95 || null, samples: samples ?? null };
}

/**
 * Suppliers ranked by the lower end of their change success rate's 95 % Wilson interval (highest first): 4 of 4
 * (lower end 51 %) does not outrank 95 of 100 (89 %). Without an interval (no changes): last, by name.
 */
function rankBySuccessLowerBound(suppliers) {
  const lower = (s) => {
    const ci = (s.kpis.changeSuccessRate || {}).ci95;
    return Array.isArray(ci) ? ci[0] : null;
  };
  return [...suppliers].sort((a, b) => {
    const x = lower(a);
    const y = lower(b);
    if (x === null || y === null) return (x === null) - (y === null) || a.supplier.localeCompare(b.supplier);
    return y - x || a.supplier.localeCompare(b.supplier);
  });
}

/**
 * The API's verdict on each pair, where both suppliers have an interval; a pair where one has none was not
 * tested ("not compared"), which is not the same as "not significant".
 */
function significanceList(metric, differences, rows) {
  const mine = differences.filter((d) => d.metric === metric);
  if (mine.length === 0) return el('p', { class: 'note' }, 'No pair of suppliers has this rate on both sides.');
  const interval = new Map(rows.map((r) => [r.name, !!r.ci]));
  const none = rows.every((r) => !r.ci);
  return el('ul', { class: 'significance', 'aria-label': `${METRIC_LABELS[metric]}: differences between suppliers` },
    mine.map((d) => {
      const tested = interval.get(d.a) && interval.get(d.b);
      const missing = [d.a, d.b].filter((n) => !interval.get(n));
      const why = none ? 'this rate has no 95 % interval, so no difference can be tested'
        : `no 95 % interval for ${missing.join(' and ')} (no changes in this view)`;
      return el('li', { 'data-metric': metric, 'data-a': d.a, 'data-b': d.b,
        'data-significant': tested ? String(d.significant) : 'untested' },
      el('span', { class: `sig ${tested ? (d.significant ? 'sig-yes' : 'sig-no') : 'sig-untested'}` },
        tested ? (d.significant ? 'significant' : 'not significant') : 'not compared'),
      `${d.a} vs ${d.b}`, el('span', { class: 'muted' }, ` — ${tested ? d.reason || '' : why}`));
    }));
}

function rateCard(metric, suppliers, differences) {
  const rows = suppliers.map((s) => ({ name: s.supplier, ...rateOf(s.kpis, metric) }));
  const label = METRIC_LABELS[metric];
  const withInterval = rows.some((r) => r.ci);
  const table = dataTable({ caption: `${label} per supplier`, captionHidden: true, id: `table-${metric}`, className: 'data compact',
    headers: ['Supplier', { label: 'Rate', num: true }, { label: '95 % interval', num: true }, { label: 'Sample', num: true }],
    rows: rows.map((r) => el('tr', { 'data-supplier': r.name },
      el('th', { scope: 'row' }, r.name),
      el('td', { class: 'num', 'data-field': 'value', 'data-value': r.value === null ? 'null' : String(r.value) },
        formatValue(metric, r.value)),
      el('td', { class: 'num', 'data-field': 'ci95' }, formatInterval(metric, r.ci)),
      el('td', { class: 'num', 'data-field': 'samples', 'data-value': String(r.samples ?? '') },
        r.samples === null ? '—' : String(r.samples)))) });
  return el('figure', { class: 'compare-card', 'data-metric': metric },
    kpiLabel('figcaption', metric, withInterval ? `${label} with its 95 % interval`
      : `${label}: no 95 % interval (the API gives none for this rate)`),
    errorBarChart({ id: `errorbars-${metric}`, title: label, rows, format: (v) => formatValue(metric, v) }),
    el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${label}: table of the numbers` }, table),
    significanceList(metric, differences, rows));
}

function sideBySide(suppliers, state, tag) {
  const figures = [
    ['Deployment frequency', 'deploymentFrequency', (k) => `${decimal(k.deploymentFrequency.perWeek)} per week`, (k) => plural(k.deploymentFrequency.deployments, 'deployment')],
    ['Change success rate', 'changeSuccessRate', (k) => percent(k.changeSuccessRate.rate), (k) => `${k.changeFailureRate.total} changes`],
    ['Lead time (median)', 'leadTime', (k) => duration(k.leadTime.medianSeconds), (k) => plural(k.leadTime.count, 'change')],
    ['Time to restore (mean)', 'timeToRestore', (k) => duration(k.timeToRestore.meanSeconds), (k) => plural(k.timeToRestore.count, 'restore')],
    ['Time to detect (mean)', 'timeToDetect', (k) => duration(k.timeToDetect.meanSeconds), (k) => plural(k.timeToDetect.count, 'incident')],
    ['Time to resolve (mean)', 'timeToResolve', (k) => duration(k.timeToResolve.meanSeconds), (k) => plural(k.timeToResolve.count, 'incident')],
    ['Rework rate', 'reworkRate', (k) => percent(k.reworkRate.rate), (k) => plural(k.reworkRate.total, 'deployment')],
    ['Availability', 'availability', (k) => (k.availability.ratio === null ? 'no data' : `${(k.availability.ratio * 100).toFixed(2)} %`),
      (k) => plural(k.availability.applications, 'application')],
  ];
  const safe = (f, k) => {
    try {
      return f(k);
    } catch (e) {
      return null;
    }
  };
  // the sample links to the list behind the figure: the supplier's, with the page's tag, window and environment
  const sampleOf = (kpi, sample, s) => {
    const text = safe(sample, s.kpis);
    return text === null ? '—' : drillLink(kpi, { supplier: s.supplier, tag }, state, text);
  };
  return el('div', { class: 'list-section' }, dataTable({ caption: 'Every KPI per supplier', captionHidden: true, id: 'side-by-side',
    headers: ['KPI', ...suppliers.map((s) => ({ label: s.supplier, num: true }))],
    rows: figures.map(([label, kpi, value, sample]) => el('tr', { 'data-kpi': kpi }, kpiLabel('th', kpi, label, { scope: 'row' }),
      suppliers.map((s) => el('td', { class: 'num' }, el('span', { class: 'cell-value' }, safe(value, s.kpis) ?? '—'),
        el('span', { class: 'cell-sample' }, ' (', sampleOf(kpi, sample, s), ')'))))) }),
  el('p', { class: 'note', id: 'compared-applications' }, 'Applications compared: ', suppliers.flatMap((s, i) => [
    i ? '; ' : '', el('strong', {}, s.supplier), ': ',
    ...(s.applications || []).flatMap((a, j) => [j ? ', ' : '', el('a', { href: pageLink('applications', a, state) }, a)])])));
}

/**
 * The trend charts a responsibility shows: the delivery side's (change success rate, successful deployments) for
 * what they built, the operations side's (time to resolve and detect, availability) for what they ran.
 */
function trendCharts(responsibility, pick) {
  const rate = (v) => percent(v);
  const time = (v) => (v === null || v === undefined ? '—' : duration(v));
  const delivery = [
    { id: 'trend-success', kpi: 'changeSuccessRate', title: 'Change success rate', axis: 'rate', minSamples: MIN_SAMPLES,
      what: 'changes', lines: pick((k) => k.changeSuccessRate.rate, (k) => k.changeFailureRate.total), format: rate },
    { id: 'trend-deployments', kpi: 'deploymentFrequency', title: 'Successful deployments', axis: 'count', minSamples: 0,
      lines: pick((k) => k.deploymentFrequency.deployments),
      format: (v) => (v === null || v === undefined ? '—' : String(v)) },
  ];
  const operations = [
    { id: 'trend-resolve', kpi: 'timeToResolve', title: 'Time to resolve (mean)', axis: 'duration', minSamples: MIN_SAMPLES,
      what: 'resolved incidents', lines: pick((k) => k.timeToResolve.meanSeconds, (k) => k.timeToResolve.count), format: time },
    { id: 'trend-detect', kpi: 'timeToDetect', title: 'Time to detect (mean)', axis: 'duration', minSamples: MIN_SAMPLES,
      what: 'detected incidents', lines: pick((k) => k.timeToDetect.meanSeconds, (k) => k.timeToDetect.count), format: time },
    { id: 'trend-availability', kpi: 'availability', title: 'Availability', axis: 'rate', minSamples: 0,
      lines: pick((k) => k.availability.ratio),
      format: (v) => (v === null || v === undefined ? 'no data' : `${(v * 100).toFixed(2)} %`) },
  ];
  if (responsibility === 'DELIVERY') return delivery;
  if (responsibility === 'OPERATIONS') return operations;
  return [...delivery, ...operations];
}

async function trendLines(suppliers, state, like) {
  const bucket = state.window === 'P180D' ? 'month' : 'week';
  // the trends follow the comparison's like-for-like filter: only applications with the tag
  const answers = await Promise.all(suppliers.map((s) => getJson('trends', { supplier: s.supplier, bucket,
    ...kpiParams(state), tag: like.tag }).catch((error) => ({ error }))));
  const failed = answers.find((a) => a.error);
  if (failed) return errorBox(failed.error, 'The trends per supplier');
  const buckets = answers[0] ? answers[0].buckets || [] : [];
  if (buckets.length === 0) return emptyState('No trend buckets in this window.');
  const partial = buckets.map((b) => isPartialBucket(b, bucket, state.zone));
  const labels = buckets.map((b) => shortDay(b.from, state.zone));
  const pick = (f, n = () => null) => answers.map((a, i) => ({ name: suppliers[i].supplier,
    values: (a.buckets || []).map((b) => f(b.kpis)), samples: (a.buckets || []).map((b) => n(b.kpis)) }));
  const charts = trendCharts(like.responsibility, pick);
  const anyPartial = partial.some(Boolean);
  return el('div', { class: 'compare-grid' }, charts.map((c) => el('figure', { class: 'compare-card', id: c.id,
    'data-kpi': c.kpi },
    kpiLabel('figcaption', c.kpi, `${c.title} per ${bucket} and supplier`),
    multiLineChart({ id: `${c.id}-chart`, title: c.title, labels, lines: c.lines, format: c.format, axis: c.axis,
      partial, minSamples: c.minSamples }),
    el('div', { class: 'table-scroll', tabindex: '0', role: 'region', 'aria-label': `${c.title}: table of the numbers` },
      dataTable({ caption: `${c.title} per ${bucket}`, captionHidden: true, className: 'data compact', id: `${c.id}-table`,
        headers: [bucket === 'week' ? 'Week of' : 'Month of', ...c.lines.map((l) => ({ label: l.name, num: true }))],
        rows: labels.map((label, i) => [`${label}${partial[i] ? ' (partial)' : ''}`, ...c.lines.map((l) => `${c.format(l.values[i])}`
          + `${c.minSamples && Number.isFinite(l.samples[i]) ? ` (n = ${l.samples[i]})` : ''}`)]) })),
    anyPartial || c.minSamples ? el('p', { class: 'note chart-markers' }, [anyPartial
      ? `◇ dashed: a partial ${bucket}, cut by the window or by now (fewer days; not comparable with whole ones)` : null,
    c.minSamples ? `○ hollow: fewer than ${c.minSamples} ${c.what}` : null].filter(Boolean).join(' · ')) : null)));
}

async function render(state) {
  const mine = ++renderCount;
  const like = compareState();
  const main = document.getElementById('main');
  const params = { ...kpiParams(state), responsibility: like.responsibility === 'BOTH' ? '' : like.responsibility, tag: like.tag };
  const [answer, apps] = await Promise.all([
    getJson('comparison', params).catch((error) => ({ error })),
    getJson('applications', apiParams(state)).catch((error) => ({ error })),
  ]);
  if (mine !== renderCount) return;
  if (!apps.error) setTags([...new Set(apps.applications.flatMap((a) => a.tags || []))], like.tag);
  clear(main);
  const head = el('div', { class: 'page-head' }, el('h1', {}, 'Compare suppliers'));
  main.append(head);
  const apiLink = document.getElementById('api-link');
  const url = new URL('comparison', apiBase);
  for (const [key, value] of Object.entries(params)) if (value) url.searchParams.set(key, value);
  if (apiLink) apiLink.href = url.href;
  if (answer.error) {
    main.append(errorBox(answer.error, 'The comparison of suppliers'));
    return;
  }
  const parts = [answer.window && answer.window.from ? windowText(answer, state) : null,
    RESPONSIBILITIES[like.responsibility] || like.responsibility, like.tag ? `applications tagged ${like.tag}` : null]
    .filter(Boolean);
  head.append(el('p', { class: 'subtitle', id: 'compare-scope' }, el('span', { class: 'env' }, state.environment),
    ...parts.map((p) => ` · ${p}`)));
  const suppliers = like.sort === 'success' ? rankBySuccessLowerBound(answer.suppliers || []) : answer.suppliers || [];
  if (suppliers.length === 0) {
    main.append(emptyState('No supplier has applications in this view.',
      'Choose a longer window, another environment or no tag; assignments name the suppliers (Admin page).'));
    return;
  }
  const differences = answer.differences || [];
  const section = (id, heading, ...content) => el('section', { 'aria-labelledby': id }, el('h2', { id }, heading), ...content);
  append(main, [
    like.responsibility === 'OPERATIONS' ? section('rates-heading', 'Rates and their 95 % intervals',
      el('p', { class: 'note', id: 'rates-not-compared' }, 'The change success, change failure and rework rates are '
        + 'delivery KPIs (their samples are deployments): choose "Delivery only" or "Everything" to compare them.'))
      : section('rates-heading', 'Rates and their 95 % intervals',
      el('p', { class: 'note' }, 'A dot is the rate, the bar its 95 % Wilson interval, n the sample size. When two '
        + 'suppliers\' intervals overlap, the difference between them is "not significant": the data cannot tell them apart. '
        + 'A rate without an interval (the rework rate has none) is shown without a bar, and its pairs are "not compared".'),
      el('div', { class: 'compare-grid' }, RATES.map((m) => rateCard(m, suppliers, differences)))),
    section('all-heading', 'Every KPI side by side', sideBySide(suppliers, state, like.tag)),
    section('trends-heading', 'Trends per supplier', el('p', { class: 'loading-trends muted' }, 'Loading trends…')),
  ]);
  const trends = await trendLines(suppliers, state, like);
  if (mine !== renderCount) return;
  const holder = main.querySelector('.loading-trends');
  if (holder) holder.replaceWith(trends);
  defineLabels(main);
  pruneCharts();
}

setUpControls(render, extras);
