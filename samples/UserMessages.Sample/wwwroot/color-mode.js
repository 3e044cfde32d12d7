// The sample follows the system's light or dark setting through Bootstrap's colour modes
// (data-bs-theme on <html>), which the messages pages follow too. Loaded in <head>, before the
// page is painted, so a dark system never sees a light flash. Without JavaScript the site is light.
(function () {
  "use strict";
  var dark = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    document.documentElement.setAttribute("data-bs-theme", dark.matches ? "dark" : "light");
  }
  apply();
  dark.addEventListener("change", apply);
})();
