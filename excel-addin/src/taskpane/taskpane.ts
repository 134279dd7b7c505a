/// <reference types="office-js" />
// The task pane's entry: the page is the add-in's shared runtime (see manifest.xml).
import "./taskpane.css";
import { startPane } from "./start.ts";

Office.onReady((info) =>
  startPane(document.getElementById("baton")!, info.host, document.getElementById("baton-notice")),
);
