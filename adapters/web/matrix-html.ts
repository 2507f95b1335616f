/**
 * The support matrix as an HTML table: a group of rows per product (its releases across, newest first; one row
 * per view beneath), each cell coloured and worded by verdict and linking to the source that decided it. Cells
 * name their headers explicitly, since each product has its own release columns.
 */
import { type Html, html } from "./html.js";
import type { Matrix, MatrixCell, MatrixRow } from "./matrix.js";
import { isWebUrl, VERDICT_LABELS, VERDICT_MARKS, verdictTag } from "./render-answer.js";

function cellHtml(
  cell: MatrixCell,
  headers: string,
  data: { product: string; version: string; view: number },
): Html {
  const label = html`<span aria-hidden="true">${VERDICT_MARKS[cell.verdict]} </span>${VERDICT_LABELS[cell.verdict]}`;
  const title = `${cell.sourceTitle}, ${cell.sourceDate}`;
  const content = isWebUrl(cell.sourceUrl)
    ? html`<a href="${cell.sourceUrl}" title="${title}">${label}</a>`
    : label;
  return html`<td class="v-${cell.verdict}" headers="${headers}" data-product="${data.product}" data-version="${data.version}" data-view="${data.view}">${content}</td>`;
}

function productRows(row: MatrixRow, views: Matrix["views"], width: number): Html {
  const id = `p-${row.product}`;
  const releaseHeaders = row.releases.map(
    (release, i) =>
      html`<th id="${id}-${i}" scope="col"${release.codename ? html` title="${release.codename}"` : ""}>${release.version ?? "all"}</th>`,
  );
  const viewRows = views.map((view, v) => {
    const cells = row.releases.map((release, i) => {
      const cell = release.cells[v];
      if (cell === undefined) return html`<td></td>`;
      return cellHtml(cell, `${id} ${id}-${i} ${id}-w${v}`, {
        product: row.product,
        version: release.version ?? "",
        view: v,
      });
    });
    return html`<tr><th scope="row" id="${id}-w${v}">${view.label}</th>${cells}</tr>`;
  });
  return html`<tbody data-product="${row.product}">
<tr class="product"><th id="${id}" colspan="${width + 1}" scope="colgroup"><span>${row.name}</span></th></tr>
<tr><th scope="row">Release</th>${releaseHeaders}</tr>
${viewRows}
</tbody>`;
}

/** The legend and the scrollable table; `titleId` names the heading that labels the scroll region. */
export function renderMatrixHtml(matrix: Matrix, titleId: string): Html {
  const width = Math.max(1, ...matrix.rows.map((row) => row.releases.length));
  const legend = (["yes", "partial", "no", "unlisted"] as const).map(
    (verdict) => html`<li>${verdictTag(verdict)}</li>`,
  );
  const views = matrix.views.map((view) => `“${view.label}”`).join(" beside ");
  return html`<p class="muted">Every product and release the sources name, the verdict ${views}. Each cell links to the source that decides it.</p>
<ul class="legend" aria-label="Legend">${legend}</ul>
<div class="scroller" role="region" aria-labelledby="${titleId}" tabindex="0">
<table class="matrix">
${matrix.rows.map((row) => productRows(row, matrix.views, width))}
</table>
</div>`;
}
