/** Components that MDX content may use without importing them. */
import Kennzahl from './Kennzahl.astro';

export const mdxComponents = { Kennzahl };
