// A horizontal bar chart in SVG, no library: one labelled bar per row. The SVG is an image
// with a title and a description holding every figure; the page shows the same figures in a
// table beside it, so nothing depends on seeing the bars.
const SVG = 'http://www.w3.org/2000/svg';
// Narrow enough that on a phone the text is drawn at about its own size: each row is the
// label on one line and the bar under it, so long proposal titles need no side column.
const WIDTH = 360;
const ROW = 46;
const LABEL_CHARS = 48;

function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** rows: [{label, value, funded}]; `describe(row)` words one row for the description. */
export function barChart(rows, { titleId, describe }) {
  const height = Math.max(ROW * rows.length, ROW);
  const max = Math.max(1, ...rows.map((r) => r.value));
  const plot = WIDTH - 50;
  const descId = `${titleId}-chart-desc`;
  const chart = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, class: 'bar-chart', role: 'img', 'aria-labelledby': `${titleId} ${descId}`, id: 'votes-chart' },
    svg('desc', { id: descId }, rows.map(describe).join('; ')));
  rows.forEach((row, i) => {
    const y = i * ROW;
    const bar = Math.round((row.value / max) * plot);
    chart.append(svg('g', { 'aria-hidden': 'true' },
      svg('text', { x: 0, y: y + 14, class: 'bar-chart__label' }, truncate(row.label)),
      svg('rect', { x: 0, y: y + 20, width: Math.max(bar, 1), height: 16, class: row.funded ? 'bar-chart__bar bar-chart__bar--funded' : 'bar-chart__bar' }),
      svg('text', { x: bar + 6, y: y + 33, class: 'bar-chart__value' }, String(row.value))));
  });
  return chart;
}

function truncate(text) {
  return text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;
}
