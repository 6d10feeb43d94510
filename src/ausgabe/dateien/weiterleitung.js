// On a redirect page (src/ausgabe/pages/[...weiterleitung].astro): go to the new address and keep
// the #anker of the old one, which a meta refresh would drop. Runs before the refresh. A target
// with an anchor of its own (an old page of a Fassung leads to a place) keeps that anchor.
(function () {
  var ziel = document.documentElement.getAttribute('data-ziel');
  if (ziel) location.replace(ziel.indexOf('#') >= 0 ? ziel : ziel + location.hash);
})();
