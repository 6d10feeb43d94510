/**
 * The site's own scripts and icon, served by endpoints from the package (a plan repository
 * has no public/ folder of Planwerk's): permalinks, the search page, redirects, the icon.
 * One static route per file (src/ausgabe/pages/*.js.ts), so the dev server serves them at
 * their address without a final slash, as the build writes them.
 */
import planwerkJs from './planwerk.js?raw';
import sucheJs from './suche.js?raw';
import weiterleitungJs from './weiterleitung.js?raw';
import favicon from './favicon.svg?raw';

const JS = 'text/javascript; charset=utf-8';
const DATEIEN = {
  'planwerk.js': { text: planwerkJs, typ: JS },
  'suche.js': { text: sucheJs, typ: JS },
  'weiterleitung.js': { text: weiterleitungJs, typ: JS },
  'favicon.svg': { text: favicon, typ: 'image/svg+xml' },
};

/** The response for one of the site's own files. */
export function datei(name: keyof typeof DATEIEN): Response {
  const { text, typ } = DATEIEN[name];
  return new Response(text, { headers: { 'Content-Type': typ } });
}
