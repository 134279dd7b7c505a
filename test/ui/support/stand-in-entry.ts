/**
 * The page the UI tests drive: the shared pane over whatever backend the test put on `window`
 * before the page loaded (see stand-in.ts), as a host's entry would mount it over its own.
 */
import { mountPane } from "../../../core/ui/mount.ts";
import type { Backend } from "../../../core/ui/backend.ts";

declare global {
  interface Window {
    __batonBackend?: Backend;
  }
}

const backend = window.__batonBackend;
if (!backend) throw new Error("the test page needs window.__batonBackend before it loads");
mountPane(document.getElementById("baton")!, backend);
