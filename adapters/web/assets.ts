/** The page's static files, served from memory at content-hashed paths, so a browser may keep them for good. */
import { createHash } from "node:crypto";
import { CLIENT_SCRIPT } from "./client.js";
import { PAGE_CSS } from "./styles.js";

/** One static file: its path (with its content's hash), type and bytes. */
export interface Asset {
  path: string;
  type: string;
  body: string;
}

function asset(name: string, extension: string, type: string, body: string): Asset {
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  return { path: `/static/${name}.${hash}.${extension}`, type, body };
}

/** The stylesheet and the script. */
export const ASSETS = {
  css: asset("page", "css", "text/css; charset=utf-8", PAGE_CSS),
  script: asset("page", "js", "text/javascript; charset=utf-8", CLIENT_SCRIPT),
} as const;
