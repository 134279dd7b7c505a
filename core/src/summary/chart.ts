/**
 * The summary's charts as inline SVG strings: initiatives by status per objective as stacked
 * bars, and one small trend chart per KPI (Actuals, the Target, the forecast at Target Date).
 * No script, no external font or image: the page draws the same offline and on paper. Every
 * label that may come from a cell is cut to length first and then escaped.
 */
import { daysFromIso } from "../cells/dates.ts";
import { GATE_FILL, STATUS_FILL } from "../ports/plan.ts";
import { LAST_GATE } from "../governance/gates.ts";
import { STATUSES, type KpiLine, type ObjectiveLine } from "./model.ts";
import { escapeHtml as esc } from "./escape.ts";
import { total } from "./words.ts";
import { numberForPeople } from "../cells/precision.ts";
import { plannedText, type GateStep } from "./value.ts";

/** Cuts text to `max` characters with an ellipsis; cut before escaping so no entity is split. */
export function clip(text: string, max: number): string {
  const chars = Array.from(text.replace(/\s+/g, " ").trim());
  return chars.length > max ? chars.slice(0, max - 1).join("") + "\u2026" : chars.join("");
}

const f = (x: number) => (Math.round(x * 10) / 10).toString();
/** An axis value: three significant digits are enough to read a chart by. */
const tick = (x: number) => String(Number(x.toPrecision(3)));

/** Initiatives by status for each objective, one stacked bar per objective. */
export function statusByObjectiveSvg(objectives: readonly ObjectiveLine[]): string {
  const labelW = 300;
  const barW = 560;
  const rowH = 30;
  const top = 34;
  const width = labelW + barW + 40;
  const height = top + rowH * objectives.length + 8;
  const most = Math.max(1, ...objectives.map((o) => total(o.initiatives)));
  const scale = barW / most;

  const legend = STATUSES.map((s, i) => {
    const x = labelW + i * 80;
    return `<rect x="${x}" y="6" width="12" height="12" rx="2" fill="${STATUS_FILL[s].fill}" stroke="${STATUS_FILL[s].fontColor}" stroke-width="0.6"/><text x="${x + 17}" y="16" class="legend">${s}</text>`;
  }).join("");

  const rows = objectives
    .map((o, r) => {
      const y = top + r * rowH;
      const label = `<text x="${labelW - 10}" y="${y + 18}" text-anchor="end" class="label"><tspan class="id">${esc(o.id)}</tspan> ${esc(clip(o.name ?? "", 34))}</text>`;
      let x = labelW;
      const segments: string[] = [];
      for (const s of STATUSES) {
        const n = o.initiatives[s];
        if (n === 0) continue;
        const w = n * scale;
        segments.push(
          `<g><title>${esc(`${o.id}: ${n} ${s}`)}</title><rect x="${f(x)}" y="${y + 4}" width="${f(w)}" height="${rowH - 10}" fill="${STATUS_FILL[s].fill}" stroke="#FFFFFF" stroke-width="1"/>` +
            (w >= 16
              ? `<text x="${f(x + w / 2)}" y="${y + 18}" text-anchor="middle" class="count" fill="${STATUS_FILL[s].fontColor}">${n}</text>`
              : "") +
            `</g>`,
        );
        x += w;
      }
      const none =
        segments.length === 0
          ? `<text x="${labelW}" y="${y + 18}" class="muted">no initiatives</text>`
          : "";
      return label + segments.join("") + none;
    })
    .join("");

  return (
    `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Initiatives by status for each objective">` +
    legend +
    rows +
    `</svg>`
  );
}

/**
 * A KPI's trend: its Actuals by period end as a line, the Target as a dashed line, and the
 * forecast at Target Date as a ring in the KPI's status colour joined to the latest Actual.
 */
export function kpiTrendSvg(k: KpiLine): string {
  const width = 300;
  const height = 150;
  const left = 46;
  const right = 12;
  const top = 30;
  const bottom = 24;
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const colour = STATUS_FILL[k.status];
  const heading =
    `<text x="0" y="12" class="kpi-title"><tspan class="id">${esc(k.id)}</tspan> ${esc(clip(k.name ?? "", 36))}</text>` +
    `<text x="0" y="25" class="muted">${esc(clip(k.unit ?? "", 20))}</text>`;
  const frame = (body: string) =>
    `<svg class="trend" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${esc(`Trend of ${k.id}`)}">${heading}${body}</svg>`;

  const points = k.trend.map((p) => ({ x: daysFromIso(p.end)!, y: p.actual }));
  if (points.length === 0)
    return frame(`<text x="${left}" y="${top + plotH / 2}" class="muted">No Actuals yet</text>`);

  const targetDay = k.targetDate === null ? undefined : daysFromIso(k.targetDate);
  const last = points[points.length - 1]!;
  const forecast =
    k.forecast !== null && targetDay !== undefined && targetDay > last.x
      ? { x: targetDay, y: k.forecast }
      : null;
  const xs = [...points.map((p) => p.x), ...(forecast ? [forecast.x] : [])];
  const ys = [
    ...points.map((p) => p.y),
    ...(forecast ? [forecast.y] : []),
    ...(k.target === null ? [] : [k.target]),
    ...(k.baseline === null ? [] : [k.baseline]),
  ];
  const x0 = Math.min(...xs);
  const x1 = Math.max(...xs);
  let y0 = Math.min(...ys);
  let y1 = Math.max(...ys);
  if (y0 === y1) {
    y0 -= 1;
    y1 += 1;
  }
  const pad = (y1 - y0) * 0.08;
  y0 -= pad;
  y1 += pad;
  const X = (d: number) => left + (x1 === x0 ? plotW / 2 : ((d - x0) / (x1 - x0)) * plotW);
  const Y = (v: number) => top + plotH - ((v - y0) / (y1 - y0)) * plotH;

  const parts: string[] = [
    `<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" class="axis"/>`,
    `<text x="${left - 4}" y="${f(Y(y1 - pad) + 4)}" text-anchor="end" class="tick">${esc(tick(y1 - pad))}</text>`,
    `<text x="${left - 4}" y="${f(Y(y0 + pad) + 4)}" text-anchor="end" class="tick">${esc(tick(y0 + pad))}</text>`,
    `<text x="${left}" y="${height - 6}" class="tick">${esc(k.trend[0]!.period)}</text>`,
  ];
  if (forecast && k.targetDate)
    parts.push(
      `<text x="${left + plotW}" y="${height - 6}" text-anchor="end" class="tick">${esc(k.targetDate)}</text>`,
    );
  else
    parts.push(
      `<text x="${left + plotW}" y="${height - 6}" text-anchor="end" class="tick">${esc(k.trend[k.trend.length - 1]!.period)}</text>`,
    );
  if (k.target !== null) {
    const y = f(Y(k.target));
    parts.push(
      `<line x1="${left}" y1="${y}" x2="${left + plotW}" y2="${y}" class="target"/>`,
      `<text x="${left + 3}" y="${f(Y(k.target) - 4)}" class="tick">${esc(`Target ${numberForPeople(k.target, k.decimals)}`)}</text>`,
    );
  }
  if (forecast)
    parts.push(
      `<line x1="${f(X(last.x))}" y1="${f(Y(last.y))}" x2="${f(X(forecast.x))}" y2="${f(Y(forecast.y))}" class="forecast" stroke="${colour.fontColor}"/>`,
      `<circle cx="${f(X(forecast.x))}" cy="${f(Y(forecast.y))}" r="4.5" fill="${colour.fill}" stroke="${colour.fontColor}" stroke-width="1.5"><title>${esc(`Forecast ${numberForPeople(forecast.y, k.decimals)} at ${k.targetDate ?? ""}`)}</title></circle>`,
    );
  parts.push(
    `<polyline points="${points.map((p) => `${f(X(p.x))},${f(Y(p.y))}`).join(" ")}" class="actual"/>`,
  );
  for (const p of points)
    parts.push(`<circle cx="${f(X(p.x))}" cy="${f(Y(p.y))}" r="2.2" class="dot"/>`);
  return frame(parts.join(""));
}

/**
 * The gate funnel: one centred bar per gate, its width the number of initiatives there, with
 * the count and the planned value in each unit beside it (units are never added together).
 */
export function gateFunnelSvg(funnel: readonly GateStep[], decimals: number): string {
  const labelW = 150;
  const barW = 380;
  const textW = 370;
  const rowH = 34;
  const width = labelW + barW + textW;
  const height = rowH * funnel.length + 8;
  const most = Math.max(1, ...funnel.map((g) => g.initiatives));
  const rows = funnel
    .map((g, r) => {
      const y = 4 + r * rowH;
      const w = g.initiatives === 0 ? 0 : Math.max(4, (g.initiatives / most) * barW);
      const x = labelW + (barW - w) / 2;
      const fillColour = (GATE_FILL[g.gate] ?? GATE_FILL[LAST_GATE]!).fill;
      const value = plannedText(g, decimals);
      const words = `${g.initiatives} initiative${g.initiatives === 1 ? "" : "s"} \u00B7 ${value}`;
      return (
        `<g><title>${esc(`Gate ${g.gate} ${g.name}: ${words}`)}</title>` +
        `<text x="${labelW - 10}" y="${y + 21}" text-anchor="end" class="label"><tspan class="id">${g.gate}</tspan> ${esc(g.name)}</text>` +
        (w > 0
          ? `<rect x="${f(x)}" y="${y + 4}" width="${f(w)}" height="${rowH - 8}" rx="3" fill="${fillColour}"/>`
          : `<line x1="${labelW + barW / 2}" y1="${y + 4}" x2="${labelW + barW / 2}" y2="${y + rowH - 4}" class="axis"/>`) +
        `<text x="${labelW + barW + 10}" y="${y + 21}" class="legend">${esc(clip(words, 60))}</text></g>`
      );
    })
    .join("");
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="Initiatives and planned value at each gate">${rows}</svg>`;
}
