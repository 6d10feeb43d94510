/**
 * The element-and-attribute allow-list for rendered content (rehype-sanitize, GitHub's
 * schema as the base). Planwerk adds what its own steps produce: heading permalinks,
 * alias anchors and the placeholders of Kennzahl and Abschnitt. Ids are kept as written, because
 * published anchors must not change; only `name` is prefixed against DOM clobbering.
 */
import { defaultSchema, type Options } from 'rehype-sanitize';

const base = defaultSchema.attributes ?? {};

export const SANITIZE_SCHEMA: Options = {
  ...defaultSchema,
  clobber: ['name'],
  clobberPrefix: 'inhalt-',
  tagNames: [...(defaultSchema.tagNames ?? []), 'abbr', 'cite', 'dfn', 'mark', 'small', 'time', 'figure', 'figcaption', 'caption', 'planwerk-kennzahl', 'planwerk-abschnitt'],
  attributes: {
    ...base,
    // The base allows one class on links (footnote back-links); the permalinks add theirs.
    a: [...(base.a ?? []).filter((a) => !(Array.isArray(a) && a[0] === 'className')), ['className', 'anker', 'data-footnote-backref']],
    span: [['className', 'alias-anker']],
    'planwerk-kennzahl': ['dataNr'],
    'planwerk-abschnitt': ['dataNr'],
  },
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    // Images and other embedded resources only from the site itself (relative addresses).
    src: [],
    longDesc: [],
    cite: ['http', 'https'],
  },
  strip: ['script', 'style'],
};
