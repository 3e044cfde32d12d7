// UserMessages: progressive enhancement only; every page works without this script.
(function () {
  "use strict";
  // Loaded once per document, even when a Blazor Web App's page brings the script again.
  if (window.UserMessages) { return; }

  // Times in the reader's time zone, formatted in the page's language: compact in lists (the time
  // today, else the day), with the time in messages; the year only when it is not this year.
  function formatDate(date, lang, compact) {
    var now = new Date();
    var thisYear = date.getFullYear() === now.getFullYear();
    var options = compact
      ? (date.toDateString() === now.toDateString() ? { hour: "numeric", minute: "2-digit" }
        : thisYear ? { month: "short", day: "numeric" } : { dateStyle: "medium" })
      : (thisYear ? { month: "short", day: "numeric", hour: "numeric", minute: "2-digit" } : { dateStyle: "medium", timeStyle: "short" });
    return new Intl.DateTimeFormat(lang || undefined, options).format(date);
  }
  function languageOf(el) {
    var scope = el && el.closest("[lang]");
    return (scope && scope.lang) || undefined;
  }
  function localizeTime(el, lang) {
    var date = new Date(el.getAttribute("datetime"));
    if (!isNaN(date)) {
      el.title = new Intl.DateTimeFormat(lang, { dateStyle: "full", timeStyle: "short" }).format(date);
      el.textContent = formatDate(date, lang, el.classList.contains("um-thread__time"));
    }
  }
  function localizeTimes(root) {
    root.querySelectorAll(".um time[datetime]").forEach(function (el) { localizeTime(el, languageOf(el)); });
  }

  // The same initial and colour as the package's avatars (UserMessagesAvatars.For, _Avatar.cshtml).
  function avatar(name) {
    var el = document.createElement("span");
    var trimmed = (name || "").trim();
    var sum = 0;
    for (var i = 0; i < trimmed.length; i++) { sum += trimmed.charCodeAt(i); }
    el.className = "um-avatar";
    el.dataset.umHue = String(sum % 6);
    el.setAttribute("aria-hidden", "true");
    el.textContent = trimmed ? String.fromCodePoint(trimmed.codePointAt(0)).toUpperCase() : "?";
    return el;
  }

  function scrollToNew() {
    var marker = document.getElementById("um-new");
    if (marker && !location.hash) {
      marker.scrollIntoView({ block: "center" });
    }
  }

  // A form that came back with errors: move the focus to their summary, so the reader hears them
  // (role="alert" alone is not announced by every screen reader when the page loads).
  function focusErrors() {
    var summary = document.querySelector(".um [data-um-errors]");
    if (summary) {
      summary.setAttribute("tabindex", "-1");
      summary.focus();
    }
  }

  // The recipient field as an ARIA combobox: suggestions for the name being typed after the last comma.
  function recipientCombobox(input) {
    var label = document.querySelector("label[for='" + input.id + "']");
    var wrapper = document.createElement("div");
    wrapper.className = "um-combobox";
    input.insertAdjacentElement("beforebegin", wrapper);
    wrapper.appendChild(input);
    var listbox = document.createElement("ul");
    listbox.id = input.id + "-listbox";
    listbox.className = "um-suggestions";
    listbox.setAttribute("role", "listbox");
    if (label) { listbox.setAttribute("aria-label", label.textContent.trim()); }
    listbox.hidden = true;
    wrapper.appendChild(listbox);
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
    // A person picked from the suggestions joins the chosen people (a ticked box sent as ToId, shown by their
    // public name), and what was typed for them leaves the field.
    function choose(index) {
      var option = options[index];
      if (!option) { return; }
      var chosen = document.getElementById(input.id + "-chosen");
      if (chosen && !chosen.querySelector("input[value='" + CSS.escape(option.dataset.userId) + "']")) {
        var li = document.createElement("li");
        var chip = document.createElement("label");
        chip.className = "um-chip";
        var box = document.createElement("input");
        box.type = "checkbox";
        box.name = "ToId";
        box.value = option.dataset.userId;
        box.checked = true;
        chip.appendChild(box);
        chip.appendChild(document.createTextNode(" " + option.textContent));
        li.appendChild(chip);
        chosen.appendChild(li);
        chosen.hidden = false;
      }
      var parts = input.value.split(/([,;])/);
      parts.pop();
      input.value = parts.join("").replace(/[,;]\s*$/, "").trim();
      if (input.value) { input.value += ", "; }
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
        li.dataset.userId = user.id;
        li.textContent = user.displayName;
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

  // Live updates over SignalR: only when the page names the hub and the SignalR client loaded.
  // Content is set with textContent; a formatted message's HTML (rendered by the server from Markdown) is parsed into an
  // inert document and rebuilt from the elements and attributes _Message.cshtml can show, nothing else.
  var formattedTags = ["P", "BR", "EM", "STRONG", "A", "UL", "OL", "LI", "BLOCKQUOTE", "CODE", "PRE"];
  function formatted(html) {
    var fragment = document.createDocumentFragment();
    function copy(from, to) {
      from.childNodes.forEach(function (node) {
        if (node.nodeType === 3) { to.appendChild(document.createTextNode(node.nodeValue)); return; }
        if (node.nodeType !== 1) { return; }
        if (formattedTags.indexOf(node.tagName) < 0) { copy(node, to); return; }
        var el = document.createElement(node.tagName.toLowerCase());
        var href = node.getAttribute("href");
        if (node.tagName === "A" && href && /^(https?:|mailto:)/i.test(href)) {
          el.setAttribute("href", href);
          el.setAttribute("rel", "nofollow ugc noopener noreferrer");
        }
        if (node.tagName === "OL" && /^\d+$/.test(node.getAttribute("start") || "")) { el.setAttribute("start", node.getAttribute("start")); }
        copy(node, el);
        to.appendChild(el);
      });
    }
    copy(new DOMParser().parseFromString(html, "text/html").body, fragment);
    return fragment;
  }

  function liveUpdates(script) {
    var data = script.dataset;
    var me = data.umUserId || "";

    function text(template, value) {
      return (template || "{0}").split("{0}").join(value);
    }
    function timeElement(className, iso, scope) {
      var time = document.createElement("time");
      if (className) { time.className = className; }
      time.setAttribute("datetime", iso);
      time.textContent = iso;
      localizeTime(time, languageOf(scope));
      return time;
    }
    function span(className, value) {
      var el = document.createElement("span");
      el.className = className;
      el.textContent = value;
      return el;
    }
    // Like the server's excerpt: white space collapsed, at most 140 characters.
    function excerpt(content) {
      var flat = content.split(/\s+/).filter(Boolean).join(" ");
      var chars = Array.from(flat);
      return chars.length <= 140 ? flat : chars.slice(0, 140).join("").trimEnd() + "\u2026";
    }
    function threadUrl(threadId) {
      return (data.umThreadUrl || "").replace(/\/0(?=$|[?#])/, "/" + encodeURIComponent(threadId));
    }
    function showsNewest(root) {
      return !root.querySelector("[data-um-page-link='newer']");
    }

    // A message's files as _Attachments.cshtml renders them: pictures up to a size shown (lazily), every file a download link.
    function attachmentList(files) {
      var list = document.createElement("ul");
      list.className = "um-attachments";
      list.setAttribute("aria-label", data.umTextAttached || "Attached files");
      files.forEach(function (file) {
        var url = (data.umAttachmentUrl || "").replace(/\/0(?=$|[?#])/, "/" + encodeURIComponent(file.id));
        var item = document.createElement("li");
        item.className = "um-attachment";
        item.dataset.umAttachmentId = String(file.id);
        if (file.isImage && file.length <= Number(data.umInlineImageMax || 0)) {
          var picture = document.createElement("a");
          picture.className = "um-attachment__picture";
          picture.href = url;
          var image = document.createElement("img");
          image.src = url;
          image.alt = file.fileName;
          image.loading = "lazy";
          image.decoding = "async";
          picture.appendChild(image);
          item.appendChild(picture);
        }
        var link = document.createElement("a");
        link.className = "um-attachment__link";
        link.href = url;
        link.setAttribute("download", file.fileName);
        link.textContent = file.fileName;
        item.appendChild(link);
        item.appendChild(span("um-attachment__size", file.length < 1048576 ? Math.max(1, Math.floor(file.length / 1024)) + " KB" : (file.length / 1048576).toFixed(1).replace(/\.0$/, "") + " MB"));
        list.appendChild(item);
      });
      return list;
    }

    // The open thread: append the message as _Message.cshtml renders it, unless it is already there.
    function appendMessage(root, m) {
      var list = document.getElementById("um-messages");
      if (!list || String(m.threadId) !== root.dataset.umThreadId || !showsNewest(root)) { return false; }
      if (document.getElementById("message-" + m.messageId)) { return false; }
      var li = document.createElement("li");
      li.className = "um-message" + (m.senderId === me ? " um-message--own" : "");
      li.id = "message-" + m.messageId;
      li.dataset.umMessageId = String(m.messageId);
      li.dataset.umSenderId = m.senderId;
      var article = document.createElement("article");
      article.setAttribute("aria-label", text(data.umTextMessageFrom, m.senderName));
      article.appendChild(avatar(m.senderName));
      var header = document.createElement("header");
      header.className = "um-message__header";
      header.appendChild(span("um-message__sender", m.senderName));
      header.appendChild(timeElement("um-message__time", m.sentAt, root));
      var content = document.createElement("div");
      content.className = "um-message__content";
      if (typeof m.html === "string") {
        content.classList.add("um-message__content--formatted");
        content.appendChild(formatted(m.html));
      } else {
        content.textContent = m.content;
      }
      article.appendChild(header);
      article.appendChild(content);
      if (Array.isArray(m.attachments) && m.attachments.length > 0) { article.appendChild(attachmentList(m.attachments)); }
      if (m.senderId !== me && data.umReportUrl) {
        var footer = document.createElement("footer");
        footer.className = "um-message__footer";
        var report = document.createElement("a");
        report.className = "um-message__report";
        report.dataset.umAction = "report";
        report.href = data.umReportUrl.replace(/\/0\/report\/0(?=$|[?#])/, "/" + encodeURIComponent(m.threadId) + "/report/" + encodeURIComponent(m.messageId));
        report.textContent = data.umTextReport || "Report";
        report.appendChild(span("um-visually-hidden", " " + text(data.umTextReportWhich, m.senderName)));
        footer.appendChild(report);
        article.appendChild(footer);
      }
      li.appendChild(article);
      list.appendChild(li);
      return true;
    }

    // Typing and read receipts in the open thread; names come from its list of people (_People.cshtml).
    function openThread(threadId) {
      var root = document.querySelector(".um[data-um-page='thread']");
      return root && String(threadId) === root.dataset.umThreadId ? root : null;
    }
    function personName(root, userId) {
      var found = "";
      root.querySelectorAll("#um-people [data-um-user-id]").forEach(function (person) {
        var name = person.querySelector("span");
        if (person.dataset.umUserId === userId && name) { found = name.textContent; }
      });
      return found;
    }

    // Someone saw the thread up to a message: each message of it up to there (not their own) lists them, as _Message.cshtml does.
    function onSeen(s) {
      var root = s && openThread(s.threadId);
      if (!root || root.dataset.umReceipts !== "on" || s.userId === me || !personName(root, s.userId)) { return; }
      root.querySelectorAll("#um-messages > .um-message[data-um-message-id]").forEach(function (item) {
        if (Number(item.dataset.umMessageId) > Number(s.messageId) || item.dataset.umSenderId === s.userId) { return; }
        var seen = item.querySelector(".um-message__seen");
        var ids = seen ? (seen.dataset.umSeenBy || "").split(" ").filter(Boolean) : [];
        if (ids.indexOf(s.userId) >= 0) { return; }
        ids.push(s.userId);
        if (!seen) {
          seen = document.createElement("p");
          seen.className = "um-message__seen";
          item.querySelector("article").appendChild(seen);
        }
        seen.dataset.umSeenBy = ids.join(" ");
        seen.textContent = text(data.umTextSeenBy, ids.map(function (id) { return personName(root, id); }).filter(Boolean).join(", "));
      });
    }

    // "Bob is typing…" for six seconds after each signal (the server passes one every two seconds at most), gone with their message.
    var typists = {};
    function showTyping() {
      var root = document.querySelector(".um[data-um-page='thread']");
      var line = root && root.querySelector("#um-typing");
      if (!line) { return; }
      var names = Object.keys(typists).filter(function (id) { return typists[id].threadId === root.dataset.umThreadId; })
        .map(function (id) { return personName(root, id); }).filter(Boolean);
      line.hidden = names.length === 0;
      line.textContent = names.length === 0 ? "" : text(names.length === 1 ? data.umTextTyping : data.umTextTypingSeveral, names.join(", "));
    }
    function stopTyping(userId) {
      if (!typists[userId]) { return; }
      clearTimeout(typists[userId].timer);
      delete typists[userId];
      showTyping();
    }
    function onTyping(t) {
      if (!t || t.userId === me || !openThread(t.threadId)) { return; }
      stopTyping(t.userId);
      typists[t.userId] = { threadId: String(t.threadId), timer: setTimeout(function () { stopTyping(t.userId); }, 6000) };
      showTyping();
    }

    // This user typing in the open thread's reply box: tell the others at most every three seconds.
    var typedAt = 0;
    document.addEventListener("input", function (e) {
      var box = e.target;
      if (!box.matches || !box.matches(".um form[data-um-form='reply'] textarea") || Date.now() - typedAt < 3000) { return; }
      var root = box.closest(".um[data-um-page='thread']");
      if (!root || connection.state !== window.signalR.HubConnectionState.Connected) { return; }
      typedAt = Date.now();
      connection.invoke("Typing", Number(root.dataset.umThreadId)).catch(function () { });
    });

    // A message arrived in the open thread while it is shown: tell the server it is seen (a second later, once for a burst);
    // while the tab is hidden, when it is shown again.
    var seenTimer = 0, unseen = null;
    function markSeen() {
      if (unseen === null || document.visibilityState !== "visible" || seenTimer) { return; }
      seenTimer = setTimeout(function () {
        var threadId = unseen;
        seenTimer = 0;
        unseen = null;
        if (openThread(threadId) && connection.state === window.signalR.HubConnectionState.Connected) {
          connection.invoke("Seen", Number(threadId)).catch(function () { });
        }
      }, 1000);
    }
    document.addEventListener("visibilitychange", markSeen);

    // A message request arrived (or was answered elsewhere): the count beside the Requests folder, as _FolderNav.cshtml renders it.
    function onRequestCount(count) {
      if (typeof count !== "number") { return; }
      document.querySelectorAll(".um [data-um-folder='requests']").forEach(function (link) {
        var pill = link.querySelector("#um-requests-count");
        if (count <= 0) {
          if (pill) { pill.remove(); }
          return;
        }
        if (!pill) {
          pill = span("um-folders__count", " ");
          pill.id = "um-requests-count";
          link.appendChild(pill);
        }
        pill.textContent = " ";
        var number = span("", String(count));
        number.setAttribute("aria-hidden", "true");
        pill.appendChild(number);
        pill.appendChild(span("um-visually-hidden", text(link.dataset.umTextWaiting, String(count))));
      });
    }

    // The open thread's written message with this id, or null.
    function openMessage(r) {
      var item = r && document.getElementById("message-" + r.messageId);
      var root = item && item.closest(".um[data-um-page='thread']");
      return root && String(r.threadId) === root.dataset.umThreadId && !item.dataset.umKind ? item : null;
    }

    // Its sender edited a message: the open thread shows the new text and "edited" (a link to the earlier versions after a reload).
    function onMessageEdited(e) {
      var item = openMessage(e);
      if (!item || typeof e.content !== "string") { return; }
      var content = item.querySelector(".um-message__content");
      var fresh = document.createElement("div");
      fresh.className = "um-message__content";
      if (typeof e.html === "string") {
        fresh.classList.add("um-message__content--formatted");
        fresh.appendChild(formatted(e.html));
      } else {
        fresh.textContent = e.content;
      }
      if (content) { content.replaceWith(fresh); }
      if (!item.querySelector(".um-message__edited")) {
        var footer = item.querySelector(".um-message__footer");
        if (!footer) {
          footer = document.createElement("footer");
          footer.className = "um-message__footer";
          item.querySelector("article").appendChild(footer);
        }
        footer.insertBefore(span("um-message__edited", data.umTextEdited || "edited"), footer.firstChild);
      }
    }

    // A message its sender deleted, or a moderator removed: the open thread shows the line _Message.cshtml renders for it.
    function onMessageDeleted(r) { replaceByLine(r, "deleted", data.umTextDeleted); }
    function onMessageRemoved(r) { replaceByLine(r, "removed", data.umTextRemoved); }
    function replaceByLine(r, kind, template) {
      var item = openMessage(r);
      if (!item) { return; }
      var sender = item.querySelector(".um-message__sender");
      var time = item.querySelector("time");
      var line = document.createElement("li");
      line.className = "um-system-line um-message--" + kind;
      line.id = item.id;
      line.dataset.umMessageId = String(r.messageId);
      line.dataset.umKind = kind;
      line.appendChild(document.createTextNode(text(template, sender ? sender.textContent : "") + " "));
      if (time) {
        var copy = time.cloneNode(true);
        copy.removeAttribute("class");
        line.appendChild(copy);
      }
      item.replaceWith(line);
    }

    function markUnread(row) {
      row.classList.add("um-thread--unread");
      row.dataset.umUnread = "true";
      var subject = row.querySelector(".um-thread__subject");
      if (subject && !subject.querySelector(".um-dot")) {
        var dot = span("um-dot", "");
        dot.setAttribute("aria-hidden", "true");
        subject.insertBefore(span("um-visually-hidden", (data.umTextUnread || "Unread:") + " "), subject.firstChild);
        subject.insertBefore(dot, subject.firstChild);
      }
    }
    // The user saw a thread on another of their pages: its rows here are read, as the server renders them.
    function onThreadRead(r) {
      if (!r) { return; }
      document.querySelectorAll(".um [data-um-thread-id='" + Number(r.threadId) + "'][data-um-unread='true']").forEach(function (row) {
        row.classList.remove("um-thread--unread");
        row.dataset.umUnread = "false";
        var subject = row.querySelector(".um-thread__subject");
        var dot = subject && subject.querySelector(".um-dot");
        if (dot) {
          if (dot.nextSibling && dot.nextSibling.classList && dot.nextSibling.classList.contains("um-visually-hidden")) { dot.nextSibling.remove(); }
          dot.remove();
        }
      });
    }
    function newRow(m) {
      var row = document.createElement("li");
      row.className = "um-thread";
      row.dataset.umThreadId = String(m.threadId);
      row.dataset.umUnread = "false";
      var link = document.createElement("a");
      link.className = "um-thread__link";
      link.href = threadUrl(m.threadId);
      link.appendChild(avatar(m.senderName));
      link.appendChild(span("um-thread__people", m.senderId === me ? "" : m.senderName));
      link.appendChild(span("um-thread__subject", m.subject));
      link.appendChild(span("um-thread__excerpt", ""));
      link.appendChild(timeElement("um-thread__time", m.sentAt, null));
      row.appendChild(link);
      return row;
    }
    function threadList(root) {
      var list = document.getElementById("um-thread-list");
      if (list) { return list; }
      var empty = document.getElementById("um-empty");
      var section = root.querySelector(".um-mailbox__list");
      if (!empty && !section) { return null; }
      list = document.createElement("ul");
      list.className = "um-threads";
      list.id = "um-thread-list";
      if (empty) {
        empty.hidden = true;
        empty.insertAdjacentElement("afterend", list);
      } else {
        section.appendChild(list);
      }
      return list;
    }

    // A folder page: a new message brings its thread to the top of the inbox (and of Sent when
    // it is there or the reader wrote it) and out of the archive and the trash.
    function updateFolder(root, folder, m) {
      var selector = "[data-um-thread-id='" + String(m.threadId).replace(/[^0-9]/g, "") + "']";
      var existing = document.querySelector("#um-thread-list " + selector);
      if (folder === "archive" || folder === "trash") {
        if (existing) { existing.remove(); }
        return;
      }
      var own = m.senderId === me;
      if (!showsNewest(root) || (folder === "sent" && !existing && !own)) { return; }
      var list = threadList(root);
      if (!list) { return; }
      var row = existing || newRow(m);
      var rowExcerpt = row.querySelector(".um-thread__excerpt");
      if (rowExcerpt) { rowExcerpt.textContent = m.senderName + ": " + excerpt(m.content); }
      var rowTime = row.querySelector(".um-thread__time");
      if (rowTime) { rowTime.replaceWith(timeElement("um-thread__time", m.sentAt, root)); }
      if (!own) { markUnread(row); }
      list.insertBefore(row, list.firstChild);
    }

    function onMessage(m) {
      if (!m || typeof m.content !== "string") { return; }
      inboxLatest = Math.max(inboxLatest, Date.parse(m.sentAt) || 0);
      document.querySelectorAll(".um[data-um-page]").forEach(function (root) {
        var page = root.dataset.umPage;
        if (page === "thread") {
          stopTyping(m.senderId);
          if (appendMessage(root, m) && m.senderId !== me) {
            unseen = String(m.threadId);
            markSeen();
          }
        } else if (page === "inbox" || page === "sent" || page === "archive" || page === "trash") {
          updateFolder(root, page, m);
        }
      });
    }

    // Each badge carries its own texts and classes (see Components/UnreadBadge/Default.cshtml).
    function onUnreadCount(count) {
      count = Number(count) || 0;
      var shown = count > 99 ? "99+" : count.toLocaleString(document.documentElement.lang || undefined);
      document.querySelectorAll("[id='um-unread-badge']").forEach(function (badge) {
        badge.dataset.umUnreadCount = String(count);
        var number = badge.querySelector("[data-um-count]");
        if (badge.dataset.umBadge === "count") {
          badge.hidden = count === 0;
          if (number) { number.textContent = shown; }
          return;
        }
        badge.setAttribute("aria-label", count === 0 ? (badge.dataset.umTextNone || "") : text(badge.dataset.umTextSome, shown));
        if (count === 0) {
          if (number) { number.remove(); }
          return;
        }
        if (!number) {
          number = span(badge.dataset.umCountClass || "um-badge__count", "");
          number.setAttribute("data-um-count", "");
          number.setAttribute("aria-hidden", "true");
          badge.appendChild(number);
        }
        number.textContent = shown;
      });
    }

    // The connection's state on every messages root (data-um-live), for the host's styles and for tests.
    var current = "connecting";
    function showState(state) {
      current = state;
      document.querySelectorAll(".um[data-um-page]").forEach(function (root) { root.dataset.umLive = state; });
    }

    var connection = new window.signalR.HubConnectionBuilder()
      .withUrl(data.umHub)
      .withAutomaticReconnect()
      .configureLogging(window.signalR.LogLevel.Warning)
      .build();
    connection.on("messageSent", onMessage);
    connection.on("unreadCount", onUnreadCount);
    connection.on("messageRemoved", onMessageRemoved);
    connection.on("messageEdited", onMessageEdited);
    connection.on("messageDeleted", onMessageDeleted);
    connection.on("requestCount", onRequestCount);
    connection.on("seen", onSeen);
    connection.on("typing", onTyping);
    connection.on("threadRead", onThreadRead);
    connection.onreconnecting(function () { showState("reconnecting"); });
    connection.onreconnected(function () { showState("connected"); syncState(); });

    // Catching up on events lost on the way (the backplane was down, the connection dropped): after each (re)connection,
    // when the page is shown again and every half minute, the page asks the hub for the state and compares it with what it
    // shows; a thread with a newer message, or an inbox that moved without telling this page, is read again.
    var inboxLatest = 0, knowsInbox = false, refreshing = false;
    function newestShown(root) {
      var newest = 0;
      root.querySelectorAll("#um-messages > [data-um-message-id]").forEach(function (item) {
        newest = Math.max(newest, Number(item.dataset.umMessageId) || 0);
      });
      return newest;
    }
    // Reads the page again and takes from it what this one missed: a thread's new messages, or a folder's list.
    function readAgain(root) {
      var thread = root.dataset.umPage === "thread";
      var selector = thread ? "#um-messages" : ".um-mailbox__list";
      var current = root.querySelector(selector);
      if (refreshing || !current || (!thread && current.querySelector("input[type='checkbox']:checked"))) { return; }
      refreshing = true;
      fetch(location.href, { credentials: "same-origin", headers: { Accept: "text/html" } })
        .then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (html) {
          var fresh = html && new DOMParser().parseFromString(html, "text/html").querySelector(selector);
          if (!fresh || !current.isConnected) { return; }
          if (!thread) {
            current.replaceWith(document.importNode(fresh, true));
            localizeTimes(root);
            return;
          }
          var fromOthers = false;
          fresh.querySelectorAll(":scope > [data-um-message-id]").forEach(function (item) {
            if (document.getElementById(item.id)) { return; }
            current.appendChild(document.importNode(item, true));
            fromOthers = fromOthers || item.dataset.umSenderId !== me;
          });
          localizeTimes(current);
          endEditWindows(current);
          if (fromOthers) {
            unseen = root.dataset.umThreadId;
            markSeen();
          }
        })
        .catch(function () { })
        .then(function () { refreshing = false; });
    }
    function syncState() {
      if (connection.state !== window.signalR.HubConnectionState.Connected) { return; }
      var open = document.querySelector(".um[data-um-page='thread']");
      connection.invoke("State", open ? Number(open.dataset.umThreadId) || 0 : 0).then(function (state) {
        if (!state) { return; }
        onUnreadCount(state.unread);
        var at = state.inboxLatestAt ? Date.parse(state.inboxLatestAt) || 0 : 0;
        var inboxMoved = knowsInbox && at > inboxLatest;
        // A hidden page reads nothing again (a thread read again is marked read): it asks once it is shown.
        if (document.visibilityState !== "visible") { return; }
        inboxLatest = Math.max(inboxLatest, at);
        knowsInbox = true;
        document.querySelectorAll(".um[data-um-page]").forEach(function (root) {
          var page = root.dataset.umPage;
          if (page === "thread" ? showsNewest(root) && state.latestMessageId > newestShown(root)
            : inboxMoved && showsNewest(root) && (page === "inbox" || page === "sent" || page === "archive" || page === "trash")) {
            readAgain(root);
          }
        });
      }, function () { });
    }
    setInterval(function () { if (document.visibilityState === "visible") { syncState(); } }, 30000);
    document.addEventListener("visibilitychange", function () { if (document.visibilityState === "visible") { syncState(); } });

    // Automatic reconnect covers a dropped connection for a while; beyond that, and when the
    // first start fails, try again ever more slowly rather than never.
    var delay = 5000, timer = 0;
    function retryLater() {
      showState("disconnected");
      if (timer) { return; }
      timer = setTimeout(function () { timer = 0; start(); }, delay);
      delay = Math.min(delay * 2, 120000);
    }
    function start() {
      if (connection.state !== window.signalR.HubConnectionState.Disconnected) { return; }
      showState("connecting");
      connection.start().then(function () { delay = 5000; showState("connected"); syncState(); }, retryLater);
    }
    connection.onclose(retryLater);
    start();
    // A page that replaced the content (Blazor's enhanced navigation) keeps the connection: show its state there.
    return function () { showState(current); };
  }

  // Drafts: what is typed in a reply or a new message stays in this browser (per user and form) until it is sent, so a
  // reload or a crashed tab loses nothing; a draft older than a week is dropped. Text the page already shows (a refused
  // form comes back with it) is never overwritten.
  var draftLifetime = 7 * 24 * 60 * 60 * 1000;
  function drafts(form) {
    if (form.dataset.umDrafts === "on") { return; }
    form.dataset.umDrafts = "on";
    var script = document.querySelector("script[data-um-user-id]");
    var user = script && script.dataset.umUserId;
    var store = null;
    try { store = window.localStorage; } catch (e) { store = null; }
    if (!user || !store) { return; }
    // Someone else signed in on this browser: the drafts of whoever used it before go, so they are not left lying about.
    Object.keys(store).forEach(function (name) {
      if (name.indexOf("um-draft:") === 0 && name.indexOf("um-draft:" + user + ":") !== 0) { store.removeItem(name); }
    });
    var key = "um-draft:" + user + ":" + form.getAttribute("action");
    var fields = Array.prototype.slice.call(form.querySelectorAll("input[type='text'][name], textarea[name]"));
    var saved = null;
    try { saved = JSON.parse(store.getItem(key) || "null"); } catch (e) { saved = null; }
    if (saved && !(Date.now() - saved.at < draftLifetime)) { store.removeItem(key); saved = null; }
    if (saved && saved.values) {
      fields.forEach(function (field) {
        if (!field.value && typeof saved.values[field.name] === "string") { field.value = saved.values[field.name]; }
      });
    }
    var timer = 0;
    function save() {
      timer = 0;
      var values = {}, typed = false;
      fields.forEach(function (field) { values[field.name] = field.value; typed = typed || field.value.trim() !== ""; });
      try {
        if (typed) { store.setItem(key, JSON.stringify({ at: Date.now(), values: values })); } else { store.removeItem(key); }
      } catch (e) { /* storage full or refused: no draft this time */ }
    }
    form.addEventListener("input", function () { if (!timer) { timer = setTimeout(save, 300); } });
    window.addEventListener("pagehide", function () { if (timer) { clearTimeout(timer); save(); } });
    form.addEventListener("submit", function (e) {
      if (timer) { clearTimeout(timer); timer = 0; }
      // The Preview button sends nothing: the draft stays until the message is sent.
      if (e.submitter && e.submitter.name === "Preview") { save(); return; }
      try { store.removeItem(key); } catch (e2) { /* nothing kept */ }
    });
  }

  var showLiveState = null;
  // Edit and Delete of one's own message go when its edit window ends (the server refuses them after it anyway).
  function endEditWindows(scope) {
    scope.querySelectorAll(".um [data-um-editable-until]").forEach(function (actions) {
      var left = Date.parse(actions.dataset.umEditableUntil) - Date.now();
      if (!(left > 0)) { actions.remove(); return; }
      setTimeout(function () { actions.remove(); }, Math.min(left, 2147483647));
    });
  }

  function enhancePage() {
    document.querySelectorAll(".um form[data-um-form='reply'], .um form[data-um-form='compose']").forEach(drafts);
    endEditWindows(document);
    localizeTimes(document);
    scrollToNew();
    focusErrors();
    document.querySelectorAll(".um input[data-um-suggest]").forEach(function (input) {
      if (!input.parentElement.classList.contains("um-combobox")) { recipientCombobox(input); }
    });
    if (showLiveState) { showLiveState(); return; }
    var script = document.querySelector("script[data-um-hub]");
    if (script && script.dataset.umHub && window.signalR && window.signalR.HubConnectionBuilder) {
      showLiveState = liveUpdates(script);
    }
  }

  window.UserMessages = { enhancePage: enhancePage };
  // In a Blazor Web App, a link followed by enhanced navigation patches the document in place: enhance the new page.
  if (window.Blazor && typeof window.Blazor.addEventListener === "function") {
    window.Blazor.addEventListener("enhancedload", enhancePage);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhancePage);
  } else {
    enhancePage();
  }
})();
