// In-page probes of DashboardAccessibilityTest, run with executeScript (never served to users). Colours follow
// WCAG 2.x: sRGB relative luminance, contrast (L1 + 0.05) / (L2 + 0.05); the background of a node is its own and its
// ancestors' background colours composited over the white canvas.
const A11y = (() => {
  const TABBABLE = 'a[href], area[href], button, input, select, textarea, iframe, summary, [tabindex], [contenteditable]';
  const SKIP_TEXT = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'DATALIST', 'OPTION', 'OPTGROUP', 'TITLE']);

  /** "rgb(r, g, b)" or "rgba(r, g, b, a)" as [r, g, b, a]; any other colour as painted; null if not a colour. */
  function parse(color) {
    const match = /^rgba?\(([^)]*)\)$/.exec(String(color).trim());
    if (!match) return painted(color);
    const parts = match[1].split(/[\s,/]+/).filter(Boolean).map(Number);
    return [parts[0], parts[1], parts[2], parts.length > 3 ? parts[3] : 1];
  }

  /** Any other colour the browser computes (oklch, color-mix, as Jenkins' themes write them) as a canvas paints it. */
  let pen;
  function painted(color) {
    if (!pen) {
      const canvas = document.createElement('canvas');
      canvas.width = 1; canvas.height = 1;
      pen = canvas.getContext('2d', { willReadFrequently: true });
    }
    if (!CSS.supports('color', String(color))) return null;
    pen.clearRect(0, 0, 1, 1);
    pen.fillStyle = String(color);
    pen.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = pen.getImageData(0, 0, 1, 1).data;
    return [r, g, b, a / 255];
  }

  const over = (top, bottom) => [0, 1, 2].map((i) => top[i] * top[3] + bottom[i] * (1 - top[3])).concat(1);

  function luminance(color) {
    const [r, g, b] = color.slice(0, 3).map((v) => {
      const c = v / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }

  function ratio(a, b) {
    const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (light + 0.05) / (dark + 0.05);
  }

  const css = (c) => `rgb(${c.slice(0, 3).map(Math.round).join(', ')})`;

  /** The opaque colour behind an element: its own and its ancestors' backgrounds over the white canvas. */
  function background(node) {
    const layers = [];
    for (let n = node; n && n.nodeType === 1; n = n.parentElement) {
      const color = parse(getComputedStyle(n).backgroundColor);
      if (color && color[3] > 0) {
        layers.push(color);
        if (color[3] >= 1) break;
      }
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
  }

  /** Drawn on screen: rendered boxes, visible, not clipped to a pixel (visually hidden), not moved off the page. */
  function shown(node) {
    const style = getComputedStyle(node);
    if (style.visibility !== 'visible' || node.getClientRects().length === 0) return false;
    for (let n = node; n; n = n.parentElement) {
      if (getComputedStyle(n).opacity === '0') return false;
    }
    const rect = node.getBoundingClientRect();
    if (rect.width <= 1 || rect.height <= 1) return false;
    return rect.right > -window.scrollX && rect.bottom > -window.scrollY;
  }

  function describe(node) {
    if (!node || node === document.body) return 'body';
    const id = node.id ? `#${node.id}` : '';
    const cls = node.classList.length ? `.${[...node.classList].join('.')}` : '';
    const own = node.matches('input, select, textarea') ? node.value : node.textContent;
    const text = (node.getAttribute('aria-label') || own || '').trim().replace(/\s+/g, ' ');
    return `${node.tagName.toLowerCase()}${id}${cls} "${text.slice(0, 50)}"`;
  }

  /** What the Tab key should reach, in DOM order (no positive tabindex is allowed, so DOM order is Tab order). */
  function tabbables() {
    return [...document.querySelectorAll(TABBABLE)].filter((node) => node.tabIndex >= 0 && !node.disabled
      && !node.closest('[inert]') && node.getClientRects().length > 0
      && getComputedStyle(node).visibility === 'visible');
  }

  function focusStyle(node) {
    const s = getComputedStyle(node);
    return `outline: ${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} offset ${s.outlineOffset}; `
      + `box-shadow: ${s.boxShadow}`;
  }

  /** The element painted just outside a node's box (where its outline is drawn), for the outline's background. */
  function around(node, gap) {
    const rect = node.getBoundingClientRect();
    const points = [[rect.left + rect.width / 2, rect.top - gap], [rect.left - gap, rect.top + rect.height / 2],
      [rect.left + rect.width / 2, rect.bottom + gap], [rect.right + gap, rect.top + rect.height / 2]];
    for (const [x, y] of points) {
      if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) continue;
      const hit = document.elementsFromPoint(x, y).find((n) => n !== node && !node.contains(n));
      if (hit) return hit;
    }
    return node.parentElement || node;
  }

  /** The focused element's indicator: its style and the contrast of its outline and box-shadow colours. */
  function focusReport() {
    const node = document.activeElement;
    const s = getComputedStyle(node);
    const width = parseFloat(s.outlineWidth) || 0;
    const behind = background(around(node, (parseFloat(s.outlineOffset) || 0) + width / 2));
    const outline = parse(s.outlineColor);
    const outlineRatio = s.outlineStyle !== 'none' && width >= 2 && outline ? ratio(over(outline, behind), behind) : 0;
    const shadows = s.boxShadow === 'none' ? [] : (s.boxShadow.match(/rgba?\([^)]*\)/g) || []).map(parse);
    const shadowRatio = Math.max(0, ...shadows.map((c) => ratio(over(c, behind), behind)));
    return { index: tabbables().indexOf(node), element: describe(node), style: focusStyle(node),
      background: css(behind), ratio: Math.max(outlineRatio, shadowRatio) };
  }

  /**
   * Every visible text (text nodes, control values and placeholders) below the WCAG minimum for its size, and the
   * lowest contrast of link texts and of every other text.
   */
  function contrast() {
    const elements = new Set();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!text.data.trim()) continue;
      let owner = text.parentElement;
      if (!owner || owner.closest('script, style, noscript, template, datalist')) continue;
      if (owner.closest('select')) owner = owner.closest('select');
      else if (SKIP_TEXT.has(owner.tagName)) continue;
      const range = document.createRange();
      range.selectNodeContents(text);
      if (range.getClientRects().length === 0) continue;
      elements.add(owner);
    }
    document.querySelectorAll('input:not([type=hidden]), select, textarea').forEach((n) => elements.add(n));
    const failures = [];
    const lowest = { text: Infinity, links: Infinity };
    const check = (node, style, what) => {
      const back = background(node);
      const color = parse(style.color);
      const size = parseFloat(style.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      const needed = large ? 3 : 4.5;
      if (!color) {
        failures.push(`${what}: colour ${style.color} not understood`);
        return;
      }
      const r = ratio(over(color, back), back);
      const group = node.closest('a') ? 'links' : 'text';
      lowest[group] = Math.min(lowest[group], r);
      if (r < needed) {
        failures.push(`${what}: ${css(over(color, back))} on ${css(back)} = ${r.toFixed(2)}:1 `
          + `(needs ${needed}:1 at ${size}px, weight ${style.fontWeight})`);
      }
    };
    for (const node of elements) {
      if (!shown(node)) continue;
      check(node, getComputedStyle(node), describe(node));
      if (node.placeholder && !node.value) {
        check(node, getComputedStyle(node, '::placeholder'), `placeholder of ${describe(node)}`);
      }
    }
    const measured = Object.fromEntries(Object.entries(lowest).filter(([, r]) => Number.isFinite(r)));
    return { checked: [...elements].filter(shown).length, failures, lowest: measured };
  }

  /** The accessible name of a control from label[for] (or a wrapping label), aria-labelledby or aria-label. */
  function accessibleName(node) {
    const byIds = (node.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean)
      .map((id) => document.getElementById(id)).filter(Boolean).map((n) => n.textContent).join(' ');
    const labels = node.labels ? [...node.labels].map((l) => l.textContent).join(' ') : '';
    const button = node.tagName === 'BUTTON' ? node.textContent : '';
    return (byIds.trim() || (node.getAttribute('aria-label') || '').trim() || labels.trim() || button.trim()
      || (node.tagName === 'A' ? node.textContent.trim() : ''));
  }

  function unnamed() {
    return [...document.querySelectorAll('input:not([type=hidden]), select, textarea, button, a[href], [tabindex="0"]')]
      .filter((node) => !accessibleName(node)).map(describe);
  }

  /** Charts (ECharts containers) without role img and a text alternative, or without a captioned table beside them. */
  function chartProblems() {
    const problems = [];
    for (const chart of document.querySelectorAll('.chart, .spark')) {
      const label = (chart.getAttribute('aria-label') || '').trim();
      if (chart.getAttribute('role') !== 'img' || !label) problems.push(`${describe(chart)}: no role img with a label`);
      if (!chart.classList.contains('chart')) continue;
      const figure = chart.closest('figure');
      const table = figure && figure.querySelector('table');
      const caption = table && table.caption && table.caption.textContent.trim();
      if (!caption) problems.push(`${describe(chart)}: no table with a caption in its figure`);
      else if (!table.querySelector('tbody tr')) problems.push(`${describe(chart)}: its table is empty`);
    }
    return problems;
  }

  /** Layout at the current viewport: horizontal overflow of the page and of the widgets' figures. */
  function layout() {
    const root = document.documentElement;
    const overflowing = [];
    for (const node of document.querySelectorAll('.widget, .kpi, .figure, .kpi-card, .band, .widget-title')) {
      if (node.scrollWidth > node.clientWidth + 1) {
        overflowing.push(`${describe(node)}: scrollWidth ${node.scrollWidth} > clientWidth ${node.clientWidth}`);
      }
    }
    const big = document.querySelector('.kpi-big .value, .kpi-card .value');
    return { pageScrollWidth: root.scrollWidth, viewport: root.clientWidth, overflowing,
      bigFigurePx: big ? parseFloat(getComputedStyle(big).fontSize) : 0,
      smallestTextPx: Math.min(...[...document.querySelectorAll('main *')].filter((n) => n.childNodes.length
        && [...n.childNodes].some((c) => c.nodeType === 3 && c.data.trim()) && shown(n))
        .map((n) => parseFloat(getComputedStyle(n).fontSize))) };
  }

  return { tabbables, describe, focusStyle, focusReport, contrast, unnamed, chartProblems, layout,
    positiveTabindex: () => [...document.querySelectorAll('[tabindex]')].filter((n) => n.tabIndex > 0).map(describe) };
})();
