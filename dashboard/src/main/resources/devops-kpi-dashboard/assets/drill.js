// Drill-down: the lists behind the figures (deployments, failed changes, incidents) with the figure's scope, window,
// environment, zone and tag, paged with the API's offset/limit/total, with the CSV export where the API offers one.
// The overview shows a list when its URL names one (`/?list=deployments&team=payments&result=SUCCESS`).
import { apiBase, apiParams, append, clear, dateTime, duration, el, emptyState, errorBox, getJson,
  severityParam, sharedQuery, siteRoot } from './lib.js';

export const PAGE_SIZE = 50;

const REASONS = {
  FAILED_RESULT: 'the deployment failed',
  NAMED_AS_CAUSE: 'named as an incident\'s cause',
  INCIDENT_WITHIN_HORIZON: 'incident soon after it',
  FOLLOWED_BY_REMEDIATION: 'followed by a hotfix or rollback',
};
export const reasons = (list) => (list || []).map((r) => REASONS[r] || r).join('; ');

function runLink(text, url) {
  return url && /^https?:/i.test(url) ? el('a', { href: url, rel: 'noopener noreferrer' }, text) : text;
}

/** Which list lies behind each KPI, and which of its filters make the list's total the KPI's sample. */
export const BEHIND = {
  deploymentFrequency: { list: 'deployments', filter: { result: 'SUCCESS' } },
  leadTime: { list: 'deployments', filter: { result: 'SUCCESS' } },
  reworkRate: { list: 'deployments', filter: { result: 'SUCCESS' } },
  changeFailureRate: { list: 'failed-changes', filter: {} },
  changeSuccessRate: { list: 'failed-changes', filter: {} },
  timeToRestore: { list: 'failed-changes', filter: {} },
  timeToDetect: { list: 'incidents', filter: { startedInWindow: 'true' } },
  timeToResolve: { list: 'incidents', filter: { startedInWindow: 'true' } },
  availability: { list: 'incidents', filter: {} },
};

/** What follows an id in a list: nothing, or a space and the voided mark (no stray space in a plain cell). */
export function afterId(entry, zone) {
  const mark = voidedMark(entry, zone);
  return mark ? [' ', mark] : [];
}

/**
 * The visible mark of a voided deployment or incident (api.md, "Void and unvoid"): the word and the reason, with
 * who voided it and when in its tooltip; null for an entry that is not voided (it has no `voided` key).
 */
function voidedMark(entry, zone) {
  if (!entry.voided) return null;
  const v = entry.voided;
  return el('span', { class: 'voided-mark', title: `voided ${dateTime(v.at, zone)}${v.by ? ` by ${v.by}` : ''}: counts in no KPI` },
    `voided: ${v.reason}`);
}

/**
 * An incident's severity cell: the text as the tool sent it and its normalised level (metrics.md, "Severity"), the
 * one the "Incidents counted" filter compares.
 */
export function severityCell(incident) {
  const level = incident.severityLevel || 'unknown';
  return el('td', { class: 'severity' }, incident.severity || '—', ' ',
    el('span', { class: `severity-level severity-${level}`, 'data-level': level }, level));
}

export const LISTS = {
  deployments: {
    key: 'deployments', title: 'Deployments', csv: 'export.csv',
    headers: ['Finished', 'Application', 'Result', 'Kind', 'Deployment', 'Revision', { label: 'Changes', num: true },
      'Failed change', { label: 'Restored in', num: true }, 'Delivered by'],
    row: (d, zone) => el('tr', { 'data-id': d.id, class: d.voided ? 'voided' : null },
      el('td', {}, dateTime(d.finished, zone)),
      el('td', {}, d.application),
      el('td', {}, el('span', { class: `tag tag-${d.result}` }, d.result)),
      el('td', {}, d.kind === 'NORMAL' ? 'normal' : el('span', { class: 'tag tag-kind' }, d.kind)),
      el('td', {}, runLink(d.id, d.url), ...afterId(d, zone)),
      el('td', {}, d.revision || '—'),
      el('td', { class: 'num' }, String(d.changes ?? '—')),
      el('td', {}, d.failedChange ? el('span', { class: 'failed' }, `failed: ${reasons(d.failureReasons)}`) : 'no'),
      el('td', { class: 'num' }, d.failedChange ? (d.restoreSeconds === null ? 'open' : duration(d.restoreSeconds)) : ''),
      el('td', {}, `${d.team || '—'} (${d.supplier || '—'})`)),
  },
  'failed-changes': {
    key: 'failedChanges', title: 'Failed changes', csv: null,
    headers: ['Deployment', 'Application', 'Failure start', 'Restored', { label: 'Restore time', num: true },
      'Why it failed', 'Incident', 'Delivered by'],
    row: (f, zone) => el('tr', { 'data-id': f.deployment },
      el('td', {}, f.deployment),
      el('td', {}, f.application),
      el('td', {}, dateTime(f.failureStart, zone)),
      el('td', {}, f.restored ? dateTime(f.restored, zone) : el('span', { class: 'failed' }, 'not restored')),
      el('td', { class: 'num' }, duration(f.restoreSeconds)),
      el('td', { class: 'wrap' }, reasons(f.reasons)),
      el('td', {}, f.linkingIncident || '—'),
      el('td', {}, `${f.deliveryTeam || f.restoreTeam || '—'} (${f.deliverySupplier || f.restoreSupplier || '—'})`)),
  },
  incidents: {
    key: 'incidents', title: 'Incidents', csv: null,
    headers: ['Incident', 'Application', 'Severity', 'Started', { label: 'Detected after', num: true }, 'Resolved',
      { label: 'Resolved after', num: true }, 'Cause', 'Operated by'],
    row: (i, zone) => el('tr', { 'data-id': i.id, class: i.voided ? 'voided' : null },
      el('td', {}, i.id, ...afterId(i, zone)), el('td', {}, i.application), severityCell(i),
      el('td', {}, dateTime(i.started, zone)),
      el('td', { class: 'num' }, duration(i.detectSeconds)),
      el('td', {}, i.resolved ? dateTime(i.resolved, zone) : el('span', { class: 'failed' }, 'unresolved')),
      el('td', { class: 'num' }, i.durationSeconds === null ? 'ongoing' : duration(i.durationSeconds)),
      el('td', {}, i.cause || '—'), el('td', {}, `${i.team || '—'} (${i.supplier || '—'})`)),
  },
};

/** The scope part of API parameters: application, team or supplier (at most one), and the tag. */
function scopeOf(source) {
  const scope = {};
  for (const key of ['application', 'team', 'supplier', 'tag']) if (source[key]) scope[key] = source[key];
  return scope;
}

/**
 * The link from a KPI's figure to the list behind it: the overview's list view with the figure's scope (and tag),
 * the page's window, environment and zone, and the filter that makes the list's total the figure's sample.
 */
export function drillHref(kpi, scope, state) {
  const behind = BEHIND[kpi];
  const url = new URL(sharedQuery(state) || '', siteRoot);
  url.searchParams.set('list', behind.list);
  for (const [key, value] of Object.entries({ ...scopeOf(scope), ...behind.filter })) url.searchParams.set(key, value);
  return url.href;
}

/** A small link from a figure to its list: "12 deployments ›" (text given by the caller). */
export function drillLink(kpi, scope, state, text) {
  return el('a', { class: 'drill', href: drillHref(kpi, scope, state), 'data-drill': kpi,
    title: `The ${LISTS[BEHIND[kpi].list].title.toLowerCase()} behind this figure` }, text);
}

/** The CSV export of a deployments list with the same query (the API offers CSV for deployments only). */
export function csvHref(params) {
  const url = new URL('export.csv', apiBase);
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== '' && key !== 'limit' && key !== 'offset') {
      url.searchParams.set(key, value);
    }
  }
  return url.href;
}

/**
 * A paged table of one list: `params` is the API query (scope, window, filters); previous/next step by `limit`
 * using the API's total. onPage(offset) is told of each step (the list view keeps it in the URL).
 */
export function pagedList({ list, params, zone, offset = 0, limit = PAGE_SIZE, id = `list-${list}`, onPage = null,
  caption = null }) {
  const spec = LISTS[list];
  const holder = el('div', { class: 'paged-list', id, 'data-list': list });
  const show = async (start) => {
    let answer;
    try {
      answer = await getJson(list, { ...params, offset: start, limit });
    } catch (error) {
      clear(holder).append(errorBox(error, `The list of ${spec.title.toLowerCase()}`));
      return;
    }
    const items = answer[spec.key] || [];
    const total = answer.total ?? items.length;
    clear(holder);
    const range = total === 0 ? 'none' : `${start + 1}–${start + items.length} of ${total}`;
    const nav = el('nav', { class: 'pager', 'aria-label': `${spec.title}: pages` },
      el('span', { class: 'list-total', 'data-total': String(total), 'data-offset': String(start) },
        `${spec.title} ${range}`));
    // a step that leads nowhere is left out (a disabled button's grey text would be unreadable)
    const step = (label, to, enabled, cls) => {
      if (!enabled) return null;
      const button = el('button', { type: 'button', class: `secondary page-step ${cls}` }, label);
      button.addEventListener('click', () => {
        if (onPage) onPage(to);
        show(to);
      });
      return button;
    };
    append(nav, [step('‹ Previous', Math.max(0, start - limit), start > 0, 'page-previous'),
      step('Next ›', start + limit, start + items.length < total, 'page-next')]);
    if (spec.csv) {
      nav.append(' ', el('a', { class: 'csv-link', href: csvHref(params), download: '' }, `Export all ${total} as CSV`));
    }
    if (items.length === 0) {
      append(holder, [nav, emptyState(`No ${spec.title.toLowerCase()} in this view.`)]);
      return;
    }
    holder.append(nav, el('div', { class: 'list-section' }, el('table', { class: 'data' },
      el('caption', { class: 'visually-hidden' }, caption || spec.title),
      el('thead', {}, el('tr', {}, spec.headers.map((h) => el('th', { scope: 'col', class: h.num ? 'num' : null },
        h.label || h)))),
      el('tbody', {}, items.map((item) => spec.row(item, zone))))));
  };
  show(offset);
  return holder;
}

const FILTER_WORDS = {
  result: (v) => `result ${v}`,
  startedInWindow: (v) => (v === 'true' ? 'started in the window' : null),
  tag: (v) => `applications tagged ${v}`,
  minSeverity: (v) => `severity ${v} or higher`,
};

/** The overview's list view (`?list=…`): the list with the URL's scope, window, environment, zone and filters. */
export function listView(state, main, onPage) {
  const spec = LISTS[state.list];
  if (!spec) {
    main.append(errorBox(new Error(`there is no list named ${state.list}`), 'The list'));
    return;
  }
  const scope = scopeOf(state);
  const filters = {};
  for (const key of ['result', 'startedInWindow']) if (state[key]) filters[key] = state[key];
  // the incidents behind a figure are those the figure counted: at least the chosen severity, when one is chosen
  const params = { ...scope, ...filters, ...apiParams(state), ...(spec.key === 'incidents' ? severityParam(state) : {}) };
  const who = ['application', 'team', 'supplier'].filter((k) => scope[k]).map((k) => `${k} ${scope[k]}`);
  const words = [...who, ...Object.entries({ ...filters, ...(scope.tag ? { tag: scope.tag } : {}),
    ...(params.minSeverity ? { minSeverity: params.minSeverity } : {}) })
    .map(([k, v]) => FILTER_WORDS[k](v)).filter(Boolean)];
  append(main, [el('div', { class: 'page-head' }, el('h1', {}, spec.title),
    el('p', { class: 'subtitle', id: 'list-scope' }, el('span', { class: 'env' }, state.environment), ' · ',
      words.length ? words.join(' · ') : 'all applications')),
  el('p', { class: 'note' }, `The ${spec.title.toLowerCase()} behind the figures of the same scope, window and `
    + 'environment, paged; the total is the figure\'s sample.'),
  pagedList({ list: state.list, params, zone: state.zone, offset: Number(state.offset) || 0, onPage })]);
}
