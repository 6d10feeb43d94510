/**
 * Dates as precise as the plan: the one place that reads, shows and compares the dates a plan
 * gives. A date stays the text the plan wrote, in one of these forms:
 *
 * | Form        | Written      | Shown                 | Period                    |
 * | ----------- | ------------ | --------------------- | ------------------------- |
 * | Tag         | `2021-03-05` | 05.03.2021            | that day                  |
 * | Monat       | `2021-03`    | März 2021             | 01.03.–31.03.2021         |
 * | Jahr        | `2021`       | 2021                  | 01.01.–31.12.2021         |
 * | Quartal     | `2026-Q3`    | 3. Quartal 2026       | 01.07.–30.09.2026         |
 * | Schuljahr   | `2025/26`    | Schuljahr 2025/26     | 01.08.2025–31.07.2026     |
 *
 * Every plan date may be a day, a month or a year (`zeitangabe`); milestones may also be a quarter
 * or a school year (`termin`). A Schuljahr runs from 1 August to 31 July, as the school laws of
 * most Länder define it (e.g. § 7 SchulG NRW); only milestones take one, and only their order and
 * their place on the time axis depend on that.
 *
 * Nothing here adds a day the plan did not give: a month is shown as the month, compared as the
 * period it is (`beginn` … `ende`), and only machine formats that require a full day (the Atom
 * feed, see src/ausgabe/feed.ts) take the period's first day, never a text a reader sees.
 */
import { z } from 'astro/zod';

export type Genauigkeit = 'tag' | 'monat' | 'quartal' | 'jahr' | 'schuljahr';

/** A plan date taken apart: its form and the first and last day of its period (ISO days). */
export interface Zeitraum {
  art: Genauigkeit;
  jahr: number;
  beginn: string;
  ende: string;
}

const TAG = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONAT = /^(\d{4})-(\d{2})$/;
const JAHR = /^(\d{4})$/;
const QUARTAL = /^(\d{4})-Q([1-4])$/;
const SCHULJAHR = /^(\d{4})\/(\d{2})$/;

const zwei = (n: number) => String(n).padStart(2, '0');
/** Last day of a month (1–12) as an ISO day. */
const monatsende = (jahr: number, monat: number) => `${jahr}-${zwei(monat)}-${zwei(new Date(Date.UTC(jahr, monat, 0)).getUTCDate())}`;

/** A school year as plans write it: 2025/26 (the second year follows the first). */
export function istSchuljahr(value: string): boolean {
  const m = SCHULJAHR.exec(value);
  return Boolean(m && (Number(m[1]) + 1) % 100 === Number(m[2]));
}

/** Takes a date apart; undefined for anything that is none of the forms above. */
export function zerlege(d: string): Zeitraum | undefined {
  let m = TAG.exec(d);
  if (m) {
    const date = new Date(`${d}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== d) return undefined;
    return { art: 'tag', jahr: Number(m[1]), beginn: d, ende: d };
  }
  m = MONAT.exec(d);
  if (m) {
    const [jahr, monat] = [Number(m[1]), Number(m[2])];
    if (monat < 1 || monat > 12) return undefined;
    return { art: 'monat', jahr, beginn: `${d}-01`, ende: monatsende(jahr, monat) };
  }
  m = JAHR.exec(d);
  if (m) return { art: 'jahr', jahr: Number(m[1]), beginn: `${d}-01-01`, ende: `${d}-12-31` };
  m = QUARTAL.exec(d);
  if (m) {
    const [jahr, q] = [Number(m[1]), Number(m[2])];
    return { art: 'quartal', jahr, beginn: `${jahr}-${zwei(q * 3 - 2)}-01`, ende: monatsende(jahr, q * 3) };
  }
  if (istSchuljahr(d)) {
    const jahr = Number(d.slice(0, 4));
    return { art: 'schuljahr', jahr, beginn: `${jahr}-08-01`, ende: `${jahr + 1}-07-31` };
  }
  return undefined;
}

function zeitraum(d: string): Zeitraum {
  const z = zerlege(d);
  if (!z) throw new Error(`Kein Datum des Plans: „${d}“ (erwartet 2021, 2021-03, 2021-03-05, 2026-Q3 oder 2025/26)`);
  return z;
}

export const genauigkeit = (d: string): Genauigkeit => zeitraum(d).art;
/** First day of the period, as an ISO day (for comparisons, never for display). */
export const beginn = (d: string): string => zeitraum(d).beginn;
/** Last day of the period, as an ISO day (for comparisons, never for display). */
export const ende = (d: string): string => zeitraum(d).ende;
/** The calendar year the period begins in (a Schuljahr 2025/26: 2025). */
export const jahrVon = (d: string): number => zeitraum(d).jahr;

// ---------------------------------------------------------------------------
// Display (de-DE)

const tagFormat = new Intl.DateTimeFormat('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
const langerTag = new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monatFormat = new Intl.DateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
const utc = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A plan date as readers see it: 05.03.2021, März 2021, 2021, 3. Quartal 2026, Schuljahr 2025/26. */
export function formatDatum(d: string): string {
  const z = zeitraum(d);
  switch (z.art) {
    case 'tag':
      return tagFormat.format(utc(d));
    case 'monat':
      return monatFormat.format(utc(z.beginn));
    case 'jahr':
      return String(z.jahr);
    case 'quartal':
      return `${d.slice(-1)}. Quartal ${z.jahr}`;
    case 'schuljahr':
      return `Schuljahr ${d}`;
  }
}

/** Like formatDatum, with the month of a day written out: 5. März 2021. */
export function formatDatumLang(d: string): string {
  return genauigkeit(d) === 'tag' ? langerTag.format(utc(d)) : formatDatum(d);
}

/**
 * The words before a date in a sentence, as its form needs them: „am 05.03.2021“, „im März 2021“,
 * „im Jahr 2021“; for a deadline („bis …“): „bis zum 05.03.2021“, „bis Ende März 2021“, „bis Ende
 * 2021“, „bis zum Ende des 3. Quartals 2026“. `text` is the date itself (for a `<time>` element).
 */
export function imSatz(d: string, art: 'am' | 'bis'): { vor: string; text: string } {
  const z = zeitraum(d);
  if (art === 'am') {
    if (z.art === 'tag') return { vor: 'am', text: formatDatum(d) };
    return { vor: z.art === 'jahr' ? 'im Jahr' : 'im', text: formatDatum(d) };
  }
  switch (z.art) {
    case 'tag':
      return { vor: 'bis zum', text: formatDatum(d) };
    case 'monat':
    case 'jahr':
      return { vor: 'bis Ende', text: formatDatum(d) };
    case 'quartal':
      return { vor: 'bis zum Ende des', text: `${d.slice(-1)}. Quartals ${z.jahr}` };
    case 'schuljahr':
      return { vor: 'bis zum Ende des', text: `Schuljahrs ${d}` };
  }
}

/** `imSatz` as one text: „im März 2021“. */
export function datumImSatz(d: string, art: 'am' | 'bis'): string {
  const { vor, text } = imSatz(d, art);
  return `${vor} ${text}`;
}

/**
 * The value of a `<time datetime>` attribute: HTML's valid date strings include a year („2021“),
 * a month („2021-03“) and a day; a quarter and a school year have none, so their element goes
 * without the attribute (undefined).
 */
export function datetimeAttr(d: string): string | undefined {
  const art = genauigkeit(d);
  return art === 'tag' || art === 'monat' || art === 'jahr' ? d : undefined;
}

// ---------------------------------------------------------------------------
// Comparison

/**
 * Sort order of plan dates: by the first day of their period, then the more precise first (the
 * shorter period: the day before its month, the month before its quarter and year). Use `-vergleicheDaten(a, b)` for
 * newest first.
 */
export function vergleicheDaten(a: string, b: string): number {
  const x = zeitraum(a);
  const y = zeitraum(b);
  return x.beginn < y.beginn ? -1 : x.beginn > y.beginn ? 1 : x.ende < y.ende ? -1 : x.ende > y.ende ? 1 : 0;
}

/** Whether the period of `a` ends before the period of `b` begins (wholly earlier). */
export function vor(a: string, b: string): boolean {
  return ende(a) < beginn(b);
}

/** Whether the period of `a` begins after the period of `b` ends (wholly later). */
export function nach(a: string, b: string): boolean {
  return beginn(a) > ende(b);
}

/** Whether the period of `a` is over by the end of the period of `b` (a milestone reached by the plan's Stand). */
export function bisEnde(a: string, b: string): boolean {
  return ende(a) <= ende(b);
}

/**
 * Whether a deadline has passed on `tag` (an ISO day): a deadline is due at the END of its period,
 * so a review due „2026-09“ is overdue from 1 October 2026 on.
 */
export function istVerstrichen(frist: string, tag: string): boolean {
  return ende(frist) < tag;
}


// ---------------------------------------------------------------------------
// Machine formats

/** XSD type of a date in linked data (DCAT-AP.de): xsd:date, xsd:gYearMonth, xsd:gYear. */
export function xsdTyp(d: string): 'xsd:date' | 'xsd:gYearMonth' | 'xsd:gYear' {
  const art = genauigkeit(d);
  if (art === 'tag') return 'xsd:date';
  if (art === 'monat') return 'xsd:gYearMonth';
  if (art === 'jahr') return 'xsd:gYear';
  throw new Error(`Für „${d}“ gibt es keinen XSD-Datumstyp.`);
}

/**
 * A PDF date string (ISO 32000-1, 7.9.4): „D:“, then the year and as many further parts as the
 * date has; everything after the year may be left out. D:2021, D:202103, D:20210305.
 */
export function pdfDatum(d: string): string {
  const art = genauigkeit(d);
  if (art !== 'tag' && art !== 'monat' && art !== 'jahr') throw new Error(`Für „${d}“ gibt es kein PDF-Datum.`);
  return `D:${d.replaceAll('-', '')}`;
}

// ---------------------------------------------------------------------------
// Schemas

/** The forms of `zeitangabe`, as error messages name them. */
const FORMEN = 'ein Datum als Jahr (2021), Monat (2021-03) oder Tag (2021-03-05)';
const FORMEN_TERMIN = 'ein Datum als Jahr (2026), Quartal (2026-Q3), Monat (2026-03), Tag (2026-03-05) oder Schuljahr (2025/26)';

/** How a date in a familiar German form is written instead, if it is one. */
function vorschlag(text: string): string | undefined {
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  if (m) return `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  m = /^(\d{1,2})[/.](\d{4})$/.exec(text);
  if (m) return `${m[2]}-${m[1]!.padStart(2, '0')}`;
  m = /^(?:Q([1-4])\s*[/-]?\s*(\d{4})|([1-4])\.\s*Quartal\s+(\d{4})|(\d{4})\s*[-/ ]\s*[qQ]([1-4]))$/.exec(text);
  if (m) return `${m[2] ?? m[4] ?? m[5]}-Q${m[1] ?? m[3] ?? m[6]}`;
  return undefined;
}

function datumsSchema(arten: readonly Genauigkeit[], formen: string) {
  return z.union([z.date(), z.string(), z.number()], { error: formen }).transform((value, ctx) => {
    let text: string;
    if (value instanceof Date) {
      // YAML 1.1 parsers hand a day over as a Date object.
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: formen, input: value });
        return z.NEVER;
      }
      text = value.toISOString().slice(0, 10);
    } else {
      // A year written without quotes arrives as a number.
      text = typeof value === 'number' ? String(value) : value.trim();
    }
    const teile = zerlege(text);
    if (!teile && TAG.test(text)) {
      // Written as a day, but not one of the calendar (2025-02-30).
      ctx.addIssue({ code: 'custom', message: `ein Datum im Format JJJJ-MM-TT, das es im Kalender gibt (z. B. 2026-11-23), oder ${formen.replace(/^ein Datum als /, 'nur ')}`, input: value });
      return z.NEVER;
    }
    if (!teile || !arten.includes(teile.art)) {
      const besser = vorschlag(text);
      const passt = besser !== undefined && arten.includes(zerlege(besser)?.art as Genauigkeit);
      const nurBeiMeilensteinen = teile && (teile.art === 'quartal' || teile.art === 'schuljahr');
      const zusatz = passt ? `; hier also ${besser}` : nurBeiMeilensteinen ? ' (ein Quartal oder Schuljahr nur bei Meilensteinen)' : '';
      ctx.addIssue({ code: 'custom', message: `${formen}${zusatz}`, input: value });
      return z.NEVER;
    }
    return text;
  });
}

/** A plan date: a year, a month or a day (see the table above). Kept as the text the plan wrote. */
export const zeitangabe = datumsSchema(['jahr', 'monat', 'tag'], FORMEN);

/** A milestone's date: also a quarter or a school year. */
export const termin = datumsSchema(['jahr', 'quartal', 'monat', 'tag', 'schuljahr'], FORMEN_TERMIN);

/**
 * A calendar day, written `2026-11-23` in YAML or CSV (YAML parsers may hand it over as a Date
 * object), for what is a day by definition: a Stichtag, a school's first or last day.
 */
export const tagSchema = z
  .union([z.date(), z.string()], { error: 'ein Datum im Format JJJJ-MM-TT' })
  .transform((value, ctx) => {
    if (value instanceof Date) {
      if (Number.isNaN(value.getTime())) {
        ctx.addIssue({ code: 'custom', message: 'ein gültiges Datum im Format JJJJ-MM-TT', input: value });
        return z.NEVER;
      }
      return value.toISOString().slice(0, 10);
    }
    const trimmed = value.trim();
    if (zerlege(trimmed)?.art !== 'tag') {
      ctx.addIssue({ code: 'custom', message: 'ein Datum im Format JJJJ-MM-TT (z. B. 2026-11-23)', input: value });
      return z.NEVER;
    }
    return trimmed;
  });

/** Regular expressions of the written forms, for JSON Schemas (editors and open data). */
export const MUSTER = {
  tag: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$',
  zeitangabe: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$',
  termin: '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?|-Q[1-4]|/\\d{2})?$',
} as const;
