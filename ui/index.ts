export { mountPane, type Pane } from "./mount.ts";
export { ACTION_LABEL } from "./words.ts";
export { ISSUES_SHOWN } from "./issues-view.ts";
