/**
 * The site's URL scheme. Published paths must stay valid across editions, so every
 * page path is built here and nowhere else.
 *
 * `seite` gives site paths ("/massnahmen/s-07/"): what anchors, redirects and the anchor
 * register speak, the same wherever the site is published. `url` gives the same paths as
 * links, with the base path in front when the site is published under a subpath
 * (a project site on GitHub or GitLab Pages: "/mep/massnahmen/s-07/"). Pages link with
 * `url`; checks and data work with `seite`.
 */

/** A base path in its one form: "/" or "/mep/" (slashes at both ends). */
export function normaleBasis(basis: string | undefined): string {
  const teile = (basis ?? '').split('/').filter(Boolean);
  return teile.length === 0 ? '/' : `/${teile.join('/')}/`;
}

/**
 * The base path the site is built for. Inside Astro's build this is its `base`
 * (set by the Planwerk integration); in plain Node (pruefen, tests) it is "/".
 */
export const BASIS = normaleBasis((import.meta as { env?: { BASE_URL?: string } }).env?.BASE_URL);

/** Is this a base path as PLANWERK_BASIS or `--basis` may give it: letters, digits and - . _ ~ between slashes, no "." or ".." segment? */
export function gueltigeBasis(basis: string): boolean {
  return basis.split('/').every((teil) => teil === '' || (/^[A-Za-z0-9._~-]+$/.test(teil) && !/^\.+$/.test(teil)));
}

/**
 * The base path a plan's site is built for: `vorgabe` (PLANWERK_BASIS, e.g. for a preview
 * published under another address), else the path of the site address in plan.yaml
 * (`website: https://stadt.github.io/mep/` → "/mep/"), else "/" (also for a website value that is no valid address).
 */
export function basisDesPlans(website: string | undefined, vorgabe: string | undefined = process.env.PLANWERK_BASIS): string {
  if (vorgabe !== undefined && vorgabe !== '') return normaleBasis(vorgabe);
  // An address that is none (plan.yaml refuses it with its own message, src/plan/adressen.ts) gives no base path; this never throws.
  if (!website || !URL.canParse(website)) return '/';
  const pfad = new URL(website).pathname;
  return gueltigeBasis(pfad) ? normaleBasis(pfad) : '/';
}

/** A site path as a link under `basis`; fragments, external and relative addresses stay as they are. */
export function mitBasis(pfad: string, basis: string = BASIS): string {
  return basis !== '/' && pfad.startsWith('/') && !pfad.startsWith('//') ? basis + pfad.slice(1) : pfad;
}

/** A path as served ("/mep/massnahmen/") as the site path it names ("/massnahmen/"); undefined if it lies outside the base. */
export function ohneBasis(pfad: string, basis: string = BASIS): string | undefined {
  if (basis === '/') return pfad;
  if (pfad === basis.slice(0, -1)) return '/';
  return pfad.startsWith(basis) ? pfad.slice(basis.length - 1) : undefined;
}

export const seite = {
  start: () => '/',
  kapitel: (id: string) => `/kapitel/${id}/`,
  handlungsfelder: () => '/handlungsfelder/',
  handlungsfeld: (id: string) => `/handlungsfelder/${id}/`,
  ziel: (handlungsfeld: string, ziel: string) => `/handlungsfelder/${handlungsfeld}/#${ziel}`,
  massnahmen: () => '/massnahmen/',
  massnahme: (id: string) => `/massnahmen/${id.toLowerCase()}/`,
  bildungsbereich: (id: string) => `/massnahmen/bereich/${id}/`,
  akteure: () => '/akteure/',
  akteur: (id: string) => `/akteure/${id}/`,
  zustaendigkeiten: () => '/akteure/zustaendigkeiten/',
  formate: (id?: string) => (id ? `/akteure/formate/#${id}` : '/akteure/formate/'),
  ansprechpartner: () => '/akteure/ansprechpartner/',
  support: () => '/akteure/support/',
  schulen: () => '/schulen/',
  schule: (id: string) => `/schulen/${id}/`,
  erhebungen: () => '/schulen/erhebungen/',
  bedarfe: () => '/schulen/bedarfe/',
  medienkonzepte: () => '/schulen/medienkonzepte/',
  selbsteinschaetzung: () => '/schulen/selbsteinschaetzung/',
  glossar: (id?: string) => (id ? `/glossar/#${id}` : '/glossar/'),
  meilensteine: () => '/meilensteine/',
  entscheidungen: () => '/entscheidungen/',
  entscheidung: (id: string) => `/entscheidungen/${id}/`,
  indikatoren: (id?: string) => (id ? `/indikatoren/#${id}` : '/indikatoren/'),
  finanzen: () => '/finanzen/',
  aenderungen: () => '/aenderungen/',
  daten: (id?: string) => (id ? `/daten/#${id}` : '/daten/'),
  /** A file of the open data (src/ausgabe/offenedaten/index.ts): `/daten/massnahmen.csv`. */
  datenDatei: (name: string) => `/daten/${name}`,
  impressum: () => '/impressum/',
  datenschutz: () => '/datenschutz/',
  barrierefreiheit: () => '/barrierefreiheit/',
  /** The whole plan in reading order, for print, and its PDF (stable address; a copy per Fassung beside it). */
  druckfassung: () => '/druckfassung/',
  druckPdf: (datei = 'plan.pdf') => `/druckfassung/${datei}`,
  /** A file of the plan's media folder, named as plan.yaml names it ("medien/dgs.mp4"). */
  medium: (pfad: string) => `/${pfad}`,
  /** Files in public/ (the favicon, the scripts) and the search bundle. */
  datei: (name: string) => `/${name}`,
};

type Seiten = typeof seite;

/** The same paths as links under the base path the site is built for. */
export const url = Object.fromEntries(
  Object.entries(seite).map(([name, pfad]) => [name, (...args: never[]) => mitBasis((pfad as (...a: never[]) => string)(...args))]),
) as Seiten;

/** Anchor id of a Maßnahme wherever it is listed (overview, Handlungsfeld page). */
export const massnahmeAnker = (id: string) => id.toLowerCase();
