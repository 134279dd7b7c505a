/** The optional People sheet: names matched ignoring case and spacing; bad rows are issues at their cells. */
import { describe, expect, it } from "vitest";
import { readPeople } from "@baton/core";

const header = ["Name", "Email", "Team", "Role"];

describe("People", () => {
  it("finds a person whatever the case and spacing of the name", () => {
    const p = readPeople([header, ["Ana  Ruiz", "ana@example.com", "Dev", "Lead"]]);
    expect(p.find(" ana ruiz")?.email).toBe("ana@example.com");
    expect(p.find("ANA\tRUIZ")?.team).toBe("Dev");
    expect(p.find("Ana Ruis")).toBeUndefined();
  });

  it("reads columns in any order, and an absent sheet as nobody", () => {
    const p = readPeople([
      ["Email", "name"],
      ["bo@example.com", "Bo"],
    ]);
    expect(p.find("bo")?.email).toBe("bo@example.com");
    expect(readPeople(undefined).list).toEqual([]);
    expect(readPeople(undefined).issues).toEqual([]);
  });

  it("puts a malformed address at its cell, with the fix, and leaves that person unreachable", () => {
    const p = readPeople([
      header,
      ["Ana", "ana@example.com"],
      ["Bo", "bo at example"],
      ["Cy", "cy@example.com, boss@example.com"],
      ["Di", null],
    ]);
    expect(p.issues.map((i) => [i.code, i.cell, i.severity])).toEqual([
      ["invalid-email", "B3", "error"],
      ["invalid-email", "B4", "error"],
      ["required", "B5", "error"],
    ]);
    expect(p.issues[0]!.message).toContain('"bo at example" is not an email address');
    expect(p.issues[0]!.fix).toContain("People!B3");
    expect(p.find("Bo")).toMatchObject({ name: "Bo", email: null });
  });

  it("names a duplicate at its cell and keeps the first", () => {
    const p = readPeople([header, ["Ana Ruiz", "a1@example.com"], ["ana ruiz", "a2@example.com"]]);
    expect(p.issues.map((i) => [i.code, i.cell])).toEqual([["duplicate-person", "A3"]]);
    expect(p.find("Ana Ruiz")?.email).toBe("a1@example.com");
  });

  it("says which column is missing", () => {
    const p = readPeople([
      ["Name", "Team"],
      ["Ana", "Dev"],
    ]);
    expect(p.issues.map((i) => [i.code, i.column])).toEqual([["missing-column", "Email"]]);
  });
});
