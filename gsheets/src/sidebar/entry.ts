/**
 * The Google Sheets sidebar page (gsheets/dist/Sidebar.html, inlined by the build): the shared
 * pane over a backend that calls the Baton script through `google.script.run`.
 */
import { mountPane } from "@baton/ui";
import { scriptRunBackend, type ScriptRun } from "./backend.ts";

declare const google: { readonly script: { readonly run: ScriptRun } };

mountPane(document.getElementById("baton")!, scriptRunBackend(google.script.run));
