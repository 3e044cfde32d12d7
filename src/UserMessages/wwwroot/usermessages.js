// UserMessages: progressive enhancement only; every page works without this script.
(function () {
  "use strict";

  // Times in the reader's time zone, formatted in the page's language.
  function localizeTimes(root) {
    root.querySelectorAll(".um time[datetime]").forEach(function (el) {
      var date = new Date(el.getAttribute("datetime"));
      var scope = el.closest("[lang]");
      if (!isNaN(date)) {
        var format = new Intl.DateTimeFormat((scope && scope.lang) || undefined, { dateStyle: "medium", timeStyle: "short" });
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

  // The recipient field as an ARIA combobox: suggestions for the name being typed after the last comma.
  function recipientCombobox(input) {
    var listbox = document.createElement("ul");
    listbox.id = input.id + "-listbox";
    listbox.className = "um-suggestions";
    listbox.setAttribute("role", "listbox");
    listbox.hidden = true;
    input.insertAdjacentElement("afterend", listbox);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", listbox.id);

    var timer = 0, active = -1, options = [], asked = "";

    function currentToken() {
      var parts = input.value.split(/[,;]/);
      return parts[parts.length - 1].trim();
    }
    function close() {
      listbox.hidden = true;
      listbox.textContent = "";
      options = [];
      active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    function highlight(index) {
      options.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }
    function choose(index) {
      var user = options[index] && options[index].dataset.userName;
      if (!user) { return; }
      var parts = input.value.split(/([,;])/);
      parts[parts.length - 1] = (parts.length > 1 ? " " : "") + user;
      input.value = parts.join("") + ", ";
      close();
      input.focus();
    }
    function show(users) {
      close();
      users.forEach(function (user, i) {
        var li = document.createElement("li");
        li.id = listbox.id + "-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.dataset.userName = user.userName;
        li.textContent = user.displayName === user.userName ? user.userName : user.displayName + " (" + user.userName + ")";
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        listbox.appendChild(li);
        options.push(li);
      });
      if (options.length > 0) {
        listbox.hidden = false;
        input.setAttribute("aria-expanded", "true");
      }
    }
    function ask() {
      var token = currentToken();
      if (token.length < 2) { close(); return; }
      if (token === asked) { return; }
      asked = token;
      fetch(input.dataset.umSuggest + "?q=" + encodeURIComponent(token), { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) { return response.ok ? response.json() : []; })
        .then(function (users) { if (token === currentToken()) { show(users); } })
        .catch(close);
    }

    input.addEventListener("input", function () {
      clearTimeout(timer);
      asked = "";
      timer = setTimeout(ask, 200);
    });
    input.addEventListener("keydown", function (e) {
      if (listbox.hidden) { return; }
      if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % options.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight(active <= 0 ? options.length - 1 : active - 1); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(active); }
      else if (e.key === "Escape") { e.preventDefault(); close(); }
    });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    localizeTimes(document);
    scrollToNew();
    document.querySelectorAll(".um input[data-um-suggest]").forEach(recipientCombobox);
  });
})();
