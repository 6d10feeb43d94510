/**
 * A tiny static server over the output folder for the browser checks: loopback only, on a free
 * port, serving the site under its base path as a host would (the security headers of
 * src/ausgabe/sicherheit.ts on every response, /404.html with status 404, a folder without the
 * final slash redirected to it). Nothing outside the output folder is ever served.
 */
import { createServer, type ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { ohneBasis } from '../../plan/urls.ts';
import { SICHERHEITS_HEADER } from '../../ausgabe/sicherheit.ts';

const TYPEN: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.pdf': 'application/pdf',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface Server {
  /** The site's root as served, with the final slash: „http://127.0.0.1:40123/mep/“. */
  adresse: string;
  stop(): Promise<void>;
}

/** The file in `dist` that serves a request path, „ordner“ for a folder lacking its slash, or undefined. */
export function dateiFuer(dist: string, pfad: string, basis: string): string | 'ordner' | undefined {
  let entschluesselt: string;
  try {
    entschluesselt = decodeURIComponent(pfad);
  } catch {
    return undefined;
  }
  const ohne = ohneBasis(entschluesselt, basis);
  if (ohne === undefined || entschluesselt.includes('\0')) return undefined;
  const wurzel = resolve(dist);
  const datei = resolve(join(wurzel, ohne));
  if (datei !== wurzel && !datei.startsWith(wurzel + sep)) return undefined;
  if (!existsSync(datei)) return undefined;
  if (!statSync(datei).isDirectory()) return datei;
  const index = join(datei, 'index.html');
  if (!existsSync(index)) return undefined;
  return ohne.endsWith('/') ? index : 'ordner';
}

function sende(res: ServerResponse, status: number, datei: string | undefined) {
  res.writeHead(status, { ...SICHERHEITS_HEADER, 'content-type': (datei && TYPEN[extname(datei).toLowerCase()]) ?? 'application/octet-stream' });
  if (datei) createReadStream(datei).pipe(res);
  else res.end();
}

/** Serves `dist` under `basis` on 127.0.0.1 until stop(). */
export async function starteServer(dist: string, basis: string): Promise<Server> {
  const nichtGefunden = join(dist, '404.html');
  const server = createServer((req, res) => {
    const pfad = new URL(req.url ?? '/', 'http://localhost').pathname;
    const datei = req.method === 'GET' || req.method === 'HEAD' ? dateiFuer(dist, pfad, basis) : undefined;
    if (datei === 'ordner') {
      res.writeHead(301, { ...SICHERHEITS_HEADER, location: `${pfad}/` });
      res.end();
    } else if (datei) sende(res, 200, datei);
    else sende(res, 404, existsSync(nichtGefunden) ? nichtGefunden : undefined);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  return {
    adresse: `http://127.0.0.1:${port}${basis}`,
    stop: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
