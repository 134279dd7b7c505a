export declare const DEV_URL: string;
export declare const PANE_JS_BUDGET: number;
export declare function functionsMetadata(): Promise<{
  functions: {
    id: string;
    name: string;
    parameters: { name: string; optional?: boolean; type: string }[];
    options?: { volatile?: boolean };
  }[];
}>;
export declare function buildExcel(options?: {
  url?: string;
  minify?: boolean;
}): Promise<{ sizes: Record<string, number>; total: number; css: number }>;
