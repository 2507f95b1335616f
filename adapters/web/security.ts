/**
 * The security headers of every response: hono's secureHeaders with a strict Content-Security-Policy (nothing
 * loads from elsewhere, nothing runs inline, nothing may frame the page or post it elsewhere). The API's
 * responses carry the same values as a plain object, captured from the middleware once: setting them one by
 * one on each response's Headers costs more than the rest of hono's work for a request.
 */
import { Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";

const SECURE_HEADERS_OPTIONS = {
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'"],
    connectSrc: ["'self'"],
    formAction: ["'self'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    requireTrustedTypesFor: ["'script'"],
    trustedTypes: ["'none'"],
  },
  xFrameOptions: "DENY",
  referrerPolicy: "no-referrer",
  // Headers for Internet Explorer and Flash only: bytes on every response that no browser in use reads.
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  permissionsPolicy: { camera: [], microphone: [], geolocation: [], payment: [], usb: [] },
};

/** The middleware, for every response that does not set the headers itself. */
export const securityHeaders = secureHeaders(SECURE_HEADERS_OPTIONS);

/** The same headers and values, as the middleware sets them (lower-case names). */
export const SECURITY_HEADER_VALUES: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(
    (
      await new Hono()
        .use(securityHeaders)
        .get("/", (c) => c.body(null))
        .request("/")
    ).headers.entries(),
  ),
);
