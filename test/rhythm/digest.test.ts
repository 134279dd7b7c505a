/** One digest per person, worst first, in plain words; as text, HTML mail and a chat message. */
import { describe, expect, it } from "vitest";
import { chatMessage, digestHtml, digestText, subjectOf } from "@baton/core";
import { TUESDAY, hostOf, plan, tell } from "./support.ts";
import { handoff } from "../support/grids.ts";

const XSS = "<img src=x onerror=alert(1)>";

async function digests() {
  const spec = plan(
    { "Needed By": "2026-11-20" },
    {
      handoffs: [
        handoff("DEP-2", "INI-2", "INI-1", {
          Owner: "Ines Ortega",
          Deliverable: XSS,
          "Needed By": "2026-11-27",
          State: "Requested",
        }),
      ],
    },
  );
  const r = await tell(hostOf(spec), TUESDAY);
  return { r, context: { place: "plan.xlsx", asOf: TUESDAY } };
}

describe("digests", () => {
  it("gives each person their items worst first, each with ID, change, since and ask", async () => {
    const { r } = await digests();
    const ines = r.notification.digests.find((d) => d.to.name === "Ines Ortega")!;
    expect(ines.items.map((i) => [i.severity, i.id])).toEqual([
      ["Red", "DEP-1"],
      ["Red", "INI-2"],
      // Ines's Green check-in for 2026-W47, though DEP-1, which INI-2 waits on, was late.
      ["Amber", "INI-2"],
      ["Amber", "DEP-2"],
    ]);
    const [dep1] = ines.items;
    expect(dep1).toMatchObject({
      since: "2026-11-21",
      where: { sheet: "Hand-offs", cell: "A2" },
    });
    expect(dep1!.changed).toBe(
      'DEP-1 "Routing rules API" turned Red: past its Needed By date and not delivered, 4 days late. INI-2 "Initiative INI-2" waits on it.',
    );
    expect(dep1!.ask).toBe("Agree a new date with Hana Kim, or re-plan INI-2 around it.");
    const hana = r.notification.digests.find((d) => d.to.name === "Hana Kim")!;
    expect(hana.items[0]!.ask).toBe(
      "Deliver it, or agree a new date with Ines Ortega and enter it as Committed Date.",
    );
    expect(subjectOf(ines)).toBe("Baton: DEP-1 turned Red, and 3 more");
  });

  it("renders text with every item", async () => {
    const { r, context } = await digests();
    const text = digestText(r.notification.digests[0]!, context);
    expect(text).toContain("Hello Hana Kim,");
    expect(text).toContain("Asked of you: Deliver it");
    expect(text).toContain("Since: 2026-11-21");
  });

  it("renders HTML mail with inline styles only and every cell's text escaped", async () => {
    const { r, context } = await digests();
    for (const d of r.notification.digests) {
      const html = digestHtml(d, context);
      expect(html).not.toContain("<img");
      expect(html).not.toMatch(/<style|<link|<script|class=/);
    }
    const ines = r.notification.digests.find((d) => d.to.name === "Ines Ortega")!;
    expect(digestHtml(ines, context)).toContain("&lt;img src=x onerror=alert(1)&gt;");
  });

  it("renders one chat message in which a cell cannot link or mention", async () => {
    const { r, context } = await digests();
    const { text } = chatMessage(r.notification.digests, context);
    expect(text).toContain("*Ines Ortega*");
    expect(text).not.toContain("<img");
    expect(text).toContain("&lt;img");
  });
});
