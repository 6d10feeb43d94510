/** Addresses of the search page and the A–Z register (kept next to the search code), as links under the site's base path. */
import { mitBasis } from '../../plan/urls.ts';

export const suchUrl = (q?: string) => mitBasis(q ? `/suche/?q=${encodeURIComponent(q)}` : '/suche/');
/** Path segment of a register letter's page: `a` … `z`, `0-9`. */
export const registerSegment = (buchstabe: string) => (buchstabe === '0–9' ? '0-9' : buchstabe.toLowerCase());
/** The register's entry page, or the page of one letter (`0–9` → `/register/0-9/`). */
export const registerUrl = (buchstabe?: string) => mitBasis(buchstabe ? `/register/${registerSegment(buchstabe)}/` : '/register/');
