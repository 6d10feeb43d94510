// On a redirect page (src/ausgabe/pages/[...weiterleitung].astro): go to the new address and keep
// the #anker of the old one, which a meta refresh would drop. Runs before the refresh.
(function () {
  var ziel = document.documentElement.getAttribute('data-ziel');
  if (ziel) location.replace(ziel + location.hash);
})();
