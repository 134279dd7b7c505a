/**
 * The demo's governance story (template version 2): who sponsors and controls which
 * initiative, what each is planned to deliver, and the gate decisions taken so far.
 *
 * - INI-10, the network refresh, is Done and at gate 5: its controller confirmed the value it
 *   delivered (less than planned, as happens).
 * - INI-15, the retired VPN concentrators, is Done but stands at gate 4: it was closed without
 *   the controller's confirmation, which validation flags and the value counts as unconfirmed.
 * - INI-6, the customer portal, was approved at gate 3 by its own owner signing as Sponsor:
 *   an error that does not count, so it stands at gate 2.
 */
import type { PlanValue } from "../ports/plan.ts";

const CONTROLLER = "Daniel Park";

/** Sponsor, Controller, Planned Value, Value Unit by initiative. */
export const DEMO_VALUE: Readonly<Record<string, readonly PlanValue[]>> = {
  "INI-1": ["Priya Nair", CONTROLLER, 120000, "EUR"],
  "INI-5": ["Priya Nair", CONTROLLER, 60000, "EUR"],
  "INI-6": ["Marco Rossi", CONTROLLER, 300000, "EUR"],
  "INI-8": ["Maria Lopez", CONTROLLER, 90000, "EUR"],
  "INI-10": ["Maria Lopez", CONTROLLER, 180000, "EUR"],
  "INI-15": ["Maria Lopez", CONTROLLER, 40000, "EUR"],
};

/** The Gate Decisions rows, dated `offset` days from today by `d`. */
export function demoGateDecisions(d: (offset: number) => string): PlanValue[][] {
  const row = (
    day: number,
    id: string,
    gate: number,
    by: string,
    role: string,
    evidence: string,
    confirmed: number | null = null,
  ): PlanValue[] => [d(day), id, gate, "Approved", by, role, evidence, confirmed, null];
  return [
    row(-95, "INI-10", 2, "Ravi Patel", "Owner", "Network assessment report"),
    row(-90, "INI-10", 3, "Maria Lopez", "Sponsor", "Business case v2, approved at IT board"),
    row(-75, "INI-6", 2, "Elif Demir", "Owner", "Portal discovery workshop notes"),
    row(-70, "INI-6", 3, "Elif Demir", "Sponsor", "Portal business case"),
    row(-65, "INI-1", 2, "Sam Okafor", "Owner", "Triage pilot results"),
    row(-60, "INI-1", 3, "Priya Nair", "Sponsor", "Triage business case, signed"),
    row(-55, "INI-15", 2, "Ravi Patel", "Owner", "VPN usage audit"),
    row(-50, "INI-15", 3, "Maria Lopez", "Sponsor", "Decommissioning plan, signed"),
    row(-48, "INI-5", 2, "Jonas Weber", "Owner", "API design review"),
    row(-45, "INI-5", 3, "Priya Nair", "Sponsor", "Routing API budget approval"),
    row(-40, "INI-8", 2, "Lena Fischer", "Owner", "Rack capacity plan"),
    row(-35, "INI-8", 3, "Maria Lopez", "Sponsor", "Data centre contract, signed"),
    row(-12, "INI-15", 4, "Ravi Patel", "Owner", "Change record: concentrators switched off"),
    row(-6, "INI-10", 4, "Ravi Patel", "Owner", "Cut-over report: all sites on the new network"),
    row(
      -2,
      "INI-10",
      5,
      CONTROLLER,
      "Controller",
      "Q4 cost report: old maintenance contracts ended",
      165000,
    ),
  ];
}
