/**
 * One actor's relations as a picture, drawn at build time to static SVG: the actor in the
 * middle, the partners that act on it above, the partners it acts on below, each edge
 * labelled with the kind of relation. One column of rows, so it reads the same on a phone
 * (text at least 12 px at 288 px width) as on a desktop, and no two labels can collide.
 * Solid edges run between Ebenen (or the plan's groups of different Stufe), dashed ones within;
 * an edge to or from an actor without a group is not classified and drawn plain (solid), without
 * the class of either kind. The list under the picture names the kind where there is one.
 */
import { checkId, el, esc, lines, num, text, wrap } from './svg.ts';

export interface NetzKante {
  /** The other actor. */
  name: string;
  /** The kind of relation, as the plan names it ("berät"). */
  typ: string;
  /** 'aus': this actor → the other; 'ein': the other → this actor. */
  richtung: 'aus' | 'ein';
  /** Left out where this actor or the other has no group. */
  art?: 'vertikal' | 'horizontal';
}

export interface NetzInput {
  /** Prefix of the ids in the SVG. */
  id: string;
  /** The actor's name, and the short name used in the group headings. */
  name: string;
  kurz: string;
  kanten: NetzKante[];
}

/** ViewBox width: shown at 288 px (a 320 px phone) the text is still FONT × 288 / WIDTH = 12 px. */
export const NETZ_WIDTH = 336;
const FONT = 14;
const LINE = 18;
const ASCENT = 13;
const SPINE = 18;
const BOX_X = 146;
const BOX_W = NETZ_WIDTH - BOX_X - 4;
const PAD = 6;
const ROW_GAP = 10;

interface Zeile {
  kante: NetzKante;
  name: string[];
  typ: string[];
  hoehe: number;
}

function zeile(kante: NetzKante): Zeile {
  const name = wrap(kante.name, BOX_W - 2 * PAD, FONT);
  const typ = wrap(kante.typ, BOX_X - SPINE - 16, FONT);
  // The label stands on the edge: its first half above the line, the rest below, never across it.
  const oben = Math.ceil(typ.length / 2);
  return { kante, name, typ, hoehe: Math.max(name.length * LINE + 2 * PAD, 2 * Math.max(oben, typ.length - oben) * LINE + 8) };
}

/** The SVG of one actor's relations, or undefined when it has none. */
export function akteurNetz(input: NetzInput): string | undefined {
  if (input.kanten.length === 0) return undefined;
  checkId(input.id);
  const ein = input.kanten.filter((k) => k.richtung === 'ein').map(zeile);
  const aus = input.kanten.filter((k) => k.richtung === 'aus').map(zeile);
  const teile: string[] = [];
  let y = 4;

  const ueberschrift = (wert: string) => {
    // Right of the spine, which runs past it.
    teile.push(text(SPINE + 8, y + ASCENT, wert, { class: 'pw-netz-gruppe' }));
    y += LINE + 4;
  };
  /** Rows of one group; returns the vertical extent of its edges on the spine. */
  const reihen = (liste: Zeile[], richtung: 'ein' | 'aus'): { von: number; bis: number } => {
    let von = Infinity;
    let bis = -Infinity;
    for (const z of liste) {
      const mitte = y + z.hoehe / 2;
      von = Math.min(von, mitte);
      bis = Math.max(bis, mitte);
      const klasse = z.kante.art ? `pw-netz-kante pw-netz-${z.kante.art}` : 'pw-netz-kante';
      // The edge: from the spine to the box (outgoing, arrow at the partner) or from the box to the spine (incoming).
      teile.push(el('line', richtung === 'aus' ? { x1: SPINE, y1: mitte, x2: BOX_X - 2, y2: mitte, class: klasse, 'marker-end': `url(#${input.id}-pfeil)` } : { x1: BOX_X, y1: mitte, x2: SPINE, y2: mitte, class: klasse }));
      const oben = Math.ceil(z.typ.length / 2);
      z.typ.forEach((zeile, i) => {
        const y0 = i < oben ? mitte - 5 - (oben - 1 - i) * LINE : mitte + ASCENT + 3 + (i - oben) * LINE;
        teile.push(text(SPINE + 8, y0, zeile, { class: 'pw-netz-typ' }));
      });
      teile.push(el('rect', { x: BOX_X, y, width: BOX_W, height: z.hoehe, rx: 4, class: 'pw-netz-partner' }));
      teile.push(lines(BOX_X + PAD, y + PAD + ASCENT, z.name, { class: 'pw-netz-name' }, LINE));
      y += z.hoehe + ROW_GAP;
    }
    return { von, bis };
  };

  if (ein.length > 0) {
    ueberschrift(`Andere → ${input.kurz}`);
    const { von } = reihen(ein, 'ein');
    // The spine carries the incoming edges down to the actor.
    teile.push(el('line', { x1: SPINE, y1: von, x2: SPINE, y2: y - 2, class: 'pw-netz-kante', 'marker-end': `url(#${input.id}-pfeil)` }));
    y += 4;
  }

  const mitteName = wrap(input.name, NETZ_WIDTH - 8 - 2 * PAD, FONT, true);
  const mitteHoehe = mitteName.length * LINE + 2 * PAD;
  const mitteOben = y;
  teile.push(el('rect', { x: 4, y, width: NETZ_WIDTH - 8, height: mitteHoehe, rx: 6, class: 'pw-netz-mitte' }));
  teile.push(lines(4 + PAD, y + PAD + ASCENT, mitteName, { class: 'pw-netz-mitte-name' }, LINE));
  y += mitteHoehe + 8;

  if (aus.length > 0) {
    ueberschrift(`${input.kurz} → andere`);
    const { bis } = reihen(aus, 'aus');
    teile.push(el('line', { x1: SPINE, y1: mitteOben + mitteHoehe, x2: SPINE, y2: bis, class: 'pw-netz-kante' }));
  }

  const hoehe = Math.ceil(y);
  const titel = `Beziehungen von ${input.name}`;
  const beschreibung = `${ein.length} Beziehungen anderer Akteure zu ${input.kurz}, ${aus.length} von ${input.kurz} zu anderen; dieselben Angaben stehen in der Liste darunter.`;
  const pfeil = el('marker', { id: `${input.id}-pfeil`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, el('path', { d: 'M0,0 L10,5 L0,10 z', class: 'pw-netz-pfeil' }));
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="pw-netz" role="img" aria-labelledby="${esc(input.id)}-title ${esc(input.id)}-desc"` +
    ` viewBox="0 0 ${num(NETZ_WIDTH)} ${num(hoehe)}" width="100%" font-size="${FONT}">` +
    el('title', { id: `${input.id}-title` }, esc(titel)) +
    el('desc', { id: `${input.id}-desc` }, esc(beschreibung)) +
    el('defs', {}, pfeil) +
    teile.join('') +
    '</svg>'
  );
}
