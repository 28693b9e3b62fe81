// Charts with ECharts (served from the WebJar on the classpath, never a CDN). Every chart comes with a table of
// its numbers, so nothing is shown only as a picture.
import * as echarts from '../webjars/echarts/5.5.0/echarts.esm.min.js';
import { el, shortDay } from './lib.js';

const INK = '#1f2a37';
const MUTED = '#5b6776';
const BLUE = '#1f5fa8';
const GREEN = '#1d7a4f';
const charts = new Set();

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
    const chart = echarts.getInstanceByDom(entry.target);
    if (chart) chart.resize();
  }
});

function mount(node, option) {
  const chart = echarts.init(node, null, { renderer: 'canvas' });
  observer.observe(node);
  chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit', color: INK }, ...option });
  charts.add(chart);
  return chart;
}

/** A small chart without axes: the weekly values of one KPI (null values leave gaps). */
export function sparkline(values, { kind = 'bar', label, max = null }) {
  const node = el('div', { class: 'spark', role: 'img', 'aria-label': label });
  requestAnimationFrame(() => {
    if (!node.isConnected) return;
    mount(node, {
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
  requestAnimationFrame(() => {
    if (!chartNode.isConnected) return;
    mount(chartNode, {
      color: [BLUE, GREEN, '#9a5b00', '#7a3e9d'],
      grid: { left: 56, right: 16, top: 36, bottom: 28 },
      legend: { top: 0, left: 0, textStyle: { color: INK } },
      tooltip: { trigger: 'axis', valueFormatter: yFormat },
      xAxis: { type: 'category', data: labels, axisLabel: { color: MUTED }, axisLine: { lineStyle: { color: '#9aa5b1' } } },
      yAxis: { type: 'value', min: 0, max: yMax, axisLabel: { color: MUTED, formatter: yFormat },
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
