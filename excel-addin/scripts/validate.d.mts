export declare function pngSize(file: string): { width: number; height: number } | null;
export declare function validateManifests(
  dir?: string,
  override?: { xmlText?: string; json?: unknown; used?: Record<string, string> },
): Promise<string[]>;
export declare function checkJsonSchema(manifest: unknown): Promise<string[]>;
