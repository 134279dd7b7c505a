export declare function requirementSets(srcDir?: string): {
  sets: Record<string, string>;
  uses: Record<string, { version: string; api: string; at: string }[]>;
};
