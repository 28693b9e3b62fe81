// What each KPI means, in the plain words of docs/metrics.md, with the sample it rests on: shown one hover away
// (the label's title) on every page, so that nobody has to guess what a figure counts.
import { el } from './lib.js';

/** Per KPI: its definition and the sample it rests on (words; the count is added where the page knows it). */
export const DEFINITIONS = {
  deploymentFrequency: {
    text: 'Deployment frequency: the successful (SUCCESS) deployments that finished in the window, per week '
      + '(deployments ÷ days × 7). Its band uses the median number of distinct deployment days per ISO week.',
    sample: 'successful deployments',
  },
  leadTime: {
    text: 'Lead time for changes: from a change\'s commit to the finish of the first successful deployment of that '
      + 'application and environment that lists it, for the successful deployments of the window (median, 90th '
      + 'percentile and mean; imported history adds no samples).',
    sample: 'changes',
  },
  changeFailureRate: {
    text: 'Change failure rate: failed changes ÷ attempted changes (SUCCESS and FAILURE deployments of the window). '
      + 'A change failed when the deployment failed, an incident names it as cause, an incident started within 24 h '
      + 'while it was the latest deployment, or the next deployment is a hotfix or rollback. With its 95 % Wilson interval.',
    sample: 'attempted changes (SUCCESS and FAILURE deployments)',
  },
  changeSuccessRate: {
    text: 'Change success rate: 1 − change failure rate, the share of attempted changes (SUCCESS and FAILURE '
      + 'deployments of the window) that did not fail. "No data" when nothing was attempted. With its 95 % Wilson interval.',
    sample: 'attempted changes (SUCCESS and FAILURE deployments)',
  },
  timeToRestore: {
    text: 'Time to restore (failed deployment recovery time): for each failed change of the window, from the failure '
      + 'start (its earliest linking incident\'s start, else the deployment\'s finish) to the next successful '
      + 'deployment or the incident\'s resolution, whichever is first. Open failures are counted apart, not averaged. '
      + 'It belongs to the delivery side of the failed change.',
    sample: 'restored failed changes',
  },
  timeToDetect: {
    text: 'Time to detect: for each incident that started in the window and has a detected time, detected − started '
      + '(mean and median). An operations KPI.',
    sample: 'detected incidents',
  },
  timeToResolve: {
    text: 'Time to resolve: for each incident that started in the window (caused by a deployment or not) and is '
      + 'resolved, resolved − started (mean, median, 90th percentile). Unresolved incidents are open, counted apart. '
      + 'An operations KPI, the operations supplier\'s "mean time to resolve".',
    sample: 'resolved incidents',
  },
  reworkRate: {
    text: 'Deployment rework rate: among the successful deployments of the window, the share that were a hotfix or '
      + 'rollback or started while an incident of the same application was open. It has no 95 % interval.',
    sample: 'successful deployments',
  },
  availability: {
    text: 'Availability: 1 − downtime ÷ window length, downtime being the union of the incidents\' [started, resolved) '
      + 'intervals clipped to the window; for several applications the mean of their ratios, each weighted equally. '
      + '"No data" for an application no event names, never 100 %.',
    sample: 'applications operated (no sample size: a ratio of time)',
  },
  stakeholderSatisfaction: {
    text: 'Stakeholder satisfaction: the respondent-weighted mean score (1 to 5) of the stakeholder surveys of the period.',
    sample: 'respondents',
  },
  sharedComponentUse: {
    text: 'Shared component use: the share of the applications with a successful deployment in the window that use at '
      + 'least one platform component used by two or more applications.',
    sample: 'applications',
  },
};

/** The KPI a metric or label key belongs to (gate and scorecard metric names included). */
export function kpiOf(metric) {
  if (DEFINITIONS[metric]) return metric;
  if (/^deployments?Per|^medianDeploymentDays|^deploymentFrequency/.test(metric)) return 'deploymentFrequency';
  const prefix = Object.keys(DEFINITIONS).find((key) => metric.startsWith(key));
  return prefix || null;
}

/** The words of a KPI's definition, with its sample (and its size when given). */
export function definition(metric, samples = null) {
  const kpi = kpiOf(metric);
  if (!kpi) return '';
  const d = DEFINITIONS[kpi];
  const size = samples === null || samples === undefined ? '' : `: ${samples}`;
  return `${d.text} Sample: ${d.sample}${size}.`;
}

/** Puts a KPI's definition on a label node (its title, so it is one hover away, and data-definition for tests). */
export function define(node, metric, samples = null) {
  const text = definition(metric, samples);
  if (!text) return node;
  node.setAttribute('title', text);
  node.setAttribute('data-definition', kpiOf(metric));
  node.classList.add('defined');
  return node;
}

/** A KPI label: the text with its definition one hover away. */
export function kpiLabel(tag, metric, text, attrs = {}, samples = null) {
  return define(el(tag, attrs, text), metric, samples);
}

/** Labels that name a KPI, by their first words (the pages' own wording and the API's scorecard labels). */
const NAMED = [
  [/^(Deployment frequency|Deployments per (week|day)|Deployments \/ week|Successful deployments|Deployment days)/i,
    'deploymentFrequency'],
  [/^Lead time/i, 'leadTime'],
  [/^Change success/i, 'changeSuccessRate'],
  [/^Change failure/i, 'changeFailureRate'],
  [/^(Mean )?time to restore/i, 'timeToRestore'],
  [/^(Mean )?time to detect/i, 'timeToDetect'],
  [/^(Mean )?time to resolve/i, 'timeToResolve'],
  [/^(Deployment )?rework/i, 'reworkRate'],
  [/^Availability/i, 'availability'],
  [/^Stakeholder satisfaction/i, 'stakeholderSatisfaction'],
  [/^Shared component use/i, 'sharedComponentUse'],
];

/** The KPI a label's text names, or null. */
export function kpiNamed(text) {
  const found = NAMED.find(([pattern]) => pattern.test(String(text).trim()));
  return found ? found[1] : null;
}

/** The elements that label figures: headings, table headers, terms and captions. */
export const LABEL_SELECTOR = 'h2, h3, h4, th, dt, figcaption, caption, .kpi-label';

/**
 * Gives every label under root that names a KPI and has no definition yet its definition (chart captions, trend
 * table headers and the like that the page built without one).
 */
export function defineLabels(root) {
  if (!root) return;
  for (const node of root.querySelectorAll(LABEL_SELECTOR)) {
    if (node.hasAttribute('data-definition')) continue;
    const kpi = kpiNamed(node.textContent);
    if (kpi) define(node, kpi);
  }
}
