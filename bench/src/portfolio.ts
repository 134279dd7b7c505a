/**
 * The portfolio figure's workbooks: many team workbooks of three programmes each, generated
 * from a seed, in departments of ten workbooks that hand work to each other (as the bench's
 * single workbooks keep hand-offs inside programmes of twenty, so chains are several deep, not
 * thousands). Each initiative provides three hand-offs: about two in three to a later
 * initiative of its programme, the rest to an initiative of one of the next few workbooks of
 * its department (`team-12:INI-7`), so chains run across workbooks and none forms a cycle.
 * About one hand-off in ten is late, so root causes sit in other workbooks.
 */
import { daysFromIso, isoFromDays, type MemberInput, type PlanValue } from "@baton/core";
import { AS_OF } from "./generate.ts";
import { gridsOf } from "./workbooks.ts";
import { seeded } from "./random.ts";

export interface PortfolioShape {
  readonly workbooks: number;
  readonly initiatives: number;
  /** Hand-offs each initiative provides. */
  readonly handoffsEach: number;
}

export const PORTFOLIO_200: PortfolioShape = { workbooks: 200, initiatives: 50, handoffsEach: 3 };

export const teamName = (w: number) => `team-${w + 1}`;

/** Workbooks that hand work to each other (a department); none hands to another department. */
const DEPARTMENT = 10;
/** Initiatives of one programme; hand-offs inside a workbook stay within a programme. */
const PROGRAMME_SIZE = 17;

export function portfolioMembers(shape: PortfolioShape): {
  members: MemberInput[];
  crossHandoffs: number;
} {
  const rnd = seeded(19);
  const today = daysFromIso(AS_OF)!;
  const d = (n: number) => isoFromDays(today + n);
  let crossHandoffs = 0;
  const members: MemberInput[] = [];
  for (let w = 0; w < shape.workbooks; w++) {
    const objectives: PlanValue[][] = [1, 2, 3].map((o) => [
      `OBJ-${o}`,
      `Objective ${o} of ${teamName(w)}`,
      "Owner",
      d(120),
      null,
      null,
      null,
    ]);
    const initiatives: PlanValue[][] = [];
    for (let i = 1; i <= shape.initiatives; i++)
      initiatives.push([
        `INI-${i}`,
        `OBJ-${1 + (i % 3)}`,
        `Initiative ${i}`,
        teamName(w),
        `Owner ${i % 7}`,
        d(-60),
        d(30 + (i % 60)),
        "In progress",
        null,
        null,
        null,
      ]);
    const handoffs: PlanValue[][] = [];
    let k = 0;
    const department = Math.floor(w / DEPARTMENT);
    const lastInDepartment = Math.min(shape.workbooks, (department + 1) * DEPARTMENT) - 1;
    for (let i = 1; i <= shape.initiatives; i++)
      for (let j = 0; j < shape.handoffsEach; j++) {
        const programmeEnd = Math.min(
          shape.initiatives,
          Math.ceil(i / PROGRAMME_SIZE) * PROGRAMME_SIZE,
        );
        const canLocal = i < programmeEnd;
        const canCross = w < lastInDepartment;
        let to: string;
        if (canCross && (!canLocal || rnd.next() < 1 / 3)) {
          const later = rnd.int(w + 1, Math.min(lastInDepartment, w + 5));
          to = `${teamName(later)}:INI-${rnd.int(1, shape.initiatives)}`;
          crossHandoffs++;
        } else if (canLocal) to = `INI-${rnd.int(i + 1, Math.min(programmeEnd, i + 5))}`;
        else continue;
        const late = rnd.next() < 0.1;
        const delivered = !late && rnd.next() < 0.4;
        const needed = late ? -1 - Math.floor(rnd.next() * 20) : Math.floor(rnd.next() * 60) - 10;
        handoffs.push([
          `DEP-${++k}`,
          `INI-${i}`,
          to,
          `Deliverable ${k}`,
          d(needed),
          null,
          delivered ? d(needed - 1) : null,
          delivered ? "Delivered" : "Accepted",
          `Owner ${k % 5}`,
          null,
          null,
          null,
        ]);
      }
    const grids = gridsOf({
      settings: { timeZone: "UTC", cadence: "Weekly", workbook: teamName(w) },
      objectives,
      initiatives,
      handoffs,
    });
    members.push({ file: `${teamName(w)}.xlsx`, grids });
  }
  return { members, crossHandoffs };
}
