// Progressive enhancement only: every feature works without this script.
// "Link kopieren": a click on a section's permalink copies its full address. Where the
// browser can copy, the "#" buttons say so when pointed at.
if (navigator.clipboard) for (const link of document.querySelectorAll('a.anker:not([title])')) link.title = 'Link kopieren';
document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a.anker') : null;
  if (!link || !navigator.clipboard) return;
  const address = new URL(link.getAttribute('href'), location.href).href;
  try {
    await navigator.clipboard.writeText(address);
  } catch {
    return; // the link still works as an ordinary anchor
  }
  link.dataset.kopiert = 'true';
  let status = document.getElementById('kopier-status');
  if (!status) {
    status = document.createElement('p');
    status.id = 'kopier-status';
    status.className = 'visuell-versteckt';
    status.setAttribute('role', 'status');
    document.body.append(status);
  }
  status.textContent = 'Link kopiert: ' + address;
  setTimeout(() => delete link.dataset.kopiert, 2000);
});

// The menu is a <details> that works without this script: closed on phones, and on wide
// screens global.css shows its links anyway. A browser that cannot style a closed <details>
// gets it opened here on wide screens. Escape closes the open menu on phones.
(() => {
  const menue = document.querySelector('details[data-menue]');
  if (!menue) return;
  const breit = matchMedia('(width > 48rem)');
  if (breit.matches && !CSS.supports('selector(::details-content)')) menue.open = true;
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !menue.open || breit.matches) return;
    const drin = menue.contains(document.activeElement);
    menue.open = false;
    if (drin) menue.querySelector('summary')?.focus();
  });
})();
