import type { IncomingMessage, ServerResponse } from "node:http";
export declare const OFFICE_JS_CDN: string;
export declare const OFFICE_JS_LOCAL: string;
export declare function officeJsDir(): string;
export declare function distHandler(
  dist: string,
  options?: { localOfficeJs?: boolean },
): (req: IncomingMessage, res: ServerResponse) => void;
