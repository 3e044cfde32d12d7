// UserMessages: progressive enhancement only; every page works without this script.
(function () {
  "use strict";
  function localizeTimes(root) {
    var format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
    root.querySelectorAll(".um time[datetime]").forEach(function (el) {
      var date = new Date(el.getAttribute("datetime"));
      if (!isNaN(date)) {
        el.title = el.textContent;
        el.textContent = format.format(date);
      }
    });
  }
  function scrollToNew() {
    var marker = document.getElementById("um-new");
    if (marker && !location.hash) {
      marker.scrollIntoView({ block: "center" });
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    localizeTimes(document);
    scrollToNew();
  });
})();
