/**
 * The vocabularies of a plan's fields (Status, Ebenen, Kostenarten …), the shapes of Maßnahmen
 * codes and the units of published finance tables.
 */
import { z } from 'astro/zod';

export const STATUS = ['geplant', 'in Umsetzung', 'abgeschlossen', 'zurückgestellt'] as const;
export type Status = (typeof STATUS)[number];
export const PRIORITAETEN = ['hoch', 'mittel', 'niedrig'] as const;
export const EBENEN = [
  'Land',
  'Schulaufsicht',
  'Schulträger',
  'kommunale Unterstützung',
  'schulintern',
  'Schule',
  'externe Dienstleister',
] as const;
/** Name of an actor group: one of EBENEN, or of the plan's own `akteursgruppen`. */
export type Ebene = string;
export const BEZIEHUNGSTYPEN = [
  'beaufsichtigt',
  'berät',
  'unterstützt',
  'beauftragt',
  'finanziert',
  'koordiniert',
  'berichtet an',
  'arbeitet zusammen mit',
  /** A written cooperation agreement (Kooperationsvereinbarung); its date and subject go in `datum` and `gegenstand`. */
  'kooperiert laut Vereinbarung mit',
] as const;
export const FORMATARTEN = ['Runder Tisch', 'Arbeitstreffen', 'Sprechstunde', 'Steuergruppe', 'Arbeitsgruppe', 'Konferenz', 'Fachtag'] as const;
export const BINDUNGEN = ['informell', 'öffentlich-rechtliche Vereinbarung', 'Zweckverband', 'Geschäftsordnung'] as const;
export const SUPPORTLEVEL = ['1st-Level', '2nd-Level', '3rd-Level'] as const;
export const ZUSTAENDIGKEITEN = ['pädagogisch', 'technisch', 'pädagogisch und technisch', 'organisatorisch'] as const;
export const KOSTENARTEN = ['Personal', 'Dienstleistungen', 'Lizenzen', 'Betrieb'] as const;
export const FINANZIERUNGSARTEN = ['Haushalt Investition', 'Haushalt Betrieb', 'Förderprogramm'] as const;
/** Tables whose yearly sums a council document may state (see summen.csv). */
export const SUMMEN_TABELLEN = ['Bedarf', 'Investitionen', 'Laufende Kosten', 'Finanzierung'] as const;
export const FOERDERSTATUS = ['beantragt', 'bewilligt', 'abgerufen', 'ausgezahlt'] as const;
/** How a plan states a target: „mindestens 80 %“, „höchstens 2 Tage“, „etwa 30 %“, „genau 100 %“. */
export const VERGLEICHE = ['mindestens', 'höchstens', 'etwa', 'genau'] as const;
export type Vergleich = (typeof VERGLEICHE)[number];

/**
 * The shapes a plan's Maßnahmen codes may take (plan.yaml `massnahmencodes.form`): letters,
 * dash and a padded number (S-07); letters and a number (T1, W43); dotted numbers (2.3.1).
 * Each pattern captures the letters (if any) as group 1.
 */
export const CODEFORMEN = {
  'S-07': { muster: /^([A-Z]{1,3})-(\d{1,3})$/, beispiel: 'S-07' },
  T1: { muster: /^([A-Z]{1,3})(\d{1,4})$/, beispiel: 'T1' },
  '2.3.1': { muster: /^()\d+(?:\.\d+)*$/, beispiel: '2.3.1' },
} as const;
export type Codeform = keyof typeof CODEFORMEN;
/** `keine`: the plan gives its Maßnahmen no codes; each is known by its file name (or `id`), which is never shown. */
export const OHNE_CODES = 'keine' as const;
/** Any code of any form: what the schema accepts before the plan's own form is checked. */
/** Also the file-name ids of a plan without codes (letters of any language, `_`), so Fassungen and aliases can name them. */
const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]*$/u;
export const codeSchema = z.string().regex(CODE, { error: 'einen Maßnahmen-Code wie „S-07“, „T1“ oder „2.3.1“' });

/** Units of published finance tables (finanzen.yaml), and what one unit is in cents. */
export const TABELLENEINHEITEN = { '€': 100, 'Tsd. €': 100_000, 'Mio. €': 100_000_000, '%': undefined } as const;
export type Tabelleneinheit = keyof typeof TABELLENEINHEITEN;
export const SPALTENARTEN = ['bedarf', 'finanzierung', 'anteil', 'wert', 'summe'] as const;
