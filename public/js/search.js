// Starts Pagefind's search box on the search page, in the page's language.
// The texts come from the archive's own locale files (Pagefind has no Greek),
// and the base URL is the site's path prefix, so results link correctly.
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  new PagefindUI({
    element: '#search',
    baseUrl: element.dataset.baseUrl,
    translations: JSON.parse(element.dataset.texts),
    showImages: false,
    showSubResults: false,
    resetStyles: false,
  });
})();
