/**
 * Tables and charts as readers see them, measured in the browser (tests/site/telefon.test.ts
 * measures them on the pages it walks at 375 and 1280 px; tests/site/tabellen.test.ts checks the
 * frames in the HTML):
 * - no table cell is hidden without a sign: it lies inside its frame's visible box, or the frame
 *   is wider than that and shows its cue (the shadow at the right edge and the line of text);
 *   the row headers stay in view when the table is scrolled to its end; a table that fits shows
 *   no cue;
 * - chart text is at least 12 px as drawn on the phone (font size × the SVG's scale), exactly
 *   one variant of each chart is shown, and no two labels of a chart overlap each other or a
 *   point marker.
 * The data tables under the charts are opened first, so they are checked too. Pages whose text
 * has a table written in Markdown are added to the pages checked in the browser.
 */
import { seite } from '../../src/plan/urls.ts';
import type { Beispielplan } from './plaene.ts';

/** The smallest chart text readers get on a phone, in CSS px. */
export const MIN_SCHRIFT = 12;

export interface Befund {
  /** Frames and what was found in them. */
  tabellen: { name: string; breit: boolean; hinweis: boolean; schatten: boolean; verdeckt: string[]; kopfWeg: string[]; ausserhalb: boolean }[];
  /** Chart text: the smallest size as drawn, with its text. */
  schrift: { groesse: number; text: string }[];
  /** Charts with two variants where not exactly one is shown. */
  varianten: number[];
  /** Overlapping labels and markers, as text. */
  ueberlappungen: string[];
}

/** Runs in the page: measures every table frame and every chart as shown. */
export async function vermessen(): Promise<Befund> {
  for (const d of document.querySelectorAll('details')) if (d.querySelector('.tabelle')) d.open = true;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const sichtbar = (e: Element) => e.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  const kurz = (e: Element) => (e.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);

  const tabellen: Befund['tabellen'] = [];
  for (const rahmen of document.querySelectorAll<HTMLElement>('.tabelle')) {
    if (!sichtbar(rahmen)) continue;
    rahmen.scrollLeft = 0;
    const box = rahmen.getBoundingClientRect();
    const links = box.left + rahmen.clientLeft;
    const rechts = links + rahmen.clientWidth;
    const stil = getComputedStyle(rahmen);
    const hinweisEl = rahmen.querySelector('.tabelle-hinweis');
    const hinweisBox = hinweisEl?.getBoundingClientRect();
    const hinweis = !!hinweisEl && sichtbar(hinweisEl) && (hinweisBox?.height ?? 0) > 0 && (hinweisBox?.left ?? -1) >= links - 1 && (hinweisBox?.right ?? Infinity) <= rechts + 1;
    // The shadow: a cover that scrolls with the table over a shadow fixed at the frame's edge.
    const schatten = /gradient/.test(stil.backgroundImage) && stil.backgroundAttachment.includes('local') && stil.backgroundAttachment.includes('scroll');
    const verdeckt = [...rahmen.querySelectorAll('th, td')].flatMap((zelle) => {
      const r = zelle.getBoundingClientRect();
      return r.width > 0 && (r.left < links - 1 || r.right > rechts + 1) ? [kurz(zelle) || `(leere ${zelle.tagName.toLowerCase()})`] : [];
    });
    // Scrolled to the end: every row header still starts inside the frame (one over several
    // columns, the label of a sum, stays where it is, next to its value).
    rahmen.scrollLeft = rahmen.scrollWidth;
    const kopfWeg = [...rahmen.querySelectorAll('th[scope="row"]:not([colspan])')].flatMap((kopf) => {
      const r = kopf.getBoundingClientRect();
      return r.left < links - 1 || r.left > rechts - 16 ? [kurz(kopf)] : [];
    });
    rahmen.scrollLeft = 0;
    tabellen.push({
      name: rahmen.getAttribute('aria-label') ?? '',
      breit: rahmen.scrollWidth > rahmen.clientWidth,
      hinweis,
      schatten,
      verdeckt,
      kopfWeg,
      ausserhalb: box.left < -1 || box.right > document.documentElement.clientWidth + 1,
    });
  }

  const schrift: Befund['schrift'] = [];
  const ueberlappungen: string[] = [];
  for (const svg of document.querySelectorAll<SVGSVGElement>('svg.pw-diagramm')) {
    if (!sichtbar(svg)) continue;
    const texte = [...svg.querySelectorAll('text')].filter((t) => (t.textContent ?? '').trim() !== '');
    for (const t of texte) {
      const massstab = t.getScreenCTM()?.a ?? 0;
      schrift.push({ groesse: parseFloat(getComputedStyle(t).fontSize) * massstab, text: kurz(t) });
    }
    // Labels must not overlap each other or a point marker (the actor map draws its own boxes).
    if (svg.classList.contains('pw-akteurslandkarte')) continue;
    const id = svg.getAttribute('aria-labelledby')?.split(' ')[0] ?? '';
    const boxen = texte.map((t) => ({ name: kurz(t), r: t.getBoundingClientRect() }));
    const marken = [...svg.querySelectorAll('.pw-punkt, .pw-markierung')].map((m) => ({ name: 'Punkt', r: m.getBoundingClientRect() }));
    const schneiden = (a: DOMRect, b: DOMRect) => a.left + 0.5 < b.right && b.left + 0.5 < a.right && a.top + 0.5 < b.bottom && b.top + 0.5 < a.bottom;
    boxen.forEach((a, i) => {
      for (const b of [...boxen.slice(i + 1), ...marken]) {
        if (schneiden(a.r, b.r)) ueberlappungen.push(`${id}: „${a.name}“ und „${b.name}“`);
      }
    });
  }

  const varianten = [...document.querySelectorAll('.diagramm-varianten')]
    .map((v) => [...v.querySelectorAll('svg.pw-diagramm')].filter(sichtbar).length)
    .filter((n) => n !== 1);
  return { tabellen, schrift, varianten, ueberlappungen };
}

/** Pages whose own text (MDX) has a table written in Markdown. */
export function seitenMitTextTabellen(plan: Beispielplan): string[] {
  const model = plan.modell();
  return [
    ...model.kapitel.filter((k) => k.inhalt?.html.includes('<table')).map((k) => seite.kapitel(k.id)),
    ...model.handlungsfelder.filter((h) => h.inhalt?.html.includes('<table')).map((h) => seite.handlungsfeld(h.id)),
    ...model.massnahmen.filter((m) => m.inhalt?.html.includes('<table')).map((m) => seite.massnahme(m.id)),
  ];
}

/** What is wrong in the findings of the pages measured at one width, and how much there was to check. */
export function tabellenFehler(befunde: [pfad: string, befund: Befund][], telefon: boolean) {
  const fehler: string[] = [];
  let breiteTabellen = 0;
  let schmaleTabellen = 0;
  let diagrammTexte = 0;
  for (const [pfad, befund] of befunde) {
    for (const t of befund.tabellen) {
      const wo = `${pfad} „${t.name}“`;
      if (t.ausserhalb) fehler.push(`${wo}: der Rahmen ragt über das Fenster hinaus`);
      if (t.verdeckt.length > 0 && !t.breit) fehler.push(`${wo}: Zellen verdeckt, ohne dass der Rahmen scrollt: ${t.verdeckt.join(', ')}`);
      if (t.breit) {
        breiteTabellen += 1;
        if (!t.hinweis) fehler.push(`${wo}: breiter als der Rahmen, aber kein sichtbarer Hinweis`);
        if (!t.schatten) fehler.push(`${wo}: breiter als der Rahmen, aber kein Schatten am Rand`);
        if (t.kopfWeg.length > 0) fehler.push(`${wo}: nach dem Verschieben nicht mehr zu sehen: ${t.kopfWeg.join(', ')}`);
      } else {
        schmaleTabellen += 1;
        if (t.hinweis) fehler.push(`${wo}: passt in den Rahmen, zeigt aber den Hinweis`);
      }
    }
    if (telefon) {
      for (const s of befund.schrift) {
        diagrammTexte += 1;
        if (s.groesse < MIN_SCHRIFT - 0.01) fehler.push(`${pfad}: Diagrammtext „${s.text}“ nur ${s.groesse.toFixed(1)} px`);
      }
    }
    if (befund.varianten.length > 0) fehler.push(`${pfad}: ${befund.varianten.join(', ')} statt genau einer Fassung eines Diagramms sichtbar`);
    for (const u of befund.ueberlappungen) fehler.push(`${pfad}: ${u} überlappen sich`);
  }
  return { fehler, breiteTabellen, schmaleTabellen, diagrammTexte };
}
