/**
 * A stand-in for `google.script.run` that calls the top-level functions of a loaded project,
 * the way the real one calls the server: later (never inside the call), with arguments and
 * results checked for what may cross (primitives, null, arrays and plain objects of them; a
 * Date, a function or undefined fails the request), each through a JSON round trip.
 */
import type { ScriptRun } from "../../../gsheets/src/sidebar/backend.ts";
import type { LoadedProject } from "./bundle.ts";

export interface ScriptRunCall {
  readonly name: string;
  readonly args: unknown[];
}

/** Why a value may not cross between the sidebar and the server, or null when it may. */
export function illegal(value: unknown, path = "value"): string | null {
  if (value === null || typeof value === "string" || typeof value === "boolean") return null;
  if (typeof value === "number") return Number.isFinite(value) ? null : `${path} is ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = illegal(value[i], `${path}[${i}]`);
      if (bad) return bad;
    }
    return null;
  }
  if (typeof value === "object") {
    const tag = Object.prototype.toString.call(value);
    if (tag !== "[object Object]") return `${path} is a ${tag.slice(8, -1)}`;
    for (const [k, v] of Object.entries(value)) {
      const bad = illegal(v, `${path}.${k}`);
      if (bad) return bad;
    }
    return null;
  }
  return `${path} is ${typeof value}`;
}

export function scriptRun(
  project: Pick<LoadedProject, "call" | "functions">,
  calls: ScriptRunCall[] = [],
): ScriptRun {
  const runner = (onSuccess?: (v: unknown) => void, onFailure?: (e: unknown) => void): ScriptRun =>
    new Proxy({} as ScriptRun, {
      get(_t, name) {
        if (name === "withSuccessHandler") return (h: (v: unknown) => void) => runner(h, onFailure);
        if (name === "withFailureHandler") return (h: (e: unknown) => void) => runner(onSuccess, h);
        if (typeof name !== "string" || !project.functions().includes(name)) return undefined;
        return (...args: unknown[]) => {
          calls.push({ name, args });
          setTimeout(() => {
            try {
              const badArg = illegal(args, "arguments");
              if (badArg) throw new Error(`Failed due to illegal value in argument: ${badArg}`);
              const result = project.call(name, ...JSON.parse(JSON.stringify(args)));
              const badResult = illegal(result === undefined ? null : result, "result");
              if (badResult) throw new Error(`Failed due to illegal value in result: ${badResult}`);
              onSuccess?.(result === undefined ? null : JSON.parse(JSON.stringify(result)));
            } catch (e) {
              onFailure?.(
                new Error(
                  e !== null && typeof e === "object" && "message" in e
                    ? String((e as Error).message)
                    : String(e),
                ),
              );
            }
          }, 0);
        };
      },
    });
  return runner();
}
