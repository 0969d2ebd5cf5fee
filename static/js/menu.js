// The main menu is a <details> folded on phones. Wide screens show it open through CSS
// (::details-content); a browser that cannot style that part gets it opened here instead.
(function () {
  var menu = document.querySelector("details.menu-disclosure");
  if (!menu || (window.CSS && CSS.supports("selector(::details-content)"))) return;
  var wide = window.matchMedia("(min-width: 48rem)");
  function follow() {
    menu.classList.toggle("always-open", wide.matches);
    if (wide.matches) menu.open = true;
  }
  follow();
  wide.addEventListener("change", follow);
})();
