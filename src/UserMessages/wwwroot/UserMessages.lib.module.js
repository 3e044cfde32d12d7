// UserMessages in a Blazor Web App: Blazor loads this module on the site's pages. A page reached by
// enhanced navigation is patched into the document without running its scripts, so when a page of
// the package arrives so before usermessages.js has been loaded, its scripts are loaded here, in
// their order; from then on usermessages.js follows the navigations itself.
export function afterWebStarted(blazor) {
  blazor.addEventListener("enhancedload", function () {
    if (window.UserMessages) {
      return;
    }
    var scripts = Array.prototype.slice.call(document.querySelectorAll("script[src*='_content/UserMessages/']"));
    (function load(i) {
      if (i >= scripts.length) {
        return;
      }
      var script = document.createElement("script");
      Array.prototype.forEach.call(scripts[i].attributes, function (attribute) {
        if (attribute.name !== "defer") {
          script.setAttribute(attribute.name, attribute.value);
        }
      });
      script.onload = function () { load(i + 1); };
      document.head.appendChild(script);
    })(0);
  });
}
