/**
 * `planwerk pruefen-site` as a library: runs every check of the built site and returns one
 * report per check. The checks that read files (links and anchors, the anchor register, the PDF)
 * run while Chromium works through the pages of the axe check, so the whole takes about as long
 * as the slowest part.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { basisDesPlans } from '../../plan/urls.ts';
import { kommuneDerSite } from '../../ausgabe/anker.ts';
import { anzahl, gemessen, type Pruefbericht } from './befunde.ts';
import { gebauteSeiten, seitentypen, type GebauteSeite } from './seiten.ts';
import { adresseDerSite, linkUmfang, pruefeLinks } from './links.ts';
import { pruefeAnkerregister } from './ankerregister.ts';
import { pdfUmfang, pruefePdf } from './pdf.ts';
import { pruefeBarrierefreiheit, type Seitenwahl } from './barrierefreiheit.ts';
import { starteServer } from './server.ts';

export interface Siteoptionen {
  /** The output folder of the build. */
  dist: string;
  /** The plan's folder (plan.yaml, anker.json), and how messages name it. */
  inhalt: string;
  angezeigt: string;
  /** The base path the site was built for, if not the one of plan.yaml's `website` (--basis, PLANWERK_BASIS). */
  basis?: string;
  /** The Chromium for the axe check; undefined skips it with a note. */
  chrome?: string;
  /** Why there is no Chromium, for the note. */
  ohneBrowser?: string;
}

/** plan.yaml's `website`, if the plan names one. */
export function websiteDesPlans(inhalt: string): string | undefined {
  const datei = join(inhalt, 'plan.yaml');
  if (!existsSync(datei)) return undefined;
  const website = (parseYaml(readFileSync(datei, 'utf8')) as { website?: unknown } | null)?.website;
  return typeof website === 'string' ? website : undefined;
}

/** The page of each type that the axe check visits: the first of each; the search page with a query for its results. */
export function seitenZurPruefung(seiten: readonly GebauteSeite[], suchbegriff?: string): Seitenwahl[] {
  const gewicht = new Map(seiten.map((s) => [s.pfad, s.bytes]));
  return [...seitentypen(seiten)].map(([typ, [pfad]]) => ({
    pfad: pfad!,
    gewicht: gewicht.get(pfad!),
    ...(typ === 'suche/[...seite].astro' && suchbegriff ? { anfrage: `?q=${encodeURIComponent(suchbegriff)}`, warteAuf: 'main .suche-treffer a[href]' } : {}),
  }));
}

/** The axe check over a local server, or a report that says why it was skipped. */
async function barrierefreiheit(o: Siteoptionen, basis: string, seiten: readonly GebauteSeite[]): Promise<Pruefbericht> {
  return gemessen('Barrierefreiheit mit axe-core', async () => {
    const wahl = seitenZurPruefung(seiten, kommuneDerSite(o.dist));
    if (!o.chrome) return { befunde: [], hinweise: [], umfang: `${anzahl(wahl.length, 'Seitentyp', 'Seitentypen')}`, uebersprungen: o.ohneBrowser ?? 'kein Chromium' };
    const server = await starteServer(o.dist, basis);
    try {
      const befunde = await pruefeBarrierefreiheit(o.chrome, server.adresse, wahl);
      return { befunde, hinweise: [], umfang: `${anzahl(wahl.length, 'Seitentyp', 'Seitentypen')}, hell und dunkel` };
    } finally {
      await server.stop();
    }
  });
}

/** Runs every check on the build in `o.dist`. */
export async function pruefeSite(o: Siteoptionen): Promise<Pruefbericht[]> {
  const website = websiteDesPlans(o.inhalt);
  const basis = basisDesPlans(website, o.basis);
  let seiten: GebauteSeite[] = [];
  const links = await gemessen('Links und Anker', () => {
    seiten = gebauteSeiten(o.dist);
    const { befunde, links } = pruefeLinks(o.dist, seiten, adresseDerSite(website, basis));
    return { befunde, hinweise: [], umfang: linkUmfang(seiten.length, links) };
  });
  // Chromium works through its pages while the register and the PDF are read.
  const axe = barrierefreiheit(o, basis, seiten);
  // Awaited below; a failure to start Chromium must not count as unhandled before then.
  axe.catch(() => undefined);
  const register = await gemessen('Ankerregister', () => {
    const r = pruefeAnkerregister(o.dist, o.inhalt, o.angezeigt);
    const umfang = `${anzahl(r.seiten, 'Seite', 'Seiten')}, ${anzahl(r.anker, 'Anker', 'Anker')}`;
    return { befunde: r.befunde, hinweise: r.hinweise, umfang, ...(r.ohneRegister ? { uebersprungen: 'kein Ankerregister' } : {}) };
  });
  const pdf = await gemessen('PDF der Druckfassung', async () => {
    const r = await pruefePdf(o.dist, website);
    return { befunde: r.befunde, hinweise: r.hinweise, umfang: pdfUmfang(r.seiten) };
  });
  return [links, register, await axe, pdf];
}
