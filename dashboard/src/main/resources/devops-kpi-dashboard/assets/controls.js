// The control bar: window, dates, environment, time zone, the incidents' minimum severity (and, on the overview,
// grouping, filters and sorting).
// Every change goes into the URL (history.pushState), so a link shows the same view and back/forward work.
import { el, readState, SEVERITIES, stateUrl, WINDOWS } from './lib.js';

const ENVIRONMENTS = ['production', 'staging', 'test', 'development'];

function field(id, label, control, extra = {}) {
  return el('div', { class: `field ${extra.class || ''}`, ...(extra.hidden ? { hidden: true } : {}) },
    el('label', { for: id }, label), control);
}

function select(id, name, options, value) {
  const node = el('select', { id, name });
  for (const option of options) {
    const item = el('option', { value: option.value }, option.label);
    if (option.value === value) item.selected = true;
    node.append(item);
  }
  return node;
}

function zones(current) {
  let all = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch (e) {
    all = [];
  }
  const local = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const first = ['UTC', local, current].filter((z, i, list) => z && list.indexOf(z) === i);
  return [...first, ...all.filter((z) => !first.includes(z))].map((z) => ({ value: z, label: z }));
}

/**
 * Fills the form and calls render(state) now and on every change. extras(form, state) adds page-specific fields;
 * sync(form, state) puts a state (from back/forward) into them.
 */
export function setUpControls(render, extras = null) {
  const form = document.getElementById('controls');
  const state = readState();
  let shown = window.location.pathname + window.location.search; // the view on screen, as path and query
  const windowSelect = select('window', 'window', WINDOWS, state.window);
  const from = el('input', { id: 'from', name: 'from', type: 'date', value: state.from });
  const to = el('input', { id: 'to', name: 'to', type: 'date', value: state.to });
  const custom = state.window === 'custom';
  const environment = el('input', { id: 'environment', name: 'environment', type: 'text', list: 'environments',
    value: state.environment, autocomplete: 'off', spellcheck: 'false', required: true });
  const environments = el('datalist', { id: 'environments' },
    ENVIRONMENTS.map((name) => el('option', { value: name })));
  const zone = select('zone', 'zone', zones(state.zone), state.zone);
  const minSeverity = select('minSeverity', 'minSeverity', SEVERITIES, state.minSeverity);
  const apply = el('button', { type: 'submit', class: 'apply' }, 'Apply dates');

  form.append(
    field('window', 'Window', windowSelect),
    field('from', 'From', from, { class: 'dates', hidden: !custom }),
    field('to', 'To (inclusive)', to, { class: 'dates', hidden: !custom }),
    el('div', { class: 'field dates', ...(custom ? {} : { hidden: true }) }, apply),
    field('environment', 'Environment', environment),
    environments,
    field('zone', 'Time zone', zone),
    field('minSeverity', 'Incidents counted', minSeverity),
  );
  const extra = extras ? extras(form, state) : null;

  const current = () => {
    const next = { ...readState() };
    next.window = windowSelect.value;
    next.from = from.value;
    next.to = to.value;
    next.environment = environment.value.trim() || 'production';
    next.zone = zone.value;
    next.minSeverity = minSeverity.value;
    if (extra) Object.assign(next, extra.read());
    return next;
  };
  const showDates = (show) => {
    for (const node of form.querySelectorAll('.dates')) node.hidden = !show;
  };
  const go = (next) => {
    const url = stateUrl(next);
    if (url !== window.location.pathname + window.location.search) {
      window.history.pushState(null, '', url);
    }
    shown = window.location.pathname + window.location.search;
    render(readState());
  };

  windowSelect.addEventListener('change', () => {
    const custom = windowSelect.value === 'custom';
    showDates(custom);
    if (custom) {
      if (!from.value || !to.value) {
        const today = new Date();
        to.value = to.value || today.toISOString().slice(0, 10);
        from.value = from.value || new Date(today.getTime() - 29 * 86400000).toISOString().slice(0, 10);
      }
      from.focus();
      return; // wait for "Apply dates"
    }
    go(current());
  });
  environment.addEventListener('change', () => go(current()));
  zone.addEventListener('change', () => go(current()));
  minSeverity.addEventListener('change', () => go(current()));
  if (extra) extra.onChange(() => go(current()));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (windowSelect.value === 'custom' && (!from.value || !to.value || from.value > to.value)) {
      to.setCustomValidity('Choose a "to" date on or after the "from" date.');
      to.reportValidity();
      return;
    }
    to.setCustomValidity('');
    go(current());
  });

  window.addEventListener('popstate', () => {
    // a fragment link (the skip link to #main) changes only the hash: the view is the same, so keep it (and the focus)
    if (window.location.pathname + window.location.search === shown) return;
    const back = readState();
    windowSelect.value = back.window;
    from.value = back.from;
    to.value = back.to;
    showDates(back.window === 'custom');
    environment.value = back.environment;
    zone.value = back.zone;
    minSeverity.value = back.minSeverity;
    if (extra) extra.sync(back);
    shown = window.location.pathname + window.location.search;
    render(back);
  });
  render(state);
}

export { field, select };
