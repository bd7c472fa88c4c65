/**
 * The HTML report a team looks at together: its cases side by side (a heatmap of shares with
 * standardised residuals, and a bar chart with its table), which codes share segments, exemplar
 * quotes for every code and case, breakdowns by speaker role, a project's agreement and review
 * status, and the codebook. One self-contained page: styles and charts (SVG) are inline, nothing is
 * loaded from the network, and it prints. Written as an exporter ({@code .html}), so it comes from
 * coding, from a project or from coded JSON Lines alike; the numbers come from {@link
 * org.aet.analysis}, as the workbook's do.
 */
package org.aet.report;
