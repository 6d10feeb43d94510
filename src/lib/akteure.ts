/** Relations and responsibilities of an Akteur, in both directions. */
import type { PlanModel, Entry } from './model.ts';
import { EBENEN } from './schemas.ts';
import { byCode } from './massnahmen.ts';

export interface Beziehung {
  typ: string;
  /** The other actor. */
  akteur: Entry<'akteure'>;
  /** "aus": this actor → other; "ein": other → this actor. */
  richtung: 'aus' | 'ein';
  hinweis?: string;
}

export function beziehungen(model: PlanModel, id: string): Beziehung[] {
  const find = (x: string) => model.akteure.find((a) => a.id === x)!;
  const self = find(id);
  const aus = self.data.beziehungen.map((b) => ({ typ: b.typ, akteur: find(b.ziel.id), richtung: 'aus' as const, hinweis: b.hinweis }));
  const ein = model.akteure.flatMap((a) =>
    a.data.beziehungen.filter((b) => b.ziel.id === id).map((b) => ({ typ: b.typ, akteur: a, richtung: 'ein' as const, hinweis: b.hinweis })),
  );
  return [...aus, ...ein];
}

export function zustaendigkeiten(model: PlanModel, id: string) {
  return {
    verantwortlich: model.massnahmen.filter((m) => m.data.verantwortlich.some((r) => r.id === id)).sort(byCode),
    partner: model.massnahmen.filter((m) => m.data.partner.some((r) => r.id === id)).sort(byCode),
    handlungsfelder: model.handlungsfelder.filter((h) => h.data.verantwortlich.some((r) => r.id === id)),
    gremien: model.akteure.filter((a) => a.data.gremium?.mitglieder.some((r) => r.id === id)),
  };
}

/** Actors grouped by Ebene, in the order of EBENEN, empty groups left out. */
export function nachEbene(model: PlanModel) {
  return EBENEN.map((ebene) => ({
    ebene,
    akteure: model.akteure.filter((a) => a.data.ebene === ebene).sort((a, b) => a.data.name.localeCompare(b.data.name, 'de')),
  })).filter((g) => g.akteure.length > 0);
}
