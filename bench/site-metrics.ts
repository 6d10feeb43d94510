/**
 * Measures a built site (a dist/ folder) for the benchmark: total size, the largest HTML
 * page, and per content page the transfer weight a visitor's browser loads – the page's
 * HTML plus the CSS and JavaScript files it references (following static imports of
 * JS modules), each gzip-compressed as a web server would send it. Scripts loaded only
 * on demand (dynamic import(), the search index) are not counted.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';

export interface SiteMetrics {
  distBytes: number;
  files: number;
  htmlPages: number;
  contentPages: number;
  /** Median over content pages of gzip(HTML) + gzip(referenced CSS and JS). */
  medianPageBytes: number;
  /** Median over content pages of the gzip size of their JavaScript (files and inline scripts). */
  medianJsBytes: number;
  largestHtml: { page: string; bytes: number };
}

function listFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(full));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.m?js)["']/g;

/**
 * Measures `dist`. `isContentPage` gets each HTML file's path relative to dist with
 * forward slashes (`massnahmen/i-01/index.html`).
 */
export function measureSite(dist: string, isContentPage: (page: string) => boolean): SiteMetrics {
  const files = listFiles(dist);
  const gzipCache = new Map<string, number>();
  const gz = (file: string) => {
    let size = gzipCache.get(file);
    if (size === undefined) {
      size = gzipSync(readFileSync(file)).length;
      gzipCache.set(file, size);
    }
    return size;
  };
  /** A URL on a page as a file in dist (undefined for other sites or missing files). */
  const toFile = (url: string, page: string): string | undefined => {
    if (/^[a-z]+:|^\/\//i.test(url)) return undefined;
    const path = url.split(/[?#]/)[0]!;
    const rel = path.startsWith('/') ? path.slice(1) : posix.join(posix.dirname(page), path);
    const file = join(dist, ...posix.normalize(rel).split('/'));
    try {
      return statSync(file).isFile() ? file : undefined;
    } catch {
      return undefined;
    }
  };
  /** A JS module and everything it imports statically. */
  const withImports = (file: string, seen: Set<string>) => {
    if (seen.has(file)) return;
    seen.add(file);
    const page = relative(dist, file).split(sep).join('/');
    for (const m of readFileSync(file, 'utf8').matchAll(STATIC_IMPORT)) {
      const dep = toFile(m[1]!, page);
      if (dep) withImports(dep, seen);
    }
  };

  let distBytes = 0;
  let largestHtml = { page: '', bytes: 0 };
  const pageBytes: number[] = [];
  const jsBytes: number[] = [];
  let htmlPages = 0;
  for (const file of files) {
    const size = statSync(file).size;
    distBytes += size;
    if (!file.endsWith('.html')) continue;
    htmlPages += 1;
    const page = relative(dist, file).split(sep).join('/');
    if (size > largestHtml.bytes) largestHtml = { page, bytes: size };
    if (!isContentPage(page)) continue;

    const root = parse(readFileSync(file, 'utf8'));
    const css = new Set<string>();
    const js = new Set<string>();
    let inlineJs = 0;
    for (const link of root.querySelectorAll('link[href]')) {
      const rel = (link.getAttribute('rel') ?? '').toLowerCase();
      const target = toFile(link.getAttribute('href')!, page);
      if (!target) continue;
      if (rel.split(/\s+/).includes('stylesheet')) css.add(target);
      else if (rel === 'modulepreload') withImports(target, js);
    }
    for (const script of root.querySelectorAll('script')) {
      const type = (script.getAttribute('type') ?? '').toLowerCase();
      if (type && !['module', 'text/javascript', 'application/javascript'].includes(type)) continue;
      const src = script.getAttribute('src');
      if (src) {
        const target = toFile(src, page);
        if (target) withImports(target, js);
      } else if (script.textContent.trim()) {
        inlineJs += gzipSync(script.textContent).length;
      }
    }
    const jsTotal = [...js].reduce((s, f) => s + gz(f), 0) + inlineJs;
    pageBytes.push(gz(file) + [...css].reduce((s, f) => s + gz(f), 0) + [...js].reduce((s, f) => s + gz(f), 0));
    jsBytes.push(jsTotal);
  }
  return {
    distBytes,
    files: files.length,
    htmlPages,
    contentPages: pageBytes.length,
    medianPageBytes: median(pageBytes),
    medianJsBytes: median(jsBytes),
    largestHtml,
  };
}
