// Charts with ECharts, every one with a table of its numbers, so nothing is shown only as a picture. The chart
// library is ECharts' UMD build (the global `echarts`), loaded from the URL the page names in
// <meta name="devops-kpi-charts">: the server names the WebJar it serves (never a CDN), the Jenkins plugin names
// the echarts-api plugin's copy (ECharts 6). What follows must work with both (the browser tests draw with each).
import { el, isPartialBucket, shortDay } from './lib.js';

/**
 * A chart colour from dashboard.css's --chart-* variables, so the charts follow the light or dark palette the page
 * is in (read when a chart is drawn); the light value when the stylesheet does not define it.
 */
function themed(variable, fallback) {
  const value = getComputedStyle(document.documentElement).getPropertyValue(variable).trim();
  return value || fallback;
}
const INK = () => themed('--chart-ink', '#1f2a37');
const MUTED = () => themed('--chart-muted', '#5b6776');
const BLUE = () => themed('--chart-1', '#1f5fa8');
const GREEN = () => themed('--chart-3', '#1d7a4f');
const GRID = () => themed('--chart-grid', '#e3e8ee');
const AXIS = () => themed('--chart-axis', '#9aa5b1');
const charts = new Set();
const chartOf = new WeakMap();
let library = null;

/** The chart library, loaded once on first use; rejects when the page names none or it does not load. */
function chartLibrary() {
  if (library === null) {
    library = window.echarts ? Promise.resolve(window.echarts) : new Promise((resolve, reject) => {
      const meta = document.querySelector('meta[name="devops-kpi-charts"]');
      if (!meta || !meta.content) {
        reject(new Error('the page names no chart library'));
        return;
      }
      const script = document.createElement('script');
      script.src = new URL(meta.content, document.baseURI).href;
      script.addEventListener('load', () => (window.echarts ? resolve(window.echarts)
        : reject(new Error(`${script.src} defined no echarts`))));
      script.addEventListener('error', () => reject(new Error(`${script.src} could not be loaded`)));
      document.head.append(script);
    });
  }
  return library;
}

/**
 * Draws into the node once it is in the page and the library is there. Without the library the node says so
 * (the table beside it still has every number); a node removed meanwhile is left alone.
 */
function whenReady(node, draw) {
  requestAnimationFrame(() => {
    if (!node.isConnected) return;
    chartLibrary().then((echarts) => {
      if (node.isConnected) draw(echarts);
    }, (error) => {
      node.dataset.chartError = error.message;
      if (node.classList.contains('chart')) {
        node.textContent = `Chart not shown: ${error.message}. The table lists the same numbers.`;
      }
    });
  });
}

/** Disposes the charts no longer in the page (after a re-render). */
export function pruneCharts() {
  for (const chart of charts) {
    if (!chart.getDom().isConnected) {
      observer.unobserve(chart.getDom());
      chart.dispose();
      charts.delete(chart);
    }
  }
}

const observer = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const chart = chartOf.get(entry.target);
    if (chart && !chart.isDisposed()) chart.resize();
  }
});

/** The root font size in px: it grows on wide (wall) screens, and the charts' text grows with it. */
function rem() {
  return parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
}

function init(echarts, node, renderer) {
  const chart = echarts.init(node, null, { renderer });
  chartOf.set(node, chart);
  observer.observe(node);
  charts.add(chart);
  return chart;
}

function mount(echarts, node, option) {
  const chart = init(echarts, node, 'canvas');
  chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit', color: INK(), fontSize: Math.round(0.75 * rem()) },
    ...option });
  return chart;
}

// ---------------------------------------------------------------- value axes that tell the truth

const MINUTE = 60;
const HOUR = 3600;
const DAY = 86400;
/** Durations a person reads as round: the ticks of a duration axis are multiples of one of these. */
export const DURATION_STEPS = [MINUTE, 2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR,
  3 * HOUR, 6 * HOUR, 12 * HOUR, DAY, 2 * DAY, 7 * DAY, 14 * DAY, 28 * DAY, 56 * DAY, 91 * DAY, 182 * DAY, 364 * DAY];
const RATE_STEPS = [0.0005, 0.001, 0.002, 0.0025, 0.005, 0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25];
const MAX_TICKS = 5;

/** Text for an ECharts tooltip, which is HTML: names come from the data, so they are escaped. */
function esc(text) {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const finite = (v) => typeof v === 'number' && Number.isFinite(v);
const round = (v) => Number(v.toFixed(9));

/** A duration tick as people write it: "0", "45 min", "6 h", "1 d" (whole days in days). */
export function durationTick(seconds, step) {
  if (seconds === 0) return '0';
  if (seconds % DAY === 0) return `${seconds / DAY} d`;
  if (step >= HOUR || seconds % HOUR === 0) return `${round(seconds / HOUR)} h`;
  return `${round(seconds / MINUTE)} min`;
}

/**
 * The value axis of a chart: min, max and interval chosen here (never left to the library), so that a target is
 * always inside it, and ticks are round in the metric's unit: durations at minutes, hours or days (DURATION_STEPS),
 * rates at round percentages. kind: 'duration' (seconds), 'rate' (0..1) or anything else (counts, scores).
 */
export function valueAxis(kind, values, target = null, { max: fixedMax = null } = {}) {
  const all = [...values, target].filter(finite);
  if (kind === 'duration') {
    const high = Math.max(0, ...all);
    const top = high > 0 ? high : HOUR;
    const step = DURATION_STEPS.find((s) => Math.floor(top / s) + 1 <= MAX_TICKS) || DURATION_STEPS[DURATION_STEPS.length - 1];
    // one step above the highest value or target, so a target line is never drawn on the frame
    const max = (Math.floor(top / step) + 1) * step;
    return { min: 0, max, interval: step, label: (v) => durationTick(v, step) };
  }
  if (kind === 'rate') {
    if (all.length === 0) return { min: 0, max: 1, interval: 0.25, label: (v) => `${Math.round(v * 100)} %` };
    const low = Math.min(...all);
    const high = Math.max(...all);
    const span = Math.max(high - low, 0.004);
    const step = RATE_STEPS.find((s) => span / s <= MAX_TICKS - 1) || 0.25;
    // half a step of room on each side, within 0..1, so a target equal to the lowest or highest value shows
    const min = Math.max(0, round(Math.floor((low - step / 2) / step) * step));
    const max = Math.min(1, round(Math.ceil((high + step / 2) / step) * step));
    const digits = (String(round(step * 100)).split('.')[1] || '').length;
    return { min, max, interval: step, label: (v) => `${(v * 100).toFixed(digits)} %` };
  }
  const high = Math.max(0, ...all);
  if (fixedMax !== null && high <= fixedMax) return { min: 0, max: fixedMax, interval: null, label: null };
  const magnitude = 10 ** Math.floor(Math.log10(Math.max(high, 1)));
  const nice = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((m) => high / m <= MAX_TICKS - 1) || 10 * magnitude;
  const max = high === 0 ? 1 : (Math.floor(high / nice) + 1) * nice;
  return { min: 0, max: round(max), interval: high === 0 ? null : nice, label: null };
}

function yAxisOf(axis, format, extra = {}) {
  return { type: 'value', min: axis.min, max: axis.max, ...(axis.interval ? { interval: axis.interval } : {}),
    axisLabel: { color: MUTED(), formatter: axis.label || ((v) => format(v)), ...(extra.axisLabel || {}) },
    splitLine: { lineStyle: { color: GRID() } } };
}

// ---------------------------------------------------------------- partial buckets and small samples

/** Whether a sample is below its minimum (null samples, e.g. availability, never are). */
export function isSmallSample(samples, minimum) {
  return finite(samples) && finite(minimum) && minimum > 0 && samples < minimum;
}

/** A line point: hollow when its sample is small, a dashed hollow diamond when its bucket is partial. */
function linePoint(value, { partial = false, small = false } = {}) {
  if (!partial && !small) return value;
  return { value, symbol: partial ? 'emptyDiamond' : 'emptyCircle', symbolSize: partial ? 11 : 9,
    itemStyle: partial ? { borderType: 'dashed', opacity: 0.75 } : {},
    partial, small };
}

/** A bar: a partial bucket is drawn pale with a dashed outline. */
function barPoint(value, partial, color) {
  if (!partial) return value;
  return { value, partial, itemStyle: { color: 'rgba(255,255,255,0)', borderColor: color, borderType: 'dashed',
    borderWidth: 1.5 } };
}

const PARTIAL = ' (partial)';

function sampleText(samples, small) {
  if (!finite(samples)) return '';
  return ` (n = ${samples}${small ? ', small sample' : ''})`;
}

/** The note under a chart explaining its markers, when it has any. */
function markerNote(anyPartial, anySmall, minimum) {
  const parts = [];
  if (anyPartial) parts.push('◇ dashed: a partial period, cut by the window or by now (fewer days; not comparable with whole ones)');
  if (anySmall) parts.push(`○ hollow: fewer than ${minimum} samples`);
  return parts.length ? el('p', { class: 'note chart-markers' }, parts.join(' · ')) : null;
}

/**
 * A small chart of a KPI's weekly values, with a minimal scale (its maximum) and a tooltip giving each week, its
 * value and sample size; partial weeks dashed, small samples hollow. points = [{label, value, samples, partial}].
 */
export function sparkline(points, { kind = 'bar', label, max = null, format = (v) => String(v), minSamples = 0 }) {
  const values = points.map((p) => p.value);
  const flags = points.map((p) => ({ partial: !!p.partial, small: isSmallSample(p.samples, minSamples) }));
  const top = kind === 'bar' ? Math.max(0, ...values.filter(finite)) : max;
  const scaleText = kind === 'bar' ? `max ${top}` : `0–${format(max)}`;
  const node = el('div', { class: 'spark', role: 'img', 'aria-label': label });
  whenReady(node, (echarts) => {
    mount(echarts, node, {
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      xAxis: { type: 'category', show: false, data: points.map((p) => p.label) },
      yAxis: { type: 'value', show: false, min: 0, max: kind === 'bar' ? Math.max(top, 1) : max },
      tooltip: { show: true, trigger: 'item', confine: true, formatter: (p) => {
        const point = points[p.dataIndex];
        return esc(`Week of ${point.label}${point.partial ? PARTIAL : ''}: ${format(point.value)}`
          + `${sampleText(point.samples, flags[p.dataIndex].small)}`);
      } },
      series: [kind === 'bar'
        ? { type: 'bar', data: values.map((v, i) => barPoint(v, flags[i].partial, BLUE())), itemStyle: { color: BLUE() },
          barCategoryGap: '25%' }
        : { type: 'line', data: values.map((v, i) => linePoint(v, flags[i])), connectNulls: false, symbol: 'circle',
          symbolSize: 4, showSymbol: true, lineStyle: { color: GREEN(), width: 2 }, itemStyle: { color: GREEN() },
          areaStyle: { color: themed('--chart-area', 'rgba(29,122,79,0.12)') } }],
    });
  });
  return el('span', { class: 'spark-box' }, node, el('span', { class: 'spark-scale', 'aria-hidden': 'true' }, scaleText));
}

/**
 * A weekly trend chart with its table: series = [{name, values, kind, format, samples, minSamples}], buckets from
 * /trends (each bucket's from/to tells whether it is partial). axis: 'duration', 'rate' or 'count'.
 */
export function trendChart({ title, buckets, series, zone, axis = 'count', yFormat, yMax = null, id, bucket = 'week',
  now = Date.now() }) {
  const partial = buckets.map((b) => isPartialBucket(b, bucket, zone, now));
  const labels = buckets.map((b, i) => shortDay(b.from, zone) + (partial[i] ? PARTIAL : ''));
  const small = series.map((s) => buckets.map((_, i) => isSmallSample(s.samples ? s.samples[i] : null, s.minSamples)));
  const minimum = Math.max(0, ...series.map((s) => s.minSamples || 0));
  const chartNode = el('div', { class: 'chart', role: 'img',
    'aria-label': `${title}: chart of the weekly values, listed in the table beside it` });
  const table = el('table', { class: 'data compact', id: `${id}-table` },
    el('caption', {}, `${title}, per week`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Week of'),
      series.map((s) => el('th', { scope: 'col', class: 'num' }, s.name)))),
    el('tbody', {}, buckets.map((b, i) => el('tr', { class: partial[i] ? 'partial' : null, 'data-partial': String(partial[i]) },
      el('th', { scope: 'row' }, labels[i]),
      series.map((s, j) => el('td', { class: `num${small[j][i] ? ' small-sample' : ''}` }, s.format(s.values[i]),
        s.samples && finite(s.samples[i]) ? ` (n = ${s.samples[i]})` : ''))))));
  const values = series.flatMap((s) => s.values);
  const scale = valueAxis(axis, values, null, { max: yMax });
  whenReady(chartNode, (echarts) => {
    mount(echarts, chartNode, {
      color: [BLUE(), GREEN(), themed('--chart-trend-3', '#9a5b00'), themed('--chart-4', '#7a3e9d')],
      grid: { left: Math.round(3.5 * rem()), right: rem(), top: Math.round(2.25 * rem()), bottom: Math.round(1.75 * rem()) },
      legend: { top: 0, left: 0, textStyle: { color: INK(), fontSize: Math.round(0.75 * rem()) } },
      tooltip: { trigger: 'axis', confine: true, formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const i = list.length ? list[0].dataIndex : 0;
        return [esc(`Week of ${labels[i]}`), ...list.map((p) => {
          const s = series[p.seriesIndex];
          return `${p.marker || ''}${esc(`${s.name}: ${s.format(s.values[i])}`
            + `${sampleText(s.samples ? s.samples[i] : null, small[p.seriesIndex][i])}`)}`;
        })].join('<br>');
      } },
      xAxis: { type: 'category', data: labels, axisLabel: { color: MUTED(), fontSize: Math.round(0.75 * rem()) },
        axisLine: { lineStyle: { color: AXIS() } } },
      yAxis: yAxisOf(scale, yFormat || ((v) => String(v)), { axisLabel: { fontSize: Math.round(0.75 * rem()) } }),
      series: series.map((s, j) => ({ name: s.name, type: s.kind || 'line', connectNulls: false, symbolSize: 6,
        barMaxWidth: 28, data: s.values.map((v, i) => ((s.kind || 'line') === 'bar'
          ? barPoint(v, partial[i], [BLUE(), GREEN()][j] || BLUE()) : linePoint(v, { partial: partial[i], small: small[j][i] }))) })),
    });
  });
  return el('figure', { class: 'trend', id },
    el('figcaption', {}, title),
    el('div', { class: 'trend-body' }, chartNode, el('div', { class: 'table-scroll', tabindex: '0',
      role: 'region', 'aria-label': `${title}: table of the numbers` }, table)),
    markerNote(partial.some(Boolean), small.some((row) => row.some(Boolean)), minimum));
}

/** Exported for the pages' own charts (error bars, period trends): same lifetime handling as the others. */
function mountWith(echarts, node, option, renderer) {
  const chart = init(echarts, node, renderer);
  chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit', color: INK() }, ...option });
  // what the chart drew, for people reading the DOM and for the tests: series type, name and point count
  node.dataset.series = JSON.stringify(chart.getOption().series.map((s) => ({ type: s.type, name: s.name,
    points: (s.data || []).filter((d) => d !== null && d !== undefined && !(Array.isArray(d) && d.includes(null))).length })));
  return chart;
}

/** The series colours of multi-line charts, in the page's palette. */
function palette() {
  return [BLUE(), themed('--chart-2', '#b35c00'), GREEN(), themed('--chart-4', '#7a3e9d'), themed('--chart-5', '#a4262c'),
    themed('--chart-6', '#00727a'), themed('--chart-7', '#5b6776')];
}

/**
 * A period trend of one KPI: the value per period as a line, the target as a dashed line (always inside the value
 * axis), with a table of the periods (value and sample size). points = [{label, value, samples, from, to}];
 * format(value) for labels; kind: 'rate', 'duration' or 'count'. A period not over at `now` is partial; a sample
 * below minSamples is drawn hollow.
 */
export function periodChart({ id, title, points, format, target = null, kind = 'count', minSamples = 0,
  now = Date.now() }) {
  const partial = points.map((p) => !!p.to && Date.parse(p.to) > now);
  const small = points.map((p) => isSmallSample(p.samples, minSamples));
  const labels = points.map((p, i) => p.label + (partial[i] ? PARTIAL : ''));
  const chartNode = el('div', { class: 'chart chart-period', id: `${id}-chart`, role: 'img',
    'aria-label': `${title}: chart of the values per period, listed in the table beside it` });
  const table = el('table', { class: 'data compact', id: `${id}-table` },
    el('caption', { class: 'visually-hidden' }, `${title}, per period`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Period'), el('th', { scope: 'col', class: 'num' }, 'Value'),
      el('th', { scope: 'col', class: 'num' }, 'Sample'))),
    el('tbody', {}, points.map((p, i) => el('tr', { class: partial[i] ? 'partial' : null },
      el('th', { scope: 'row' }, labels[i]),
      el('td', { class: 'num' }, format(p.value)),
      el('td', { class: `num${small[i] ? ' small-sample' : ''}` }, String(p.samples ?? '—'),
        small[i] ? el('span', { title: `below the minimum of ${minSamples}` }, el('span', { 'aria-hidden': 'true' }, ' ○'),
          el('span', { class: 'visually-hidden' }, ` (below the minimum of ${minSamples})`)) : '')))));
  const values = points.map((p) => p.value);
  const scale = valueAxis(kind, values, target, { max: kind === 'score' ? 5 : null });
  whenReady(chartNode, (echarts) => {
    mountWith(echarts, chartNode, {
      grid: { left: 64, right: 16, top: 16, bottom: 26 },
      tooltip: { trigger: 'axis', confine: true, formatter: (params) => {
        const i = (Array.isArray(params) ? params[0] : params).dataIndex;
        return esc(`${labels[i]}: ${format(values[i])}${sampleText(points[i].samples, small[i])}`);
      } },
      xAxis: { type: 'category', data: labels, axisLabel: { color: MUTED(), interval: 0, fontSize: 10 },
        axisLine: { lineStyle: { color: AXIS() } } },
      yAxis: yAxisOf(scale, format),
      series: [{ name: title, type: 'line', data: values.map((v, i) => linePoint(v, { partial: partial[i], small: small[i] })),
        connectNulls: false, symbolSize: 7, lineStyle: { color: BLUE(), width: 2 }, itemStyle: { color: BLUE() },
        markLine: target === null ? undefined : { silent: true, symbol: 'none',
          lineStyle: { color: themed('--chart-target', '#9b1b10'), type: 'dashed', width: 1.5 },
          label: { formatter: `target ${format(target)}`, position: 'insideStartTop', color: themed('--chart-target', '#9b1b10') },
          data: [{ yAxis: target }] } }],
    }, 'svg');
  });
  return el('div', { class: 'period-trend' }, chartNode, el('div', { class: 'table-scroll', tabindex: '0',
    role: 'region', 'aria-label': `${title}: table of the numbers` }, table),
  markerNote(partial.some(Boolean), small.some(Boolean), minSamples));
}

/**
 * Rates side by side with their 95 % intervals drawn as error bars (a custom series), the sample size under each
 * name. rows = [{name, value, ci: [l, u] | null, samples}]. Drawn as SVG so the bars are inspectable.
 */
export function errorBarChart({ id, title, rows, format }) {
  const node = el('div', { class: 'chart chart-errorbars', id, role: 'img',
    'aria-label': `${title}: each supplier's rate with its 95 % interval, listed in the table` });
  whenReady(node, (echarts) => {
    const names = rows.map((r) => r.name);
    const bars = rows.map((r, i) => (r.ci ? [i, r.ci[0], r.ci[1]] : null)).filter(Boolean);
    const ends = rows.flatMap((r) => [r.value, ...(r.ci || [])]).filter((v) => v !== null && v !== undefined);
    if (ends.length === 0) ends.push(0, 1);
    mountWith(echarts, node, {
      grid: { left: 64, right: 24, top: 16, bottom: 48 },
      tooltip: { trigger: 'item', formatter: (p) => {
        const row = rows[Array.isArray(p.data) ? p.data[0] : p.dataIndex];
        return esc(`${row.name}: ${format(row.value)} (95 % ${row.ci ? `${format(row.ci[0])} – ${format(row.ci[1])}` : '—'}, n = ${row.samples})`);
      } },
      xAxis: { type: 'category', data: names,
        axisLabel: { color: INK(), interval: 0, lineHeight: 17, formatter: (v, i) => `${v}\nn = ${rows[i].samples ?? '—'}` },
        axisLine: { lineStyle: { color: AXIS() } } },
      yAxis: { type: 'value', min: Math.max(0, Math.floor(Math.min(...ends) * 10) / 10),
        max: Math.min(1, Math.ceil(Math.max(...ends) * 10) / 10 || 1),
        axisLabel: { color: MUTED(), formatter: (v) => `${Math.round(v * 100)} %` },
        splitLine: { lineStyle: { color: GRID() } } },
      series: [
        { name: title, type: 'scatter', symbolSize: 11, itemStyle: { color: BLUE() },
          data: rows.map((r) => r.value), z: 3 },
        { name: '95 % interval', type: 'custom', z: 2, data: bars,
          renderItem: (params, api) => {
            const x = api.value(0);
            const low = api.coord([x, api.value(1)]);
            const high = api.coord([x, api.value(2)]);
            const half = Math.min(14, api.size([1, 0])[0] * 0.15);
            const style = { stroke: themed('--chart-error-bar', '#14243a'), lineWidth: 2 };
            return { type: 'group', children: [
              { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
              { type: 'line', shape: { x1: low[0] - half, y1: low[1], x2: low[0] + half, y2: low[1] }, style },
              { type: 'line', shape: { x1: high[0] - half, y1: high[1], x2: high[0] + half, y2: high[1] }, style },
            ] };
          },
          encode: { x: 0, y: [1, 2] } },
      ],
    }, 'svg');
  });
  return node;
}

/**
 * Lines per supplier over time buckets: lines = [{name, values, samples}], labels = the buckets' labels, partial =
 * whether each bucket is partial (dashed markers and "(partial)" on the axis); a point whose sample is below
 * minSamples is hollow.
 */
export function multiLineChart({ id, title, labels, lines, format, max = null, axis = 'count', partial = [],
  minSamples = 0 }) {
  const node = el('div', { class: 'chart', id, role: 'img',
    'aria-label': `${title}: one line per supplier, listed in the table` });
  const shown = labels.map((l, i) => l + (partial[i] ? PARTIAL : ''));
  const small = lines.map((l) => l.values.map((_, i) => isSmallSample(l.samples ? l.samples[i] : null, minSamples)));
  const scale = valueAxis(axis, lines.flatMap((l) => l.values), null, { max });
  whenReady(node, (echarts) => {
    mountWith(echarts, node, {
      color: palette(),
      grid: { left: 64, right: 16, top: 36, bottom: 26 },
      legend: { top: 0, left: 0, textStyle: { color: INK() } },
      tooltip: { trigger: 'axis', confine: true, formatter: (params) => {
        const list = Array.isArray(params) ? params : [params];
        const i = list.length ? list[0].dataIndex : 0;
        return [esc(shown[i]), ...list.map((p) => {
          const line = lines[p.seriesIndex];
          return `${p.marker || ''}${esc(`${line.name}: ${format(line.values[i])}`
            + `${sampleText(line.samples ? line.samples[i] : null, small[p.seriesIndex][i])}`)}`;
        })].join('<br>');
      } },
      xAxis: { type: 'category', data: shown, axisLabel: { color: MUTED() }, axisLine: { lineStyle: { color: AXIS() } } },
      yAxis: yAxisOf(scale, format),
      series: lines.map((l, j) => ({ name: l.name, type: 'line', connectNulls: false, symbolSize: 6,
        data: l.values.map((v, i) => linePoint(v, { partial: !!partial[i], small: small[j][i] })) })),
    }, 'canvas');
  });
  return node;
}
