/// <reference types="office-js" />
/**
 * Starts the task pane. Outside Excel (the page opened in a browser, or in another Office app)
 * it says so and how to open Baton in Excel. In Excel it mounts the shared sidebar over a
 * backend that runs the core in the pane, and starts live validation of Check-ins.
 */
import { mountPane } from "@baton/ui";
import { excelBackend } from "../backend.ts";
import { startLiveValidation } from "../live.ts";
import { describeError } from "../messages.ts";
import { notify, runtime } from "../runtime.ts";
import { officeRun } from "../session.ts";
import { seenKey, userStore } from "../seen-store.ts";

function outsideExcel(root: HTMLElement): void {
  const title = document.createElement("h1");
  title.textContent = "Baton";
  const what = document.createElement("p");
  what.textContent =
    "Open this in Excel. Baton is an Excel add-in: it works inside a workbook, from the Baton tab of the ribbon.";
  const how = document.createElement("p");
  how.textContent =
    "To try it, sideload manifest.xml in Excel on the web or on the desktop (Insert > Add-ins > Upload My Add-in).";
  const box = document.createElement("div");
  box.className = "baton-outside";
  box.setAttribute("role", "status");
  box.append(title, what, how);
  root.replaceChildren(box);
}

export function startPane(
  root: HTMLElement,
  host: Office.HostType | string | null | undefined,
  notice: HTMLElement | null,
): void {
  runtime.notice = notice;
  if (host !== "Excel") return outsideExcel(root);
  const run = officeRun(Excel);
  // The document may be absent outside a real workbook (a stand-in Office).
  const url = (Office.context as { document?: { url?: string } }).document?.url;
  const pane = mountPane(
    root,
    excelBackend({ run, seen: { store: userStore(), key: seenKey(url) } }),
  );
  runtime.pane = pane;
  startLiveValidation({
    run,
    onChecked: () => void pane.refresh(),
    onError: (e) => notify(`Could not check the edit: ${describeError(e)}`, "error"),
  }).catch((e: unknown) => notify(`Live validation is off: ${describeError(e)}`, "error"));
}
