// Charts with ECharts, every one with a table of its numbers, so nothing is shown only as a picture. The chart
// library is ECharts' UMD build (the global `echarts`), loaded from the URL the page names in
// <meta name="devops-kpi-charts">: the server names the WebJar it serves (never a CDN), the Jenkins plugin names
// the echarts-api plugin's copy (ECharts 6). What follows must work with both (the browser tests draw with each).
import { el, shortDay } from './lib.js';

const INK = '#1f2a37';
const MUTED = '#5b6776';
const BLUE = '#1f5fa8';
const GREEN = '#1d7a4f';
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
  chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit', color: INK, fontSize: Math.round(0.75 * rem()) },
    ...option });
  return chart;
}

/** A small chart without axes: the weekly values of one KPI (null values leave gaps). */
export function sparkline(values, { kind = 'bar', label, max = null }) {
  const node = el('div', { class: 'spark', role: 'img', 'aria-label': label });
  whenReady(node, (echarts) => {
    mount(echarts, node, {
      grid: { left: 2, right: 2, top: 4, bottom: 2 },
      xAxis: { type: 'category', show: false, data: values.map((_, i) => i) },
      yAxis: { type: 'value', show: false, min: 0, max },
      tooltip: { show: false },
      series: [kind === 'bar'
        ? { type: 'bar', data: values, itemStyle: { color: BLUE }, barCategoryGap: '25%', silent: true }
        : { type: 'line', data: values, connectNulls: false, symbol: 'none', silent: true,
          lineStyle: { color: GREEN, width: 2 }, areaStyle: { color: 'rgba(29,122,79,0.12)' } }],
    });
  });
  return node;
}

/**
 * A weekly trend chart with its table: series = [{name, values, unit, kind, format}], buckets from /trends.
 */
export function trendChart({ title, buckets, series, zone, yFormat, yMax = null, id }) {
  const labels = buckets.map((b) => shortDay(b.from, zone));
  const chartNode = el('div', { class: 'chart', role: 'img',
    'aria-label': `${title}: chart of the weekly values, listed in the table beside it` });
  const table = el('table', { class: 'data compact', id: `${id}-table` },
    el('caption', {}, `${title}, per week`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Week of'),
      series.map((s) => el('th', { scope: 'col', class: 'num' }, s.name)))),
    el('tbody', {}, buckets.map((bucket, i) => el('tr', {},
      el('th', { scope: 'row' }, labels[i]),
      series.map((s) => el('td', { class: 'num' }, s.format(s.values[i])))))));
  whenReady(chartNode, (echarts) => {
    mount(echarts, chartNode, {
      color: [BLUE, GREEN, '#9a5b00', '#7a3e9d'],
      grid: { left: Math.round(3.5 * rem()), right: rem(), top: Math.round(2.25 * rem()), bottom: Math.round(1.75 * rem()) },
      legend: { top: 0, left: 0, textStyle: { color: INK, fontSize: Math.round(0.75 * rem()) } },
      tooltip: { trigger: 'axis', valueFormatter: yFormat },
      xAxis: { type: 'category', data: labels, axisLabel: { color: MUTED, fontSize: Math.round(0.75 * rem()) },
        axisLine: { lineStyle: { color: '#9aa5b1' } } },
      yAxis: { type: 'value', min: 0, max: yMax, axisLabel: { color: MUTED, formatter: yFormat,
        fontSize: Math.round(0.75 * rem()) },
        splitLine: { lineStyle: { color: '#e3e8ee' } } },
      series: series.map((s) => ({ name: s.name, type: s.kind || 'line', data: s.values,
        connectNulls: false, symbolSize: 6, barMaxWidth: 28 })),
    });
  });
  return el('figure', { class: 'trend', id },
    el('figcaption', {}, title),
    el('div', { class: 'trend-body' }, chartNode, el('div', { class: 'table-scroll', tabindex: '0',
      role: 'region', 'aria-label': `${title}: table of the numbers` }, table)));
}

/** Exported for the pages' own charts (error bars, period trends): same lifetime handling as the others. */
function mountWith(echarts, node, option, renderer) {
  const chart = init(echarts, node, renderer);
  chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit', color: INK }, ...option });
  // what the chart drew, for people reading the DOM and for the tests: series type, name and point count
  node.dataset.series = JSON.stringify(chart.getOption().series.map((s) => ({ type: s.type, name: s.name,
    points: (s.data || []).filter((d) => d !== null && d !== undefined && !(Array.isArray(d) && d.includes(null))).length })));
  return chart;
}

export const PALETTE = [BLUE, '#b35c00', GREEN, '#7a3e9d', '#a4262c', '#00727a', '#5b6776'];
export const ERROR_BAR_INK = '#14243a';

/**
 * A period trend of one KPI: the value per period as a line, the target as a dashed line, with a table of the
 * periods (value and sample size). points = [{label, value, samples}]; format(value) for labels.
 */
export function periodChart({ id, title, points, format, target = null, rate = false }) {
  const chartNode = el('div', { class: 'chart chart-period', id: `${id}-chart`, role: 'img',
    'aria-label': `${title}: chart of the values per period, listed in the table beside it` });
  const table = el('table', { class: 'data compact', id: `${id}-table` },
    el('caption', { class: 'visually-hidden' }, `${title}, per period`),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Period'), el('th', { scope: 'col', class: 'num' }, 'Value'),
      el('th', { scope: 'col', class: 'num' }, 'Sample'))),
    el('tbody', {}, points.map((p) => el('tr', {}, el('th', { scope: 'row' }, p.label),
      el('td', { class: 'num' }, format(p.value)), el('td', { class: 'num' }, String(p.samples ?? '—'))))));
  whenReady(chartNode, (echarts) => {
    const values = points.map((p) => p.value);
    mountWith(echarts, chartNode, {
      grid: { left: 64, right: 16, top: 16, bottom: 26 },
      tooltip: { trigger: 'axis', valueFormatter: (v) => format(v) },
      xAxis: { type: 'category', data: points.map((p) => p.label), axisLabel: { color: MUTED, interval: 0, fontSize: 10 },
        axisLine: { lineStyle: { color: '#9aa5b1' } } },
      yAxis: { type: 'value', min: rate ? (v) => Math.max(0, Math.floor(v.min * 10) / 10) : 0,
        max: rate ? 1 : null, axisLabel: { color: MUTED, formatter: (v) => format(v) },
        splitLine: { lineStyle: { color: '#e3e8ee' } } },
      series: [{ name: title, type: 'line', data: values, connectNulls: false, symbolSize: 7,
        lineStyle: { color: BLUE, width: 2 }, itemStyle: { color: BLUE },
        markLine: target === null ? undefined : { silent: true, symbol: 'none',
          lineStyle: { color: '#9b1b10', type: 'dashed', width: 1.5 },
          label: { formatter: `target ${format(target)}`, position: 'insideStartTop', color: '#9b1b10' },
          data: [{ yAxis: target }] } }],
    }, 'svg');
  });
  return el('div', { class: 'period-trend' }, chartNode, el('div', { class: 'table-scroll', tabindex: '0',
    role: 'region', 'aria-label': `${title}: table of the numbers` }, table));
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
        return `${row.name}: ${format(row.value)} (95 % ${row.ci ? `${format(row.ci[0])} – ${format(row.ci[1])}` : '—'}, n = ${row.samples})`;
      } },
      xAxis: { type: 'category', data: names,
        axisLabel: { color: INK, interval: 0, lineHeight: 17, formatter: (v, i) => `${v}\nn = ${rows[i].samples ?? '—'}` },
        axisLine: { lineStyle: { color: '#9aa5b1' } } },
      yAxis: { type: 'value', min: Math.max(0, Math.floor(Math.min(...ends) * 10) / 10),
        max: Math.min(1, Math.ceil(Math.max(...ends) * 10) / 10 || 1),
        axisLabel: { color: MUTED, formatter: (v) => `${Math.round(v * 100)} %` },
        splitLine: { lineStyle: { color: '#e3e8ee' } } },
      series: [
        { name: title, type: 'scatter', symbolSize: 11, itemStyle: { color: BLUE },
          data: rows.map((r) => r.value), z: 3 },
        { name: '95 % interval', type: 'custom', z: 2, data: bars,
          renderItem: (params, api) => {
            const x = api.value(0);
            const low = api.coord([x, api.value(1)]);
            const high = api.coord([x, api.value(2)]);
            const half = Math.min(14, api.size([1, 0])[0] * 0.15);
            const style = { stroke: ERROR_BAR_INK, lineWidth: 2 };
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

/** Lines per supplier over time buckets: lines = [{name, values}], labels = the buckets' labels. */
export function multiLineChart({ id, title, labels, lines, format, max = null }) {
  const node = el('div', { class: 'chart', id, role: 'img',
    'aria-label': `${title}: one line per supplier, listed in the table` });
  whenReady(node, (echarts) => {
    mountWith(echarts, node, {
      color: PALETTE,
      grid: { left: 64, right: 16, top: 36, bottom: 26 },
      legend: { top: 0, left: 0, textStyle: { color: INK } },
      tooltip: { trigger: 'axis', valueFormatter: (v) => format(v) },
      xAxis: { type: 'category', data: labels, axisLabel: { color: MUTED }, axisLine: { lineStyle: { color: '#9aa5b1' } } },
      yAxis: { type: 'value', min: 0, max, axisLabel: { color: MUTED, formatter: (v) => format(v) },
        splitLine: { lineStyle: { color: '#e3e8ee' } } },
      series: lines.map((l) => ({ name: l.name, type: 'line', data: l.values, connectNulls: false, symbolSize: 6 })),
    }, 'canvas');
  });
  return node;
}
