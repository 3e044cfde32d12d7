// UserMessages in a Blazor Web App: Blazor loads this module on the site's pages. A page reached by
// enhanced navigation is patched into the document without running its scripts, so when a page of
// the package arrives so before usermessages.js has been loaded, its scripts are loaded here, in
// their order; from then on usermessages.js follows the navigations itself.
export function afterWebStarted(blazor) {
  var loading = false;
  function loadScripts() {
    if (window.UserMessages || loading) {
      return;
    }
    var scripts = Array.prototype.slice.call(document.querySelectorAll("script[src*='_content/UserMessages/']"));
    loading = scripts.length > 0;
    (function load(i) {
      if (i >= scripts.length) {
        loading = false;
        return;
      }
      var script = document.createElement("script");
      Array.prototype.forEach.call(scripts[i].attributes, function (attribute) {
        if (attribute.name !== "defer") {
          script.setAttribute(attribute.name, attribute.value);
        }
      });
      script.onload = script.onerror = function () { load(i + 1); };
      document.head.appendChild(script);
    })(0);
  }
  blazor.addEventListener("enhancedload", loadScripts);
  // Blazor follows links before it has loaded this module: a page of the package may be there already.
  loadScripts();
}
