/**
 * The Atom feed of the plan's changes (/aenderungen/atom.xml), so that readers, schools and
 * the press can follow the plan in a feed reader: one entry per change note a page carries
 * (`aenderungshinweis`), and one for the Fassung the site shows, with what changed since the
 * Fassung before it. Everything comes from the plan; nothing is dated by the build.
 *
 * Dates stay as precise as the plan gives them (src/plan/datum.ts). Atom requires a full timestamp
 * in <updated> (RFC 4287, 3.3), so a change dated only by month or year is stamped with the first
 * day of its period there, at midnight UTC; every text a reader sees (title, summary) says the
 * period as the plan gives it („Beschlossen im März 2026“), never that day.
 */
import type { PlanModel } from '../plan/model.ts';
import { aenderungshinweise, vergleiche } from '../rechnen/aenderungen.ts';
import { seite, mitBasis } from '../plan/urls.ts';
import { beginn, datumImSatz, vergleicheDaten } from '../plan/datum.ts';
import { aufzaehlung } from '../rechnen/kennzahlen.ts';

export interface FeedEintrag {
  id: string;
  titel: string;
  /** The plan's date: a day, month or year (src/plan/datum.ts). */
  datum: string;
  /** Site path of the page the entry is about. */
  pfad: string;
  text: string;
}

/** The feed's entries, newest first. */
export function feedEintraege(model: Pick<PlanModel, 'plan' | 'kapitel' | 'handlungsfelder' | 'massnahmen' | 'fassungen'>): FeedEintrag[] {
  const eintraege: FeedEintrag[] = aenderungshinweise(model).map((h) => ({ id: `${h.pfad}#geaendert-${h.datum}`, titel: `Geändert: ${h.titel}`, datum: h.datum, pfad: h.pfad, text: h.text }));
  const { fassung, beschluss } = model.plan;
  if (fassung && beschluss) {
    const vorige = [...model.fassungen].sort((a, b) => vergleicheDaten(b.data.beschlossen, a.data.beschlossen))[0];
    let text = `Beschlossen ${datumImSatz(beschluss.datum, 'am')} (${beschluss.gremium}) als ${fassung.nummer}. Fassung des Plans.`;
    if (vorige) {
      const v = vergleiche(model, vorige);
      const teile = [
        [v.neu.length, 'neue Maßnahme', 'neue Maßnahmen'],
        [v.abgeschlossen.length, 'abgeschlossene Maßnahme', 'abgeschlossene Maßnahmen'],
        [v.statusGeaendert.length, 'Maßnahme mit neuem Status', 'Maßnahmen mit neuem Status'],
        [v.entfallen.length, 'entfallene Maßnahme', 'entfallene Maßnahmen'],
      ] as const;
      const zahlen = teile.filter(([n]) => n > 0).map(([n, eins, viele]) => `${n} ${n === 1 ? eins : viele}`);
      text += ` Gegenüber der Fassung „${vorige.data.name}“: ${zahlen.length > 0 ? aufzaehlung(zahlen) : 'keine Änderungen an den Maßnahmen'}.`;
    }
    eintraege.push({ id: `${seite.aenderungen()}#fassung-${fassung.nummer}`, titel: `Beschlossen: ${fassung.name}`, datum: beschluss.datum, pfad: seite.aenderungen(), text });
  }
  return eintraege.sort((a, b) => vergleicheDaten(b.datum, a.datum) || a.titel.localeCompare(b.titel, 'de'));
}

/** An Atom timestamp for a plan date: the first day of its period (see the comment at the top). */
const atomZeit = (datum: string) => `${beginn(datum)}T00:00:00Z`;

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The feed as Atom XML; addresses are absolute, under the site's address and base path. */
export function atomFeed(model: Pick<PlanModel, 'plan' | 'kapitel' | 'handlungsfelder' | 'massnahmen' | 'fassungen' | 'basis'>, site: URL): string {
  const adresse = (pfad: string) => new URL(mitBasis(pfad, model.basis), site).href;
  const eintraege = feedEintraege(model);
  const titel = [model.plan.titel, model.plan.kommune].filter(Boolean).join(' – ');
  const aktualisiert = [model.plan.stand, ...eintraege.map((e) => e.datum)].sort(vergleicheDaten).at(-1)!;
  const zeilen = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="de">',
    `  <title>${xml(`Änderungen: ${titel}`)}</title>`,
    `  <id>${xml(adresse('/aenderungen/atom.xml'))}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(adresse('/aenderungen/atom.xml'))}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(adresse(seite.aenderungen()))}"/>`,
    `  <updated>${atomZeit(aktualisiert)}</updated>`,
    `  <author><name>${xml(model.plan.herausgeber?.name ?? model.plan.kommune)}</name></author>`,
    ...eintraege.flatMap((e) => [
      '  <entry>',
      `    <title>${xml(e.titel)}</title>`,
      `    <id>${xml(adresse(e.id))}</id>`,
      `    <link rel="alternate" type="text/html" href="${xml(adresse(e.pfad))}"/>`,
      `    <updated>${atomZeit(e.datum)}</updated>`,
      `    <summary>${xml(e.text)}</summary>`,
      '  </entry>',
    ]),
    '</feed>',
    '',
  ];
  return zeilen.join('\n');
}
