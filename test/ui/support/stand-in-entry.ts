/**
 * The page the UI tests drive: the shared pane over whatever backend the test put on `window`
 * before the page loaded (see stand-in.ts), as a host's entry would mount it over its own.
 */
import { mountPane, type Pane } from "@baton/ui";
import type { Backend } from "@baton/core";

declare global {
  interface Window {
    __batonBackend?: Backend;
    /** The mounted pane, so a test can refresh it as a host does on a change in the workbook. */
    __batonPane?: Pane;
  }
}

const backend = window.__batonBackend;
if (!backend) throw new Error("the test page needs window.__batonBackend before it loads");
window.__batonPane = mountPane(document.getElementById("baton")!, backend);
