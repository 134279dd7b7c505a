// Types of inline-html.mjs, for TypeScript callers (tests, host build scripts).
export interface PageBundle {
  readonly js: string;
  readonly css: string;
}
export interface BundleOptions {
  /** The browser entry module; CSS files it imports are bundled too. */
  readonly entry: string;
  readonly minify?: boolean;
  /** esbuild `define` replacements. */
  readonly define?: Readonly<Record<string, string>>;
}
export interface InlinedPageOptions extends BundleOptions {
  readonly title: string;
  readonly outfile: string;
  /** Trusted markup for <head>, such as `<base target="_top">` or the Office.js script tag. */
  readonly head?: string;
}
export interface InlinedPage {
  readonly outfile: string;
  readonly bytes: number;
  readonly jsBytes: number;
  readonly cssBytes: number;
}
export function bundlePage(options: BundleOptions): Promise<PageBundle>;
export function buildInlinedPage(options: InlinedPageOptions): Promise<InlinedPage>;
