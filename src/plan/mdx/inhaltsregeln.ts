/**
 * What MDX in a plan may contain, checked on the syntax tree (never on lines): text,
 * Markdown, plain HTML elements from an allow-list and Planwerk's own components.
 * Everything that could run or load something is a problem with file and line:
 * import/export (except of an allowed component), `{…}` expressions, elements such as
 * <script>, <style>, <iframe> or <svg>, event-handler and style attributes, and links
 * or images whose address breaks the one address rule (src/plan/adressen.ts): links only https,
 * mailto, tel or a path of this site, images only a path of this site.
 *
 * MDX comments (`{/* … *\/}`) are dropped like the HTML comments gewohnheiten.ts removes
 * before parsing; a `{#…}` at the end of a heading that is no valid id is reported.
 *
 * The same walk turns allowed HTML elements into hast elements, each <Kennzahl> and each
 * <Abschnitt> (a checked link to a numbered section of the plan) into a placeholder that
 * the loader fills from the plan model (see render.ts), and collects every link that is
 * not an external address (a site path, a fragment, a relative path) with its line, for
 * the link check once the model exists (src/pruefung/verweise.ts).
 * The sanitiser after it (rehype-sanitize) is the second line of defence.
 */
import type { Root, Nodes, Parents } from 'mdast';
import type { MdxJsxAttribute, MdxJsxExpressionAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx';
import type { MdxjsEsm } from 'mdast-util-mdxjs-esm';
import { find, html as htmlSchema } from 'property-information';
import { SANITIZE_SCHEMA } from './sanitize.ts';
import { sichtbar } from './gewohnheiten.ts';
import type { BodyProblem } from './befund.ts';
import { pruefeAdresse } from '../adressen.ts';

/** Components MDX content may use. Each is evaluated from the plan model when the plan is loaded. */
export const MDX_KOMPONENTEN = ['Kennzahl', 'Abschnitt'] as const;
/** Components older plans import (`import Kennzahl from '…/components/Kennzahl.astro'`); the import is harmless and dropped. */
const ALTE_IMPORTE = ['Kennzahl'];

/** A problem found in an MDX body; `line` is 1-based within the body. */
export type { BodyProblem } from './befund.ts';

export interface KennzahlAufruf {
  name: string;
  params: Record<string, string>;
  /** 1-based line within the body. */
  line?: number;
}

/** An `<Abschnitt nummer="3.2.1" />` in a body: a link to a numbered section, filled from the model. */
export interface AbschnittVerweis {
  nummer: string;
  /** Whether the element has its own link text (`<Abschnitt nummer="5.1">Infrastruktur</Abschnitt>`). */
  mitText: boolean;
  /** 1-based line within the body. */
  line?: number;
}

/** A link in a body that is no external address: a site path, a fragment or a relative path. */
export interface LinkFund {
  url: string;
  /** How it is written: a Markdown link, a link definition (`[name]: /pfad/`) or an HTML `<a href>`. */
  art: 'markdown' | 'definition' | 'html';
  /** 1-based line within the body. */
  line?: number;
}

/** Where a body's components and links are collected while it is checked. */
export interface Funde {
  aufrufe: KennzahlAufruf[];
  abschnitte: AbschnittVerweis[];
  links: LinkFund[];
  /** External (https) addresses of links, for the link register (src/plan/links.ts). */
  extern: string[];
}

/** A section number as the plan writes it: 4, 4.2, 3.2.1.4 (the same form as `abschnittsnummer` in src/plan/schemas/grundtypen.ts). */
const ABSCHNITTSNUMMER = /^\d+(?:\.\d+)*$/;

/** HTML elements an author may write: the sanitiser's allow-list, without form controls. */
const ERLAUBTE_ELEMENTE = new Set((SANITIZE_SCHEMA.tagNames ?? []).filter((t) => t !== 'input' && !t.startsWith('planwerk-')));
/** Elements that load or run something; named in their own message. */
const VERBOTENE_ELEMENTE = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'link', 'meta', 'base', 'form', 'svg', 'math', 'template', 'noscript', 'portal', 'video', 'audio', 'source', 'track', 'canvas']);
const URL_ATTRIBUTE = new Set(['href', 'src', 'cite', 'longdesc', 'srcset', 'action', 'formaction', 'poster', 'data', 'background', 'xlink:href', 'ping']);
/**
 * Why an address is not allowed (`erwartet` and `gefunden`, naming the trick), or undefined when it
 * is: the one address rule of src/plan/adressen.ts. A link may be https, mailto, tel or a path of this
 * site; an image (and every other loaded file) only a path of this site. Character references
 * (`&#106;`) are already decoded by the MDX parser in links and attributes.
 */
export function unsichereAdresse(url: string, art: 'link' | 'bild'): { erwartet: string; gefunden: string } | undefined {
  // An empty address (`[Text]()`) points to the page itself, as it always did.
  if (url === '') return undefined;
  const ergebnis = pruefeAdresse(url, art);
  return ergebnis.ok ? undefined : ergebnis;
}

/** Every address in an attribute: a `srcset` holds several, each before its size („a.png 2x, b.png 3x“). */
function adressenIn(name: string, value: string): string[] {
  if (name !== 'srcset') return [value];
  return value.split(',').map((kandidat) => kandidat.trim().split(/\s+/)[0] ?? '').filter(Boolean);
}

/** A value for a message: line breaks shown as spaces, at most 60 characters. */
const kurz = (text: string) => {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
};

/** What remains of a `{#…}` at the end of a heading when it was no valid id. */
const UNGUELTIGE_ID = /\s*\{#([^{}]*)\}\s*$/u;

/** Is an expression only a JavaScript block comment (`{/* … *\/}`)? */
function nurKommentar(value: string): boolean {
  return /^\s*\/\*[\s\S]*\*\/\s*$/.test(value) && value.indexOf('*/') === value.lastIndexOf('*/');
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement;
type Attribut = MdxJsxAttribute | MdxJsxExpressionAttribute;

/** The allowed `import Kennzahl from '…/components/Kennzahl.astro'`, read from the import's syntax tree. */
function erlaubterImport(node: MdxjsEsm): boolean {
  const body = node.data?.estree?.body ?? [];
  return (
    body.length > 0 &&
    body.every((statement) => {
      if (statement.type !== 'ImportDeclaration' || statement.specifiers.length !== 1) return false;
      const spec = statement.specifiers[0]!;
      const name = spec.local.name;
      return spec.type === 'ImportDefaultSpecifier' && ALTE_IMPORTE.includes(name) && String(statement.source.value).endsWith(`/components/${name}.astro`);
    })
  );
}

/** Does a part of the tree hold a link (Markdown, `<a>` or `<Abschnitt>`)? A link inside a link is not valid HTML. */
function enthaeltLink(node: Nodes): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  if ((node.type === 'mdxJsxTextElement' || node.type === 'mdxJsxFlowElement') && (node.name === 'a' || node.name === 'Abschnitt')) return true;
  return 'children' in node && (node.children as Nodes[]).some(enthaeltLink);
}

/** Is a link address one this check follows (no scheme, so a path of the site, a fragment or a relative path)? */
const ohneSchema = (url: string) => url.trim() !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(url);

/**
 * Checks an MDX tree and prepares it for remark-rehype: allowed HTML becomes elements,
 * each Kennzahl and Abschnitt a numbered placeholder, and everything not allowed is
 * reported and removed. Links within the site are collected in `funde.links`.
 */
export function pruefeUndWandle(tree: Root, problems: BodyProblem[], funde: Funde) {
  const melde = (node: Nodes | Attribut, field: string, expected: string, found: string) => problems.push({ line: node.position?.start.line, field, expected, found });
  walk({ funde, melde }, tree);
}

/** What the check of one tree collects: its findings, and where problems go. */
interface Pruefung {
  funde: Funde;
  melde: (node: Nodes | Attribut, field: string, expected: string, found: string) => void;
}

/** Checks the children of `parent` and replaces each by what it becomes (or drops it), depth first. */
function walk(p: Pruefung, parent: Parents): void {
  const kinder: Nodes[] = [];
  for (const child of parent.children as Nodes[]) {
    const ersatz = ersatzFuer(p, child);
    if (ersatz && 'children' in ersatz) walk(p, ersatz as Parents);
    if (ersatz) kinder.push(ersatz);
  }
  parent.children = kinder as Parents['children'];
}

/** What a node becomes: itself, a placeholder or element, or nothing (reported, or an MDX comment). */
function ersatzFuer(p: Pruefung, child: Nodes): Nodes | undefined {
  const { melde } = p;
  switch (child.type) {
    case 'mdxjsEsm':
      if (!erlaubterImport(child)) {
        const export_ = /^\s*export\b/.test(child.value);
        melde(child, export_ ? 'export' : 'import', export_ ? 'keine export-Anweisungen in Inhalten' : `keine import-Zeilen (Planwerk stellt ${MDX_KOMPONENTEN.join(', ')} bereit)`, `„${kurz(child.value.trim())}“`);
      }
      return undefined;
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      // An MDX comment {/* … */} is harmless, like an HTML comment: it is dropped.
      if (!nurKommentar(child.value)) {
        melde(child, '{…}', 'keinen Ausdruck in geschweiften Klammern (er wäre Programmcode; eine Klammer als Text schreibt man \\{)', `„{${kurz(child.value)}}“`);
      }
      return undefined;
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return jsxErsatz(p, child);
    case 'heading': {
      // An id remarkHeadingIds did not take: not a valid id (spaces, punctuation, invisible characters).
      const last = child.children.at(-1);
      const match = last?.type === 'text' ? UNGUELTIGE_ID.exec(last.value) : null;
      if (last?.type === 'text' && match) {
        melde(child, '{#…}', 'eine ID aus Buchstaben (auch Umlauten), Ziffern, „-“ und „_“, die mit einem Buchstaben oder einer Ziffer beginnt, z. B. {#ausstattung-gs}', sichtbar(match[1]!));
        last.value = last.value.slice(0, match.index);
      }
      return child;
    }
    case 'link':
    case 'definition': {
      const grund = unsichereAdresse(child.url, 'link');
      if (grund) {
        melde(child, child.type === 'link' ? '[…](…)' : '[…]: …', grund.erwartet, grund.gefunden);
        return undefined;
      }
      if (ohneSchema(child.url)) p.funde.links.push({ url: child.url, art: child.type === 'link' ? 'markdown' : 'definition', line: child.position?.start.line });
      else if (child.url.startsWith('https://')) p.funde.extern.push(child.url);
      return child;
    }
    case 'image': {
      const grund = unsichereAdresse(child.url, 'bild');
      if (!grund) return child;
      melde(child, '![…](…)', grund.erwartet, grund.gefunden);
      return undefined;
    }
    default:
      return child;
  }
}

/** An element: a Kennzahl or Abschnitt becomes its placeholder, allowed HTML an element; anything else is reported. */
function jsxErsatz(p: Pruefung, child: JsxElement): Nodes | undefined {
  if (!child.name) {
    p.melde(child, '<>', 'ein benanntes Element', 'ein leeres Fragment <>…</>');
    return undefined;
  }
  if (!/^[A-Z]/.test(child.name)) return htmlElement(p, child);
  if (child.name === 'Kennzahl') return kennzahl(p, child);
  if (child.name === 'Abschnitt') return abschnitt(p, child);
  p.melde(child, `<${child.name}>`, `nur die Komponenten ${MDX_KOMPONENTEN.join(', ')}`, `<${child.name}>`);
  return undefined;
}

/** The literal attributes of an element, each with its own node (for the line); undefined if one is an expression. */
function attribute({ melde }: Pruefung, node: JsxElement): { name: string; value: string; node: Attribut }[] | undefined {
  const out: { name: string; value: string; node: Attribut }[] = [];
  let ok = true;
  for (const attr of node.attributes) {
    if (attr.type === 'mdxJsxExpressionAttribute') {
      melde(attr, `<${node.name} {…}>`, 'Attribute mit festen Werten (name="…")', `„${kurz(attr.value)}“`);
      ok = false;
      continue;
    }
    if (attr.value !== null && attr.value !== undefined && typeof attr.value !== 'string') {
      melde(attr, `<${node.name} ${attr.name}>`, 'feste Werte in Anführungszeichen (name="…")', 'einen Ausdruck in {…}');
      ok = false;
      continue;
    }
    out.push({ name: attr.name, value: attr.value ?? '', node: attr });
  }
  return ok ? out : undefined;
}

/** `<Kennzahl name="…" …/>` becomes a numbered placeholder; the call goes to `funde.aufrufe`. */
function kennzahl(p: Pruefung, node: JsxElement): Nodes | undefined {
  const { aufrufe } = p.funde;
  const attrs = attribute(p, node);
  if (!attrs) return undefined;
  const { name, ...params } = Object.fromEntries(attrs.map((a) => [a.name, a.value]));
  if (!name) {
    p.melde(node, '<Kennzahl>', 'das Attribut name="…"', 'keines');
    return undefined;
  }
  aufrufe.push({ name, params, line: node.position?.start.line });
  return { type: 'kennzahl', data: { hName: 'planwerk-kennzahl', hProperties: { dataNr: String(aufrufe.length - 1) } } } as unknown as Nodes;
}

/**
 * `<Abschnitt nummer="3.2.1" />` becomes a placeholder element; with its own text
 * (`<Abschnitt nummer="5.1">Handlungsfeld Infrastruktur</Abschnitt>`) the text stays inside
 * it and becomes the link text. On a line of its own it stands in a paragraph like a link.
 */
function abschnitt(p: Pruefung, node: JsxElement): Nodes | undefined {
  const { melde, funde } = p;
  const attrs = attribute(p, node);
  if (!attrs) return undefined;
  let ok = true;
  for (const { name, node: attr } of attrs) {
    if (name !== 'nummer') {
      melde(attr, `<Abschnitt ${name}>`, 'nur das Attribut nummer="…" (die Nummer des Abschnitts, z. B. nummer="3.2.1")', `das Attribut „${name}“`);
      ok = false;
    }
  }
  const nummer = attrs.find((a) => a.name === 'nummer')?.value.trim();
  if (nummer === undefined) {
    melde(node, '<Abschnitt>', 'das Attribut nummer="…" mit der Nummer des Abschnitts, z. B. <Abschnitt nummer="3.2.1" />', 'keines');
    return undefined;
  }
  if (!ABSCHNITTSNUMMER.test(nummer)) {
    melde(node, '<Abschnitt nummer>', 'eine Abschnittsnummer aus Ziffern und Punkten, z. B. nummer="3.2.1"', `„${kurz(nummer)}“`);
    ok = false;
  }
  if (node.children.some(enthaeltLink)) {
    melde(node, `<Abschnitt nummer="${nummer}">`, 'einen Linktext ohne weiteren Link darin (das Element ist selbst ein Link)', 'einen Link im Linktext');
    ok = false;
  }
  let kinder = node.children as Nodes[];
  if (node.type === 'mdxJsxFlowElement' && kinder.length > 0) {
    // Text on lines of its own inside the element: MDX makes it a paragraph; one paragraph is a link text.
    const einziger = kinder.length === 1 && kinder[0]!.type === 'paragraph' ? kinder[0] : undefined;
    if (!einziger) {
      melde(node, `<Abschnitt nummer="${nummer}">`, 'einen Linktext in einem Absatz (ohne Überschriften, Listen oder Leerzeilen)', 'mehrere Absätze oder andere Blöcke');
      ok = false;
    } else kinder = einziger.children as Nodes[];
  }
  if (!ok) return undefined;
  funde.abschnitte.push({ nummer, mitText: kinder.length > 0, line: node.position?.start.line });
  const platzhalter = { type: 'abschnitt', data: { hName: 'planwerk-abschnitt', hProperties: { dataNr: String(funde.abschnitte.length - 1) } }, children: kinder } as unknown as Nodes;
  return node.type === 'mdxJsxFlowElement' ? ({ type: 'paragraph', children: [platzhalter] } as unknown as Nodes) : platzhalter;
}

/** An allowed HTML element with safe attributes becomes an element for remark-rehype; a link in it goes to `funde.links`. */
function htmlElement(p: Pruefung, node: JsxElement): Nodes | undefined {
  const { melde, funde } = p;
  const tag = node.name!.toLowerCase();
  if (VERBOTENE_ELEMENTE.has(tag)) {
    melde(node, `<${tag}>`, 'Text, Markdown und einfaches HTML ohne Skripte, Stile, Grafikcode und eingebettete fremde Inhalte', `ein <${node.name}>-Element`);
    return undefined;
  }
  if (!ERLAUBTE_ELEMENTE.has(tag) || tag !== node.name) {
    melde(node, `<${node.name}>`, `ein einfaches HTML-Element in Kleinbuchstaben (z. B. ${['abbr', 'details', 'sup', 'br'].join(', ')}) oder eine der Komponenten ${MDX_KOMPONENTEN.join(', ')}`, `<${node.name}>`);
    return undefined;
  }
  const attrs = attribute(p, node);
  if (!attrs) return undefined;
  const properties: Record<string, string | string[]> = {};
  let ok = true;
  for (const { name, value, node: attr } of attrs) {
    const lower = name.toLowerCase();
    if (lower.startsWith('on')) {
      melde(attr, `<${tag} ${name}>`, 'HTML ohne Ereignis-Attribute (onclick, onerror …)', `das Ereignis-Attribut „${name}“`);
      ok = false;
    } else if (lower === 'style') {
      melde(attr, `<${tag} style>`, 'HTML ohne eigene Stile (das Aussehen kommt vom Layout der Website)', `style="${kurz(value)}"`);
      ok = false;
    } else if (URL_ATTRIBUTE.has(lower)) {
      // `href` on any element is a link; every other address attribute (src, srcset, poster …) loads a file.
      for (const adresse of adressenIn(lower, value)) {
        const grund = unsichereAdresse(adresse, lower === 'href' ? 'link' : 'bild');
        if (grund) {
          melde(attr, `<${tag} ${name}>`, grund.erwartet, grund.gefunden);
          ok = false;
          break;
        }
      }
    }
    const info = find(htmlSchema, name);
    properties[info.property] = info.spaceSeparated ? value.split(/\s+/).filter(Boolean) : value;
  }
  if (!ok) return undefined;
  const href = attrs.find((a) => a.name.toLowerCase() === 'href');
  if (tag === 'a' && href && ohneSchema(href.value)) funde.links.push({ url: href.value, art: 'html', line: href.node.position?.start.line ?? node.position?.start.line });
  else if (tag === 'a' && href?.value.startsWith('https://')) funde.extern.push(href.value);
  return { type: 'html-element', data: { hName: tag, hProperties: properties }, children: node.children } as unknown as Nodes;
}
