/**
 * The site's URL scheme. Published paths must stay valid across editions, so every
 * page path is built here and nowhere else.
 */
export const url = {
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
  glossar: (id?: string) => (id ? `/glossar/#${id}` : '/glossar/'),
  meilensteine: () => '/meilensteine/',
  indikatoren: (id?: string) => (id ? `/indikatoren/#${id}` : '/indikatoren/'),
  finanzen: () => '/finanzen/',
  aenderungen: () => '/aenderungen/',
  daten: (id?: string) => (id ? `/daten/#${id}` : '/daten/'),
  impressum: () => '/impressum/',
  datenschutz: () => '/datenschutz/',
  barrierefreiheit: () => '/barrierefreiheit/',
};

/** Anchor id of a Maßnahme wherever it is listed (overview, Handlungsfeld page). */
export const massnahmeAnker = (id: string) => id.toLowerCase();
