// Progressive enhancement only: every feature works without this script.
// "Link kopieren": a click on a section's permalink copies its full address.
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
