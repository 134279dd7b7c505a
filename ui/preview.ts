/**
 * The standalone preview (dist/preview.html): the pane over the demo workbook, with the real
 * core running in the page. `?today=2026-11-26&zone=Europe/Berlin` fixes the story's day;
 * `?empty` starts from a workbook without the template.
 */
import "./preview.css";
import { daysFromIso, isValidZone, todayIn } from "@baton/core";
import { createDemoBackend } from "./demo-backend.ts";
import { mountPane } from "./mount.ts";

const params = new URLSearchParams(location.search);
const zone = params.get("zone") ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
const timeZone = zone && isValidZone(zone) ? zone : "UTC";
const asked = params.get("today");
const today = asked && daysFromIso(asked) !== undefined ? asked : todayIn(timeZone, new Date());

const root = document.getElementById("baton")!;
const selection = document.createElement("p");
selection.className = "preview-selection";
selection.setAttribute("aria-live", "polite");
selection.textContent =
  "Preview: the demo workbook, checked by the real core. Click an issue to see where it points.";
root.after(selection);

const backend = createDemoBackend({
  today,
  timeZone,
  empty: params.has("empty"),
  onSelect(sheet, cell) {
    selection.textContent = `Selected ${sheet}!${cell}`;
  },
});
mountPane(root, backend, { title: "Baton" });
