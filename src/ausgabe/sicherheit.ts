/**
 * HTTP security headers for the published site. The build writes them to dist/_headers
 * (the format of common static hosts); README shows the same as an nginx snippet. The
 * browser tests apply the CSP to every response and fail on any violation.
 */
export const CSP = [
  "default-src 'self'",
  // Pagefind's search runs as WebAssembly in a worker.
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * The CSP as a `<meta>` fallback in every page, for hosts that ignore `_headers` (GitHub Pages,
 * GitLab Pages). A `<meta>` policy cannot carry `frame-ancestors` (browsers ignore it there and
 * log an error), so that directive needs a real header.
 */
export const CSP_META = CSP.split('; ')
  .filter((d) => !d.startsWith('frame-ancestors'))
  .join('; ');

export const SICHERHEITS_HEADER: Record<string, string> = {
  'Content-Security-Policy': CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
};

/** dist/_headers: the headers for every path. */
export function headersDatei(): string {
  return `/*\n${Object.entries(SICHERHEITS_HEADER).map(([k, v]) => `  ${k}: ${v}`).join('\n')}\n`;
}
