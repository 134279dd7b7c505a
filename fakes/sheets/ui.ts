/**
 * The spreadsheet's UI as Apps Script sees it: menus added, alerts and prompts shown (with the
 * answers a test queues for them), sidebars and dialogs opened.
 */
export const Button = { OK: "OK", CANCEL: "CANCEL", YES: "YES", NO: "NO", CLOSE: "CLOSE" } as const;
export const ButtonSet = {
  OK: "OK",
  OK_CANCEL: "OK_CANCEL",
  YES_NO: "YES_NO",
  YES_NO_CANCEL: "YES_NO_CANCEL",
} as const;
export type ButtonName = keyof typeof Button;

export interface MenuItem {
  readonly caption: string;
  readonly functionName: string;
}

export class FakeMenu {
  readonly items: (MenuItem | "separator" | FakeMenu)[] = [];
  constructor(
    private readonly ui: FakeUi,
    readonly caption: string,
  ) {}
  addItem(caption: string, functionName: string): FakeMenu {
    this.items.push({ caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this.items.push("separator");
    return this;
  }
  addSubMenu(menu: FakeMenu): FakeMenu {
    this.items.push(menu);
    return this;
  }
  addToUi(): void {
    this.ui.menus = this.ui.menus.filter((m) => m.caption !== this.caption);
    this.ui.menus.push(this);
  }
  /** Every item, submenus flattened. */
  allItems(): MenuItem[] {
    return this.items.flatMap((i) =>
      i === "separator" ? [] : i instanceof FakeMenu ? i.allItems() : [i],
    );
  }
}

export interface Shown {
  readonly kind: "alert" | "prompt";
  readonly title: string;
  readonly prompt: string;
  readonly buttons: string;
}

export interface HtmlShown {
  readonly kind: "sidebar" | "dialog";
  readonly title: string;
  readonly content: string;
}

export class FakeUi {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  menus: FakeMenu[] = [];
  readonly shown: Shown[] = [];
  readonly html: HtmlShown[] = [];
  /** Answers for the next alerts and prompts, in order. An unanswered question is closed. */
  readonly answers: { button: ButtonName; text?: string }[] = [];

  createMenu(caption: string): FakeMenu {
    return new FakeMenu(this, caption);
  }
  createAddonMenu(): FakeMenu {
    return new FakeMenu(this, "Add-on");
  }
  alert(a: string, b?: string, c?: string): string {
    const [title, prompt, buttons] =
      b === undefined ? ["", a, ButtonSet.OK] : c === undefined ? ["", a, b] : [a, b, c];
    this.shown.push({ kind: "alert", title, prompt, buttons });
    if (buttons === ButtonSet.OK) {
      if (this.answers[0]?.button === "OK") this.answers.shift();
      return Button.OK;
    }
    return Button[this.answers.shift()?.button ?? "CLOSE"];
  }
  prompt(
    a: string,
    b?: string,
    c?: string,
  ): { getResponseText(): string; getSelectedButton(): string } {
    const [title, prompt, buttons] =
      b === undefined ? ["", a, ButtonSet.OK] : c === undefined ? ["", a, b] : [a, b, c];
    this.shown.push({ kind: "prompt", title, prompt, buttons });
    const answer = this.answers.shift() ?? { button: "CLOSE" as const, text: "" };
    return {
      getResponseText: () => answer.text ?? "",
      getSelectedButton: () => Button[answer.button],
    };
  }
  showSidebar(output: { getTitle(): string; getContent(): string }): void {
    this.html.push({ kind: "sidebar", title: output.getTitle(), content: output.getContent() });
  }
  showModalDialog(output: { getContent(): string }, title: string): void {
    this.html.push({ kind: "dialog", title, content: output.getContent() });
  }
  /** Texts of the alerts shown, in order. */
  alerts(): string[] {
    return this.shown.filter((s) => s.kind === "alert").map((s) => s.prompt);
  }
}
