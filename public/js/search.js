// Starts Pagefind's search box on the search page, in the page's language.
// The texts come from the archive's own locale files (Pagefind has no Greek),
// and the base URL is the site's path prefix, so results link correctly.
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  var texts = JSON.parse(element.dataset.texts);
  new PagefindUI({
    element: '#search',
    baseUrl: element.dataset.baseUrl,
    translations: texts,
    showImages: false,
    showSubResults: false,
    resetStyles: false,
  });
  // Pagefind names its search box by a tooltip (title) only, which not every reader
  // announces and nobody sees: give it a visible label, above it.
  var input = element.querySelector('input.pagefind-ui__search-input');
  if (input) {
    input.id = 'search-input';
    var label = document.createElement('label');
    label.htmlFor = input.id;
    label.className = 'search-label';
    label.textContent = texts.search_label;
    element.insertBefore(label, element.firstChild);
  }
})();
