/** Components that MDX content may use without importing them. */
import Kennzahl from './Kennzahl.astro';
import type { MDX_KOMPONENTEN } from '../lib/inhaltsregeln.ts';

/** Must list exactly the components the content policy allows (src/lib/inhaltsregeln.ts). */
export const mdxComponents = { Kennzahl } satisfies Record<(typeof MDX_KOMPONENTEN)[number], unknown>;
