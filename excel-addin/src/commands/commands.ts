/// <reference types="office-js" />
// The ribbon commands' entry: associates each command id of the manifests with its handler.
import { notify, refreshPane } from "../runtime.ts";
import { officeRun } from "../session.ts";
import { ribbonCommands } from "./ribbon.ts";

Office.onReady(() => {
  const handlers = ribbonCommands(officeRun(Excel), { notify, refreshPane, showPane: () => Office.addin.showAsTaskpane() });
  for (const [id, handler] of Object.entries(handlers)) Office.actions.associate(id, handler);
});
