// The site's own scripts and icon, served from the package (a plan repository has no public/
// folder of Planwerk's): progressive enhancement of permalinks, the search page, redirects.
import type { APIRoute, GetStaticPaths } from 'astro';
import planwerkJs from '../dateien/planwerk.js?raw';
import sucheJs from '../dateien/suche.js?raw';
import weiterleitungJs from '../dateien/weiterleitung.js?raw';
import favicon from '../dateien/favicon.svg?raw';

const JS = 'text/javascript; charset=utf-8';
const DATEIEN: Record<string, { text: string; typ: string }> = {
  'planwerk.js': { text: planwerkJs, typ: JS },
  'suche.js': { text: sucheJs, typ: JS },
  'weiterleitung.js': { text: weiterleitungJs, typ: JS },
  'favicon.svg': { text: favicon, typ: 'image/svg+xml' },
};

export const getStaticPaths = (() => Object.keys(DATEIEN).map((datei) => ({ params: { datei } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const datei = DATEIEN[params.datei!]!;
  return new Response(datei.text, { headers: { 'Content-Type': datei.typ } });
};
