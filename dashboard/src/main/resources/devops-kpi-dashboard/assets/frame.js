// The frame every dashboard page shares, from one definition: the skip link, the header with the brand and the
// navigation, the control bar (filled by the page), the footer with the JSON link, and the icon. A page's HTML
// holds only what must be static (its metas, title, stylesheet, script and <main>); each page's script imports
// this module first, so the frame is in place before the page's own code runs. Links are relative to the site
// root (the Jenkins plugin serves the pages under its own URL). An embedding CI that does not serve a page names it
// in <body data-hidden-nav="…"> (DashboardFile#withoutLinkTo), and its link is left out.
import { apiBase, el, siteRoot } from './lib.js';

/** The navigation: each entry's data-nav name, its path below the site root, and its label. */
const NAV = [
  { nav: 'overview', path: '', label: 'Overview' },
  { nav: 'compare', path: 'compare', label: 'Compare suppliers' },
  { nav: 'admin', path: 'admin', label: 'Admin' },
];

function frame() {
  const body = document.body;
  const hidden = (body.dataset.hiddenNav || '').split(/\s+/).filter(Boolean);
  const main = document.getElementById('main');
  document.head.append(el('link', { rel: 'icon', href: new URL('assets/favicon.svg', siteRoot).href,
    type: 'image/svg+xml' }));
  body.prepend(
    el('a', { class: 'skip', href: '#main' }, 'Skip to content'),
    el('header', { class: 'top', role: 'banner' },
      el('div', { class: 'brand' }, el('a', { href: siteRoot.href }, 'devops-kpi')),
      el('nav', { 'aria-label': 'Dashboard pages' }, NAV.filter((entry) => !hidden.includes(entry.nav))
        .map((entry) => el('a', { href: new URL(entry.path, siteRoot).href, 'data-nav': entry.nav }, entry.label)))),
    el('form', { class: 'controls', id: 'controls', 'aria-label': 'What to show' }),
  );
  const footer = el('footer', { class: 'foot', role: 'contentinfo' },
    el('p', {}, 'Figures from the devops-kpi API (',
      el('a', { id: 'api-link', href: new URL(body.dataset.api || 'kpis', apiBase).href }, 'JSON'),
      '). Definitions: metrics.md. Every figure shows its sample size.'));
  if (main) main.after(footer); else body.append(footer);
}

frame();
