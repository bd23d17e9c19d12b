// A horizontal bar chart in SVG, no library: one labelled bar per row. The SVG is an image
// with a title and a description holding every figure; the page shows the same figures in a
// table beside it, so nothing depends on seeing the bars.
const SVG = 'http://www.w3.org/2000/svg';
const ROW = 34;
const LABEL = 0.45;  // share of the width for the labels

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** rows: [{label, value, funded}]; `describe(row)` words one row for the description. */
export function barChart(rows, { titleId, describe }) {
  const width = 640;
  const height = Math.max(ROW * rows.length, ROW);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const plot = width * (1 - LABEL) - 60;
  const descId = `${titleId}-chart-desc`;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'bar-chart', role: 'img', 'aria-labelledby': `${titleId} ${descId}`, id: 'votes-chart', preserveAspectRatio: 'xMinYMin meet' },
    svg('desc', { id: descId }, rows.map(describe).join('; ')));
  rows.forEach((row, i) => {
    const y = i * ROW;
    const bar = Math.round((row.value / max) * plot);
    chart.append(svg('g', { 'aria-hidden': 'true' },
      svg('text', { x: width * LABEL - 8, y: y + ROW / 2, 'text-anchor': 'end', 'dominant-baseline': 'middle', class: 'bar-chart__label' }, truncate(row.label)),
      svg('rect', { x: width * LABEL, y: y + 6, width: Math.max(bar, 1), height: ROW - 12, class: row.funded ? 'bar-chart__bar bar-chart__bar--funded' : 'bar-chart__bar' }),
      svg('text', { x: width * LABEL + bar + 6, y: y + ROW / 2, 'dominant-baseline': 'middle', class: 'bar-chart__value' }, String(row.value))));
  });
  return chart;
}

function truncate(text) {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
