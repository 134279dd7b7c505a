/// <reference types="office-js" />
// The ribbon commands' entry: associates each command id of the manifests with its handler.
import { notify, refreshPane } from "../runtime.ts";
import { officeRun } from "../session.ts";
import { ribbonCommands } from "./ribbon.ts";

Office.onReady((info) => {
  // Outside Excel (the page opened in a browser) there is no ribbon and no Excel.
  if (info.host !== Office.HostType.Excel) return;
  const handlers = ribbonCommands(officeRun(Excel), {
    notify,
    refreshPane,
    showPane: () => Office.addin.showAsTaskpane(),
  });
  for (const [id, handler] of Object.entries(handlers)) Office.actions.associate(id, handler);
});
