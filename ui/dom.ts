/**
 * The one way the pane makes DOM nodes. Text is only ever added as text nodes, so a cell that
 * holds `<img src=x onerror=...>` is shown as those characters and nothing in a workbook can
 * become markup. There is deliberately no way to pass HTML here.
 */

export type Child = Node | string | number | null | undefined | false | readonly Child[];

export interface Props {
  /** CSS classes, space separated. */
  readonly class?: string;
  /** Attributes (`aria-*`, `data-*`, `type`, `role`, ...); `false`/`null` leaves one out. */
  readonly attrs?: Readonly<Record<string, string | number | boolean | null | undefined>>;
  readonly on?: {
    readonly [K in keyof HTMLElementEventMap]?: (event: HTMLElementEventMap[K]) => void;
  };
}

/** `h("li", { class: "issue" }, "text", child)`: an element with text and child nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (props?.class) el.className = props.class;
  for (const [name, value] of Object.entries(props?.attrs ?? {})) {
    if (value === false || value === null || value === undefined) continue;
    el.setAttribute(name, value === true ? "" : String(value));
  }
  for (const [type, handler] of Object.entries(props?.on ?? {}))
    if (handler) el.addEventListener(type, handler as EventListener);
  append(el, children);
  return el;
}

/** Appends text (as text nodes) and nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(parent, c);
    else if (typeof c === "string" || typeof c === "number")
      parent.appendChild(document.createTextNode(String(c)));
    else parent.appendChild(c as Node);
  }
}

/** Replaces everything inside `parent`. */
export function fill(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}
