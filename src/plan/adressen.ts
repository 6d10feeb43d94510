/**
 * One rule for every address a plan supplies, wherever it stands: a URL field in YAML or CSV
 * (src/plan/schemas/ registers each with `adresse(art)`), a link or image in MDX
 * (src/plan/mdx/inhaltsregeln.ts), the site's own address in plan.yaml, and again every address in
 * the built pages and the PDF (src/ausgabe/ausgabeadressen.ts).
 *
 * Addresses are parsed with WHATWG `URL`, as a browser reads them; before that, the forms a
 * browser reads differently from what an editor sees are refused by name: `javascript:`,
 * `data:`, `vbscript:` and other schemes, protocol-relative addresses (`//host`, `/\host`),
 * backslashes, control characters and whitespace, character references (`&#106;`, `&colon;`)
 * and percent-encoded schemes or slashes.
 *
 * What an address may be depends on where it stands (`Adressart`):
 * - `extern`: a foreign page, only `https://`;
 * - `website`: the site's own address (plan.yaml `website`): `https://`, no query, no fragment,
 *   its path the base path the site is published under;
 * - `link`: a link in a text: `https://`, `mailto:`, `tel:` or a path of this site;
 * - `kontakt`: only `mailto:` or `tel:`;
 * - `email`: an e-mail address as a contact field holds it (`schule@stadt.de`), which the pages
 *   link as `mailto:`;
 * - `bild`: an image or other embedded file: only a path of this site;
 * - `seite`: only a path of this site starting with `/`;
 * - `muster`: a link pattern with `{pfad}` (quelltext.bearbeiten …) that gives an `extern` address;
 * - `ausgabe`: an address in the built site: `https://`, `http://` to the site itself, `mailto:`,
 *   `tel:` or a path of this site.
 */
import { z } from 'astro/zod';

export type Adressart = 'extern' | 'website' | 'link' | 'kontakt' | 'email' | 'bild' | 'seite' | 'muster' | 'ausgabe';

export type Adresspruefung = { ok: true } | { ok: false; erwartet: string; gefunden: string };

export interface Adressoptionen {
  /** Origins that count as the site itself (`https://mep.stadt.de`): `http://` is allowed to them in `ausgabe`. */
  eigeneUrspruenge?: readonly string[];
}

/** What each kind of address may be, as the message's „erwartet …“. */
export const ERWARTET: Record<Adressart, string> = {
  extern: 'eine vollständige Adresse mit https://, z. B. https://www.stadt.de/',
  website: 'die Adresse der veröffentlichten Website mit https://, ohne „?“ und „#“, z. B. https://mep.stadt.de/ oder https://stadt.github.io/mep/',
  link: 'eine Adresse mit https://, mailto: oder tel: oder einen Pfad dieser Website',
  kontakt: 'eine Kontaktadresse mit mailto: oder tel:',
  email: 'eine E-Mail-Adresse wie schule@stadt.de',
  bild: 'ein Bild von dieser Website (ein Pfad wie /bilder/plan.png), keine fremde Adresse',
  seite: 'einen Pfad dieser Website wie /kapitel/vorwort/',
  muster: 'ein Muster mit https:// und dem Platzhalter {pfad}, z. B. https://github.com/stadt/mep/edit/main/{pfad}',
  ausgabe: 'nur Adressen mit https://, http:// zur eigenen Website, mailto:, tel: oder Pfade dieser Website',
};

/** Schemes named in their own message; any other is named as „das Schema …“. */
const GEFAEHRLICH: Record<string, string> = {
  javascript: 'ein javascript:-Link, der Programmcode ausführt',
  vbscript: 'ein vbscript:-Link, der Programmcode ausführt',
  data: 'eine data:-Adresse, die fremden Inhalt einbettet',
  file: 'eine file:-Adresse auf eine Datei des Lesegeräts',
  blob: 'eine blob:-Adresse',
};

const STEUERZEICHEN = /[\u0000-\u001f\u007f-\u009f]/u;
/** Whitespace and invisible characters, which browsers drop or keep in ways an editor does not see. */
const LEERRAUM = /[\s\u00ad\u180e\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2069\ufeff]/u;
/** A character reference as HTML reads it: `&#106;`, `&#x6A;`, `&colon;`, `&Tab;`. */
const ENTITAET = /&(#|[a-z][a-z0-9]*;)/i;
const SCHEMA = /^([a-z][a-z0-9+.-]*):/i;
/** An e-mail address as zod checks it (the form the JSON schemas describe as well). */
export const E_MAIL = z.email();
/** A made-up origin to resolve relative paths against: a path that leaves it is no path of this site. */
const HIER = 'https://planwerk.invalid';

/** A value for a message: control and invisible characters shown as ‹U+…›, at most 80 characters. */
export function zeigeAdresse(wert: string): string {
  const sichtbar = [...wert].map((c) => (STEUERZEICHEN.test(c) || (LEERRAUM.test(c) && c !== ' ') ? `‹U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}›` : c)).join('');
  return `„${sichtbar.length > 80 ? `${sichtbar.slice(0, 77)}…` : sichtbar}“`;
}

const nein = (art: Adressart, wert: string, grund: string): Adresspruefung => ({ ok: false, erwartet: ERWARTET[art], gefunden: `${zeigeAdresse(wert)} – ${grund}` });

/** The trick a raw address hides, before any parsing; undefined when there is none. */
function trick(wert: string): string | undefined {
  if (wert === '') return 'eine leere Adresse';
  if (wert.trim() !== wert) return 'Leerraum am Anfang oder Ende, hinter dem sich ein Schema verstecken kann';
  if (STEUERZEICHEN.test(wert)) return 'ein Steuerzeichen in der Adresse (Browser lassen es weg, z. B. in „java‹Tab›script:“)';
  if (LEERRAUM.test(wert)) return 'ein Leerzeichen oder unsichtbares Zeichen in der Adresse (ein Leerzeichen schreibt man %20)';
  if (wert.includes('\\')) return 'einen umgekehrten Schrägstrich (\\), den Browser wie „/“ lesen (so wird aus „/\\host“ ein fremder Server)';
  if (ENTITAET.test(wert)) return 'eine Zeichenreferenz wie „&#106;“ oder „&colon;“, hinter der sich ein Schema verstecken kann';
  if (wert.startsWith('//')) return 'eine protokollrelative Adresse („//…“), die auf einen fremden Server zeigt';
  if (/^%(2f|5c)/i.test(wert) || /^\/%(2f|5c)/i.test(wert)) return 'prozentkodierte Schrägstriche am Anfang („%2F“, „%5C“), die auf einen fremden Server zeigen können';
  const vorDemDoppelpunkt = /^[^/?#]*:/.exec(wert)?.[0];
  if (vorDemDoppelpunkt?.includes('%')) return 'prozentkodierte Zeichen im Schema (vor dem „:“)';
  return undefined;
}

/** Is `wert` a path of this site (or a relative path, or a fragment) that stays on the site? */
function bleibtAufDerSeite(wert: string): boolean {
  if (!URL.canParse(wert, `${HIER}/a/b/`)) return false;
  return new URL(wert, `${HIER}/a/b/`).origin === HIER;
}

/**
 * Checks one address for where it stands. Returns `{ ok: true }`, or what was expected and
 * what was found, the found part naming the trick („ein javascript:-Link …“).
 */
export function pruefeAdresse(wert: string, art: Adressart, optionen: Adressoptionen = {}): Adresspruefung {
  if (typeof wert !== 'string') return { ok: false, erwartet: ERWARTET[art], gefunden: 'keinen Text' };
  if (art === 'muster') {
    const beispiel = pruefeAdresse(wert.replaceAll('{pfad}', 'kapitel/vorwort.mdx'), 'extern');
    if (!beispiel.ok) return nein(art, wert, beispiel.gefunden.replace(/^„[^“]*“ – /, ''));
    return wert.includes('{pfad}') ? beispiel : nein(art, wert, 'ohne den Platzhalter {pfad}');
  }
  const t = trick(wert);
  if (t) return nein(art, wert, t);
  const schema = SCHEMA.exec(wert)?.[1]?.toLowerCase();
  if (art === 'email') {
    if (schema && GEFAEHRLICH[schema]) return nein(art, wert, GEFAEHRLICH[schema]);
    if (schema === 'http' || schema === 'https') return nein(art, wert, 'eine Webadresse, wo eine E-Mail-Adresse gemeint ist');
    if (schema === 'mailto') return nein(art, wert, '„mailto:“ vor der Adresse (die Website setzt es selbst davor)');
    if (schema) return nein(art, wert, `eine Adresse mit dem Schema „${schema}:“`);
    if (!E_MAIL.safeParse(wert).success) return nein(art, wert, 'keine E-Mail-Adresse (name@server.de)');
    return pruefeAdresse(`mailto:${wert}`, 'kontakt').ok ? { ok: true } : nein(art, wert, 'keine E-Mail-Adresse (name@server.de)');
  }
  if (schema === undefined) {
    if (art === 'extern' || art === 'website') return nein(art, wert, 'keine vollständige Adresse (es fehlt „https://“ und der Server)');
    if (art === 'kontakt') return nein(art, wert, 'weder mailto: noch tel:');
    if (!bleibtAufDerSeite(wert)) return nein(art, wert, 'ein Pfad, der die Website verlässt');
    if (art === 'seite' && !wert.startsWith('/')) return nein(art, wert, 'kein Pfad, der mit „/“ beginnt');
    return { ok: true };
  }
  if (GEFAEHRLICH[schema]) return nein(art, wert, GEFAEHRLICH[schema]);
  if (schema === 'mailto' || schema === 'tel') {
    if (art !== 'link' && art !== 'kontakt' && art !== 'ausgabe') return nein(art, wert, `eine ${schema}:-Adresse, wo ${art === 'bild' ? 'ein Bild' : 'eine Webadresse'} gemeint ist`);
    if (schema === 'tel' && !/^tel:\+?[0-9][0-9()./-]*$/i.test(wert)) return nein(art, wert, 'eine Telefonnummer mit anderen Zeichen als Ziffern, +, -, /, ., ( und )');
    if (schema === 'mailto' && !/^mailto:[^@?]+@[^@?]+(\?.*)?$/i.test(wert)) return nein(art, wert, 'eine mailto:-Adresse ohne gültige E-Mail-Adresse');
    return { ok: true };
  }
  if (schema !== 'https' && schema !== 'http') return nein(art, wert, `eine Adresse mit dem Schema „${schema}:“`);
  if (art === 'bild' || art === 'seite') return nein(art, wert, 'eine fremde Adresse');
  if (art === 'kontakt') return nein(art, wert, 'eine Webadresse, wo eine E-Mail-Adresse oder Telefonnummer gemeint ist');
  if (!URL.canParse(wert)) return nein(art, wert, 'keine gültige Adresse');
  const url = new URL(wert);
  if (!/^[a-z][a-z]*:\/\/[^/]/i.test(wert) || url.hostname === '') return nein(art, wert, 'eine Adresse ohne Server nach „//“');
  if (url.username || url.password) return nein(art, wert, 'Zugangsdaten in der Adresse („name@“ vor dem Server)');
  if (schema === 'http') {
    const eigen = art === 'ausgabe' && (optionen.eigeneUrspruenge ?? []).some((u) => URL.canParse(u) && new URL(u).host === url.host);
    if (!eigen) return nein(art, wert, 'eine unverschlüsselte Adresse (http://)');
  }
  if (art === 'website') {
    if (url.search || wert.includes('?')) return nein(art, wert, 'eine Adresse mit „?“');
    if (url.hash || wert.includes('#')) return nein(art, wert, 'eine Adresse mit „#“');
    // The path as written, before URL would resolve „..“ or keep a percent-encoding.
    const teile = wert.replace(/^https:\/\/[^/]*/i, '').split('/');
    if (!teile.every((teil) => teil === '' || (/^[A-Za-z0-9._~-]+$/.test(teil) && !/^\.+$/.test(teil)))) {
      return nein(art, wert, 'einen Pfad mit anderen Zeichen als Buchstaben, Ziffern und - . _ ~');
    }
  }
  return { ok: true };
}

/**
 * A file path of the repository as part of an address (the `{pfad}` of quelltext.bearbeiten):
 * characters an address cannot hold as they are (spaces, quotes, „#“, „?“, „%“, backslashes,
 * control characters) percent-encoded, letters of any language kept.
 */
export function pfadInAdresse(pfad: string): string {
  return pfad.replace(/[\s"'<>\\^`{|}#?%\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu, (c) => encodeURIComponent(c));
}

/** Registry of every schema that holds an address, with its kind: how tests and the JSON-schema generator find them. */
export const ADRESSFELDER = z.registry<{ adresse: Adressart }>();

/** The German „gefunden“ of an address problem, carried on the zod issue (see parseEntry in validate.ts). */
export const GEFUNDEN_PARAM = 'gefunden';
/** How to fix it, carried on the zod issue the same way. */
export const HINWEIS_PARAM = 'hinweis';

const HTTPS_HINWEIS = 'Die Seite im Browser öffnen und ihre Adresse aus der Adresszeile kopieren: Sie beginnt mit https://.';

/** How an editor fixes an address of this kind, in one German sentence. */
export const ADRESSHINWEIS: Record<Adressart, string> = {
  extern: HTTPS_HINWEIS,
  website: 'Die Adresse eintragen, unter der die Website erscheint, z. B. „https://mep.stadt.de/“ oder „https://stadt.github.io/mep/“.',
  muster: 'Die Adresse einer Datei im Repository kopieren (sie beginnt mit https://) und ihren Pfad durch {pfad} ersetzen.',
  link: `${HTTPS_HINWEIS} Für eine Seite dieser Website den Pfad ab „/“ schreiben, z. B. /kapitel/vorwort/.`,
  kontakt: 'mailto: mit einer E-Mail-Adresse oder tel: mit einer Telefonnummer schreiben.',
  email: 'Nur die E-Mail-Adresse selbst eintragen, z. B. schule@stadt.de (ohne mailto: und ohne Leerzeichen).',
  bild: 'Die Datei in den Plan legen und mit ihrem Pfad ab „/“ einbinden.',
  seite: 'Den Pfad der Seite ab „/“ schreiben, z. B. /kapitel/vorwort/.',
  ausgabe: 'Die Vorlage oder Komponente prüfen, die diese Adresse schreibt.',
};

/**
 * A zod schema for a field holding an address of kind `art`: text that passes `pruefeAdresse`,
 * registered in ADRESSFELDER.
 */
export function adresse(art: Exclude<Adressart, 'ausgabe'>) {
  const schema = z.string({ error: ERWARTET[art] }).superRefine((wert, ctx) => {
    const ergebnis = pruefeAdresse(wert, art);
    if (!ergebnis.ok) ctx.addIssue({ code: 'custom', message: ergebnis.erwartet, input: wert, params: { [GEFUNDEN_PARAM]: ergebnis.gefunden, [HINWEIS_PARAM]: ADRESSHINWEIS[art] } });
  });
  ADRESSFELDER.add(schema, { adresse: art });
  return schema;
}
