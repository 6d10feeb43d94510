/** Addresses of the search page and the A–Z register (kept next to the search code). */
export const suchUrl = (q?: string) => (q ? `/suche/?q=${encodeURIComponent(q)}` : '/suche/');
export const registerUrl = (buchstabe?: string) => (buchstabe ? `/register/#buchstabe-${buchstabe.toLowerCase()}` : '/register/');
