// The team page: the team's own figures, then its applications side by side (a comparison table and a widget each).
import './frame.js'; // first: the header, controls and footer the page's code fills
import { setUpControls } from './controls.js';
import { pruneCharts } from './charts.js';
import { apiParams, append, bandChip, clear, decimal, duration, el, emptyState, errorBox, getJson, pageLink,
  kpiParams, percent, plural, setApiLink, windowText } from './lib.js';
import { failedWidget, kpiWidget, widgetData } from './widgets.js';
import { defineLabels, kpiLabel } from './definitions.js';
import { drillLink } from './drill.js';

const name = decodeURIComponent(window.location.pathname.split('/').filter(Boolean).pop() || '');
document.title = `Team ${name} · devops-kpi`;
let renderCount = 0;

async function optional(promise) {
  try {
    return await promise;
  } catch (error) {
    return { error };
  }
}

/** The team's applications: from /teams, else from /applications?team=. */
async function applicationsOf(state) {
  const params = apiParams(state);
  const teams = await optional(getJson('teams', params));
  if (!teams.error) {
    const team = teams.teams.find((t) => t.team === name);
    return team ? team.applications : [];
  }
  const apps = await optional(getJson('applications', { ...params, team: name }));
  if (apps.error) throw apps.error;
  return apps.applications.map((a) => a.application);
}

function cell(text, band, what) {
  return el('td', {}, el('span', { class: 'cell-value' }, text), band === undefined ? null : [' ', bandChip(band, what)]);
}

/** A figure with its sample, the sample linking to the list behind the figure: "1.2 (3 deployments)". */
function figure(value, kpi, app, state, sample) {
  return [value, ' (', drillLink(kpi, { application: app }, state, sample), ')'];
}

const COLUMNS = [['Deployments per week', 'deploymentFrequency'], ['Change success rate', 'changeSuccessRate'],
  ['Lead time (median)', 'leadTime'], ['Time to restore (median)', 'timeToRestore'], ['Availability', 'availability']];

function comparison(rows, state) {
  return el('div', { class: 'list-section side-by-side' }, el('table', { class: 'data', id: 'comparison' },
    el('caption', {}, 'Applications side by side'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Application'),
      COLUMNS.map(([label, kpi]) => kpiLabel('th', kpi, label, { scope: 'col' })))),
    el('tbody', {}, rows.map(({ app, data }) => {
      if (data.error) return el('tr', {}, el('th', { scope: 'row' }, app), el('td', { colspan: '5' }, data.error.message));
      const r = data.report;
      const ttr = r.timeToRestore;
      return el('tr', {},
        el('th', { scope: 'row' }, el('a', { href: pageLink('applications', app, state) }, app)),
        cell(figure(decimal(r.deploymentFrequency.perWeek), 'deploymentFrequency', app, state,
          plural(r.deploymentFrequency.deployments, 'deployment')), r.deploymentFrequency.band, 'Deployment frequency band'),
        cell(figure(percent(r.changeSuccessRate.rate), 'changeSuccessRate', app, state,
          `n = ${r.changeFailureRate.total}`), r.changeFailureRate.band, 'Change failure rate band'),
        cell(figure(duration(r.leadTime.medianSeconds), 'leadTime', app, state, `n = ${r.leadTime.count}`),
          r.leadTime.band, 'Lead time band'),
        cell(figure(duration(ttr.medianSeconds), 'timeToRestore', app, state,
          `n = ${ttr.count}${ttr.open ? `, ${ttr.open} open` : ''}`), ttr.band, 'Time to restore band'),
        cell(r.availability.ratio === null ? 'no data' : [`${(r.availability.ratio * 100).toFixed(2)} %`, ' (',
          drillLink('availability', { application: app }, state, 'incidents'), ')']));
    }))));
}

async function render(state) {
  const mine = ++renderCount;
  const main = document.getElementById('main');
  setApiLink('kpis', { team: name, ...kpiParams(state) });
  const [team, apps] = await Promise.all([optional(widgetData({ team: name }, state)), optional(applicationsOf(state))]);
  const rows = apps.error ? [] : await Promise.all(apps.map(async (app) => ({ app,
    data: await optional(widgetData({ application: app }, state)) })));
  if (mine !== renderCount) return;
  clear(main);
  const head = el('div', { class: 'page-head' }, el('h1', {}, el('span', { class: 'kind' }, 'Team '),
    el('span', { id: 'team-name' }, name)));
  main.append(head);
  if (team.error) {
    main.append(errorBox(team.error, 'The KPIs'));
    return;
  }
  head.append(el('p', { class: 'subtitle' }, el('span', { class: 'env' }, state.environment), ' · ',
    windowText(team.report, state)));
  main.append(el('section', { class: 'summary', 'aria-label': `Team ${name}` },
    kpiWidget({ title: `Team ${name}, all applications`, scope: { team: name }, data: team, state })));
  const section = el('section', { 'aria-labelledby': 'apps-heading' },
    el('h2', { id: 'apps-heading' }, 'Applications', el('span', { class: 'count' }, apps.error ? '' : ` (${apps.length})`)));
  if (apps.error) {
    section.append(errorBox(apps.error, 'The list of the team\'s applications'));
  } else if (apps.length === 0) {
    section.append(emptyState(`Team ${name} has no applications in ${state.environment} in this window.`,
      'Assign applications with an assignment event (POST /api/v1/events, "type": "assignment"), or choose a longer window.'));
  } else {
    section.append(comparison(rows, state));
    const grid = el('div', { class: 'grid' });
    for (const { app, data } of rows) {
      grid.append(data.error ? failedWidget(app, data.error) : kpiWidget({ title: app,
        href: pageLink('applications', app, state), scope: { application: app }, data, state }));
    }
    append(section, [el('h2', {}, 'Each application'), grid]);
  }
  main.append(section);
  defineLabels(main);
  pruneCharts();
}

setUpControls(render);
