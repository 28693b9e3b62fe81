// The weekly trend of a Jenkins job page (JobKpiAction): deployments and change success rate per week of the
// application the job deploys, as a chart and as a table of the same numbers with their sample sizes. A plain
// script (the page is Jenkins', not the dashboard's): it fills every element with data-devops-kpi-trend from the
// read API named by its data-api, asking for what its data-application, data-environment, data-window and
// data-zone say, the same /trends query the dashboard's application page makes. ECharts is the global `echarts`
// the page loaded before this script (Jenkins: the echarts-api plugin's adjunct). Text only, never markup.
(function () {
  'use strict';

  // Jenkins' theme (light, dark, system) sets its colours as CSS variables; the chart takes them when it is drawn,
  // with these for a page without them. Resolved to rgb() through a canvas: Jenkins writes some in oklch(), which
  // ECharts' own colour parsing does not read.
  const FALLBACK = { accent: '#1f5fa8', success: '#1d7a4f', secondary: '#5b6776', text: '#1c1c1c' };

  function themeColor(variable, fallback) {
    const probe = document.createElement('span');
    probe.style.color = `var(${variable}, ${fallback})`;
    document.body.append(probe);
    const computed = getComputedStyle(probe).color;
    probe.remove();
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const context = canvas.getContext('2d');
    if (!context) return fallback;
    context.fillStyle = fallback;
    context.fillStyle = computed;
    context.fillRect(0, 0, 1, 1);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, value);
    }
    for (const child of children) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return node;
  }

  function rate(value) {
    return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)} %`;
  }

  function days(bucket, zone) {
    const format = new Intl.DateTimeFormat('en-GB', { timeZone: zone, day: 'numeric', month: 'short' });
    const lastDay = new Date(Date.parse(bucket.to) - 1);
    return { first: format.format(new Date(bucket.from)), last: format.format(lastDay) };
  }

  async function fetchTrend(container) {
    const url = new URL(`${container.dataset.api.replace(/\/$/, '')}/trends`, document.baseURI);
    url.searchParams.set('application', container.dataset.application);
    url.searchParams.set('environment', container.dataset.environment);
    url.searchParams.set('window', container.dataset.window);
    url.searchParams.set('zone', container.dataset.zone);
    url.searchParams.set('bucket', 'week');
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    let body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    if (!response.ok) {
      const reason = body && Array.isArray(body.errors) ? body.errors.map((e) => e.message).join('; ')
        : (body && body.error) || `HTTP ${response.status}`;
      throw new Error(reason);
    }
    return body;
  }

  /** The numbers of the chart: one row per week (clipped to the window at both ends, as /trends answers). */
  function rows(trend, zone) {
    return trend.buckets.map((bucket) => ({
      label: days(bucket, zone),
      deployments: bucket.kpis.deploymentFrequency.deployments,
      successRate: bucket.kpis.changeSuccessRate.rate,
      changes: bucket.kpis.changeFailureRate.total,
    }));
  }

  function table(weeks, zone, text) {
    return el('table', { class: 'jenkins-table jenkins-table--small devops-kpi-trend-table' },
      el('caption', {}, text('caption', zone)),
      el('thead', {}, el('tr', {},
        el('th', { scope: 'col' }, text('week')),
        el('th', { scope: 'col' }, text('deployments')),
        el('th', { scope: 'col' }, text('successRate')),
        el('th', { scope: 'col' }, text('changes')))),
      el('tbody', {}, ...weeks.map((week) => el('tr', {},
        el('th', { scope: 'row' }, week.label.first === week.label.last ? week.label.first
          : `${week.label.first} – ${week.label.last}`),
        el('td', { 'data-value': String(week.deployments) }, String(week.deployments)),
        el('td', { 'data-value': String(week.successRate) }, rate(week.successRate)),
        el('td', { 'data-value': String(week.changes) }, String(week.changes))))));
  }

  function draw(node, weeks, text) {
    if (node.clientHeight === 0) node.style.height = '18rem';
    const chart = window.echarts.init(node, null, { renderer: 'canvas' });
    const muted = themeColor('--text-color-secondary', FALLBACK.secondary);
    const ink = themeColor('--text-color', FALLBACK.text);
    chart.setOption({
      animation: false,
      color: [themeColor('--accent-color', FALLBACK.accent), themeColor('--success-color', FALLBACK.success)],
      grid: { left: 48, right: 56, top: 56, bottom: 28 },
      legend: { top: 0, left: 'center', textStyle: { color: ink } },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: weeks.map((week) => week.label.first), axisLabel: { color: muted } },
      yAxis: [
        { type: 'value', name: text('deployments'), min: 0, minInterval: 1, nameTextStyle: { color: muted },
          axisLabel: { color: muted } },
        { type: 'value', name: text('successAxis'), min: 0, max: 1, splitLine: { show: false },
          nameTextStyle: { color: muted },
          axisLabel: { color: muted, formatter: (v) => `${Math.round(v * 100)} %` } },
      ],
      series: [
        { name: text('deployments'), type: 'bar', barMaxWidth: 28, data: weeks.map((week) => week.deployments) },
        { name: text('successRate'), type: 'line', yAxisIndex: 1, connectNulls: false, symbolSize: 6,
          data: weeks.map((week) => week.successRate),
          tooltip: { valueFormatter: rate } },
      ],
    });
    window.addEventListener('resize', () => chart.resize());
  }

  /**
   * The page's texts in Jenkins' language: the view writes them from its properties into data-text-* attributes
   * ({0} stands for the one value a text takes); English when an attribute is missing.
   */
  function texts(container) {
    const english = {
      caption: 'Deployments and change success rate per week (weeks from Monday 00:00 {0})',
      week: 'Week',
      deployments: 'Deployments',
      successRate: 'Change success rate',
      changes: 'Changes (sample)',
      successAxis: 'Success rate',
      noLibrary: 'The chart library (echarts-api plugin) is not loaded; the table lists the numbers.',
      failed: 'The weekly trend could not be shown: {0}',
    };
    return (key, value) => {
      const name = `text${key.charAt(0).toUpperCase()}${key.slice(1)}`;
      const template = container.dataset[name] || english[key];
      return value === undefined ? template : template.replace('{0}', value);
    };
  }

  /** Fills one container; its data-state says how it ended: drawn, table-only or failed (for people and tests). */
  async function render(container) {
    const status = container.querySelector('.devops-kpi-trend-status');
    const zone = container.dataset.zone || 'UTC';
    const text = texts(container);
    try {
      const weeks = rows(await fetchTrend(container), zone);
      container.append(table(weeks, zone, text));
      if (!window.echarts) {
        status.textContent = text('noLibrary');
        container.dataset.state = 'table-only';
        return;
      }
      draw(container.querySelector('.devops-kpi-trend-chart'), weeks, text);
      status.textContent = '';
      container.dataset.state = 'drawn';
    } catch (error) {
      status.textContent = text('failed', error.message);
      container.dataset.state = 'failed';
    }
  }

  function start() {
    document.querySelectorAll('[data-devops-kpi-trend]').forEach(render);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
