// The overview: one widget per team (or supplier, or application), sortable and filterable, after a widget for
// the whole environment.
import './frame.js'; // first: the header, controls and footer the page's code fills
import { setUpControls, field, select } from './controls.js';
import { pruneCharts } from './charts.js';
import { addStateKeys, apiBase, apiParams, append, clear, el, emptyState, errorBox, getJson, kpiParams, pageLink, readState,
  setApiLink, severityParam, stateUrl, windowText } from './lib.js';
import { listView } from './drill.js';
import { defineLabels } from './definitions.js';
import { failedWidget, kpiWidget, widgetData } from './widgets.js';

/** A supplier's scorecard (its own review periods: the environment and zone carry over, the window does not). */
function scorecardLink(name, state) {
  const params = new URLSearchParams();
  if (state.environment && state.environment !== 'production') params.set('environment', state.environment);
  if (state.zone && state.zone !== 'UTC') params.set('zone', state.zone);
  const query = params.toString();
  return pageLink('suppliers', name, {}).replace(/\?.*$/, '') + (query ? `?${query}` : '');
}

const GROUPS = [
  { value: 'team', label: 'Teams' },
  { value: 'supplier', label: 'Suppliers' },
  { value: 'application', label: 'Applications' },
];
const SORTS = [
  { value: 'name', label: 'Name' },
  { value: 'frequency', label: 'Deployment frequency (highest first)' },
  { value: 'success', label: 'Change success rate (lower end of its 95 % interval)' },
  { value: 'lead', label: 'Lead time (shortest first)' },
  { value: 'restore', label: 'Time to restore (shortest first)' },
];

// the list view's keys (drill-down from a figure): which list, its scope beyond team/supplier, filters, page
addStateKeys({ list: '', application: '', tag: '', result: '', startedInWindow: '', offset: '' });

let teamSelect;
let supplierSelect;
let renderCount = 0;

function extras(form, state) {
  const group = select('group', 'group', GROUPS, state.group);
  teamSelect = select('team', 'team', [{ value: '', label: 'All teams' }], '');
  supplierSelect = select('supplier', 'supplier', [{ value: '', label: 'All suppliers' }], '');
  setOptions(teamSelect, [], state.team, 'All teams');
  setOptions(supplierSelect, [], state.supplier, 'All suppliers');
  const q = el('input', { id: 'q', name: 'q', type: 'search', value: state.q, placeholder: 'name contains…',
    autocomplete: 'off' });
  const sort = select('sort', 'sort', SORTS, state.sort);
  // the widgets' own controls mean nothing to a list view (team and supplier stay: they are its scope)
  const widgetsOnly = [field('group', 'Show one widget per', group), field('q', 'Filter by name', q),
    field('sort', 'Sort by', sort)];
  const showWidgetControls = (list) => widgetsOnly.forEach((node) => { node.hidden = Boolean(list); });
  showWidgetControls(state.list);
  form.append(el('div', { class: 'break', 'aria-hidden': 'true' }),
    widgetsOnly[0], field('team', 'Team', teamSelect),
    field('supplier', 'Supplier', supplierSelect), widgetsOnly[1], widgetsOnly[2]);
  return {
    // a changed control starts a list view at its first page again
    read: () => ({ group: group.value, team: teamSelect.value, supplier: supplierSelect.value, q: q.value.trim(),
      sort: sort.value, offset: '' }),
    onChange: (go) => {
      for (const control of [group, teamSelect, supplierSelect, sort]) control.addEventListener('change', go);
      q.addEventListener('change', go);
    },
    sync: (back) => {
      showWidgetControls(back.list);
      group.value = back.group;
      setOptions(teamSelect, [], back.team, 'All teams');
      setOptions(supplierSelect, [], back.supplier, 'All suppliers');
      q.value = back.q;
      sort.value = back.sort;
    },
  };
}

function setOptions(node, names, value, allLabel) {
  const all = [...new Set([...names, ...(value ? [value] : [])])].sort();
  clear(node);
  node.append(el('option', { value: '' }, allLabel));
  for (const name of all) {
    const option = el('option', { value: name }, name);
    if (name === value) option.selected = true;
    node.append(option);
  }
}

async function optional(promise) {
  try {
    return await promise;
  } catch (error) {
    return { error };
  }
}

/**
 * How many applications the figures above cover, said so that it never contradicts the list below: availability
 * counts the applications with a deployment or an incident in the window, the list every known application.
 */
function activeApplications(report, known) {
  const active = report.availability.applications;
  const word = (n) => (n === 1 ? 'application' : 'applications');
  if (known === 0 || active === known) return `${active} ${word(active)}`;
  return `${active} of ${known} ${word(known)} with a deployment or an incident in this window`;
}

/** The widgets' scopes for a state: names of teams, suppliers or applications after the filters. */
function groups(state, applications, teams) {
  const q = state.q.toLowerCase();
  const apps = applications.filter((app) =>
    (!state.team || app.delivery.team === state.team || app.operations.team === state.team)
    && (!state.supplier || app.delivery.supplier === state.supplier || app.operations.supplier === state.supplier));
  if (state.group === 'application') {
    return apps.filter((app) => !q || app.application.toLowerCase().includes(q))
      .map((app) => ({ name: app.application, app }));
  }
  const key = state.group;
  const members = new Map();
  if (key === 'team' && teams) {
    for (const team of teams) members.set(team.team, new Set(team.applications));
  }
  for (const app of applications) {
    for (const side of [app.delivery, app.operations]) {
      if (!members.has(side[key])) members.set(side[key], new Set());
      members.get(side[key]).add(app.application);
    }
  }
  const shown = new Set(apps.map((app) => app.application));
  const filtered = Boolean(state.team || state.supplier);
  return [...members.entries()]
    .filter(([name, names]) => (!filtered || [...names].some((n) => shown.has(n)) || name === state[key])
      && (!q || name.toLowerCase().includes(q) || [...names].some((n) => n.toLowerCase().includes(q))))
    .filter(([name]) => !state[key] || name === state[key] || key === 'application')
    .map(([name, names]) => ({ name, applications: [...names].sort() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

const SORTERS = {
  frequency: (d) => -d.report.deploymentFrequency.perWeek,
  // the Wilson lower bound: 4 of 4 changes (51 %) does not outrank 95 of 100 (89 %)
  success: (d) => (d.report.changeSuccessRate.ci95 ? -d.report.changeSuccessRate.ci95[0] : 2),
  lead: (d) => d.report.leadTime.medianSeconds ?? Number.MAX_VALUE,
  restore: (d) => d.report.timeToRestore.medianSeconds ?? Number.MAX_VALUE,
};

/**
 * Where the alerts no mapping placed are listed (api.md, "Unmapped alerts"), relative to the API: the page's meta
 * names it; an embedding CI that does not list them to this user leaves it empty.
 */
const unmappedMeta = document.querySelector('meta[name="devops-kpi-unmapped"]');
const unmappedList = unmappedMeta ? unmappedMeta.content : '';

/** "N unmapped alerts", linked to their list, when an alerting webhook received alerts no mapping placed. */
function unmappedNotice(answer) {
  if (!answer || answer.error || !Number.isInteger(answer.count) || answer.count <= 0) return null;
  const counts = Object.entries(answer.counts || {}).filter(([, n]) => n > 0).map(([tool, n]) => `${tool} ${n}`);
  return el('p', { class: 'notice unmapped-alerts', id: 'unmapped-alerts', role: 'status' },
    el('a', { href: new URL(unmappedList, apiBase).href }, `${answer.count} unmapped ${answer.count === 1 ? 'alert' : 'alerts'}`),
    ` from the alerting webhooks${counts.length ? ` (${counts.join(', ')})` : ''}: no mapping named their application `
      + 'or environment, so they count in no KPI until one does (docs/import.md).');
}

/** The list behind a figure (`?list=…`), paged; the page's offset is kept in the URL (replaced, not pushed). */
function renderList(state, main) {
  clear(main);
  const scope = {};
  for (const key of ['application', 'team', 'supplier', 'tag', 'result', 'startedInWindow']) {
    if (state[key]) scope[key] = state[key];
  }
  setApiLink(state.list, { ...scope, ...apiParams(state), ...(state.list === 'incidents' ? severityParam(state) : {}) });
  listView(state, main, (offset) => {
    window.history.replaceState(null, '', stateUrl({ ...readState(), offset: offset ? String(offset) : '' }));
  });
}

async function render(state) {
  const mine = ++renderCount;
  const main = document.getElementById('main');
  if (state.list) {
    renderList(state, main);
    return;
  }
  const params = apiParams(state);
  setApiLink('kpis', kpiParams(state));
  const [total, appList, teamList, unmapped] = await Promise.all([
    optional(widgetData({}, state)),
    optional(getJson('applications', params)),
    optional(getJson('teams', params)),
    unmappedList ? optional(getJson(unmappedList, {})) : { error: null },
  ]);
  if (mine !== renderCount) return;

  const applications = appList.error ? [] : appList.applications;
  const teams = teamList.error ? null : teamList.teams;
  const teamNames = teams ? teams.map((t) => t.team) : applications.flatMap((a) => [a.delivery.team, a.operations.team]);
  setOptions(teamSelect, teamNames, state.team, 'All teams');
  setOptions(supplierSelect, applications.flatMap((a) => [a.delivery.supplier, a.operations.supplier]),
    state.supplier, 'All suppliers');

  const scopeKey = state.group;
  const chosen = groups(state, applications, teams);
  const loaded = await Promise.all(chosen.map(async (group) => ({ group,
    data: await optional(widgetData({ [scopeKey]: group.name }, state)) })));
  if (mine !== renderCount) return;
  const sorter = SORTERS[state.sort];
  if (sorter) {
    loaded.sort((a, b) => (a.data.error ? 1 : 0) - (b.data.error ? 1 : 0)
      || (a.data.error ? 0 : sorter(a.data) - sorter(b.data)) || a.group.name.localeCompare(b.group.name));
  }

  clear(main);
  const title = el('h1', {}, 'Overview');
  if (total.error) {
    append(main, [title, errorBox(total.error, 'The KPIs')]);
    return;
  }
  append(main, [
    el('div', { class: 'page-head' }, title,
      el('p', { class: 'subtitle' }, el('span', { class: 'env' }, state.environment), ' · ',
        windowText(total.report, state))),
    unmappedNotice(unmapped),
  ]);

  const all = el('section', { class: 'summary', 'aria-labelledby': 'all-heading' },
    el('h2', { id: 'all-heading', class: 'visually-hidden' }, 'All applications'));
  if (total.report.deploymentFrequency.deployments === 0 && total.report.changeFailureRate.total === 0) {
    all.append(emptyState(`No deployments recorded in ${state.environment} in this window.`,
      `Send deployments with POST ${new URL('events', apiBase).pathname} (see docs/api.md), or choose a longer window or another environment.`));
  }
  all.append(kpiWidget({ title: `All applications in ${state.environment}`, scope: {}, data: total, state,
    extra: [el('p', { class: 'attribution', id: 'application-count' },
      activeApplications(total.report, appList.error ? 0 : appList.total ?? applications.length))] }));
  main.append(all);

  const label = GROUPS.find((g) => g.value === scopeKey).label;
  const section = el('section', { class: 'groups', 'aria-labelledby': 'groups-heading' },
    el('h2', { id: 'groups-heading' }, label, el('span', { class: 'count' }, ` (${loaded.length})`)));
  if (appList.error && teamList.error) {
    section.append(errorBox(appList.error, `The list of ${label.toLowerCase()}`));
  } else if (loaded.length === 0) {
    section.append(emptyState(`No ${label.toLowerCase()} match these filters.`,
      'Clear the team, supplier or name filter, or choose a longer window.'));
  }
  const grid = el('div', { class: 'grid' });
  for (const { group, data } of loaded) {
    const href = scopeKey === 'supplier'
      ? (group.name === 'unassigned' ? null : scorecardLink(group.name, state))
      : pageLink(scopeKey === 'team' ? 'teams' : 'applications', group.name, state);
    const extra = [];
    if (group.app) {
      extra.push(el('p', { class: 'attribution' }, `Delivery: ${group.app.delivery.team} (${group.app.delivery.supplier})`,
        ` · Operations: ${group.app.operations.team} (${group.app.operations.supplier})`));
    } else if (group.applications) {
      extra.push(el('p', { class: 'attribution' }, group.applications.join(', ')));
    }
    grid.append(data.error ? failedWidget(group.name, data.error)
      : kpiWidget({ title: group.name, href, scope: { [scopeKey]: group.name }, data, state, extra }));
  }
  section.append(grid);
  main.append(section);
  defineLabels(main);
  pruneCharts();
}

setUpControls(render, extras);
