// The pages work without this script (forms post and the page reloads); with it, a switch or a selector is
// saved at once without leaving the page, and the messages table refreshes itself.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function status(text, failed) {
    var line = document.getElementById("status");
    if (line) {
      line.textContent = text;
      line.classList.toggle("error", !!failed);
    }
  }

  function post(form, fields) {
    var body = new URLSearchParams(new FormData(form));
    Object.keys(fields || {}).forEach(function (name) { body.set(name, fields[name]); });
    // getAttribute: a form with a field named "action" hides its action property behind that field.
    return fetch(form.getAttribute("action"), {
      method: "POST", body: body, credentials: "same-origin",
      headers: { "X-CSRF-Token": form.elements.csrf.value }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(response.status === 401 ? "your session has ended; reload the page" : "the service answered " + response.status);
      }
    });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.matches("input.switch")) {
      var form = target.form;
      var name = target.getAttribute("data-name");
      target.disabled = true;
      post(form, { enabled: String(target.checked) }).then(function () {
        form.elements.enabled.value = String(!target.checked);
        status("Saved: " + name + " is " + (target.checked ? "on." : "off."));
      }).catch(function (error) {
        target.checked = !target.checked;
        status("Not saved: " + error.message + ".", true);
      }).finally(function () {
        target.disabled = false;
        target.focus();
      });
    } else if (target.matches("form[data-autosave] select")) {
      var owner = target.form;
      post(owner).then(function () {
        status("Saved: " + owner.getAttribute("data-autosave").toLowerCase() + " is " + target.options[target.selectedIndex].text + ".");
      }).catch(function (error) {
        status("Not saved: " + error.message + ".", true);
      });
    }
  });

  // A change that stops delivery everywhere is asked about first (the form says what to ask).
  document.addEventListener("submit", function (event) {
    var question = event.target.getAttribute("data-confirm");
    if (question && !window.confirm(question)) {
      event.preventDefault();
    }
  });

  // A test notification is followed to its outcome: sent, or failed with the relay's or the receiver's answer.
  var outcome = document.getElementById("test-outcome");
  if (outcome && outcome.getAttribute("data-refresh")) {
    var tries = 0;
    var follow = setInterval(function () {
      var text = document.getElementById("test-outcome-text");
      if ((text && text.getAttribute("data-settled") === "true") || ++tries > 120) {
        clearInterval(follow);
        return;
      }
      fetch(outcome.getAttribute("data-refresh"), { credentials: "same-origin" }).then(function (answer) {
        return answer.ok ? answer.text() : Promise.reject(new Error(answer.status));
      }).then(function (html) {
        outcome.innerHTML = html;
      }).catch(function () {});
    }, 1000);
  }

  // A part of the page that refreshes itself: every `seconds`, while the page is shown, its fragment is fetched
  // and handed to `apply`; the note under it says when it last worked, or that it did not.
  function refreshing(url, seconds, apply, noteId, what) {
    setInterval(function () {
      if (document.hidden) {
        return;
      }
      fetch(url, { credentials: "same-origin" }).then(function (response) {
        if (!response.ok) {
          throw new Error(String(response.status));
        }
        return response.text();
      }).then(function (html) {
        // Looked up after `apply`, which may have replaced it.
        var note = apply(html) && document.getElementById(noteId);
        if (note) {
          note.textContent = "Refreshed at " + new Date().toLocaleTimeString() + "; " + what + " refreshes itself every " + seconds + " seconds.";
        }
      }).catch(function () {
        var note = document.getElementById(noteId);
        if (note) {
          note.textContent = "Could not refresh; trying again in " + seconds + " seconds.";
        }
      });
    }, seconds * 1000);
  }

  // The overview: its figures, charts and reasons come back as one fragment.
  var overview = document.getElementById("overview");
  if (overview && overview.getAttribute("data-refresh")) {
    refreshing(overview.getAttribute("data-refresh"), 10, function (html) {
      var fresh = new DOMParser().parseFromString("<div>" + html + "</div>", "text/html").body.firstChild;
      overview.replaceChildren.apply(overview, Array.prototype.map.call(fresh.childNodes, function (node) {
        return document.importNode(node, true);
      }));
      return true;
    }, "overview-refreshed", "the overview");
  }

  // The newest page of messages.
  var table = document.getElementById("messages");
  if (table && table.getAttribute("data-refresh")) {
    refreshing(table.getAttribute("data-refresh"), 5, function (html) {
      var rows = new DOMParser().parseFromString("<table>" + html + "</table>", "text/html").getElementById("message-rows");
      if (rows) {
        table.replaceChild(document.importNode(rows, true), document.getElementById("message-rows"));
      }
      return Boolean(rows);
    }, "refreshed", "the table");
  }
}());

// The inbox behind the bell (SPEC section 12): the first page is listed at once for the unread count, new items
// arrive by Server-Sent Events, and every answer of the API brings the count with it. Titles and contents are
// Markdown, turned into elements one by one (never markup from a string), and links go only to http(s) addresses.
(function () {
  "use strict";
  var bell = document.getElementById("inbox-bell");
  if (!bell || !window.fetch) {
    return;
  }
  var API = "/api/v2/notifications/inbox";
  var PAGE = 25;
  var SVG = "http://www.w3.org/2000/svg";
  var WORD = /[A-Za-z0-9]/;
  var GLYPHS = {
    DEFAULT_ICON_WORKSPACE: ["workspace", ["M3 4h18v12H3z", "M8 20h8", "M12 16v4"]],
    DEFAULT_ICON_ACCOUNT: ["account", ["M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8z", "M4 21c1.2-3.6 4.2-5.5 8-5.5s6.8 1.9 8 5.5"]],
    DEFAULT_ICON_TEMPLATE: ["template", ["M6 3h8l5 5v13H6z", "M14 3v5h5", "M9 13h7", "M9 17h5"]],
    DEFAULT_ICON_OTHER: ["other", ["M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18z", "M12 11v6", "M12 7.5v.01"]]
  };
  var inbox = document.getElementById("inbox");
  var panel = document.getElementById("inbox-panel");
  var count = document.getElementById("inbox-count");
  var list = document.getElementById("inbox-items");
  var empty = document.getElementById("inbox-empty");
  var more = document.getElementById("inbox-more");
  var markAll = document.getElementById("inbox-mark-all");
  var statusLine = document.getElementById("inbox-status");
  var token = document.querySelector('meta[name="csrf-token"]');
  var csrf = token ? token.getAttribute("content") : "";
  var listed = false, hasMore = false, loadingMore = false, sessionEnded = false;
  var retryDelay = 0, retryTimer = null, source = null, watchDelay = 0;

  function el(tag, className) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    return node;
  }

  function say(text, failed) {
    statusLine.textContent = text;
    statusLine.classList.toggle("error", !!failed);
  }

  function request(method, path, body, keepalive) {
    var init = { method: method, credentials: "same-origin", headers: { Accept: "application/json" } };
    if (method !== "GET") {
      init.headers["X-CSRF-Token"] = csrf;
      init.headers["Content-Type"] = "application/json";
      init.keepalive = !!keepalive;
      if (body) {
        init.body = JSON.stringify(body);
      }
    }
    return fetch(API + path, init).then(function (response) {
      if (response.status === 401) {
        sessionEnded = true;
      }
      if (!response.ok) {
        throw new Error("the service answered " + response.status);
      }
      return response.status === 204 ? null : response.json();
    });
  }

  function failed(text) {
    return function () {
      if (sessionEnded) {
        stop();
      } else {
        say(text, true);
      }
    };
  }

  function stop() {
    say("Your session has ended; reload the page.", true);
    clearTimeout(retryTimer);
    if (source) {
      source.close();
      source = null;
    }
  }

  // The count: empty (and so invisible) at 0; the bell's name says it in words.
  function setCount(value) {
    var n = Math.max(0, Number(value) || 0);
    var text = n > 0 ? String(n) : "";
    if (count.textContent !== text) {
      count.textContent = text;
    }
    bell.setAttribute("aria-label", "Inbox, " + n + " unread");
    bell.classList.toggle("has-unread", n > 0);
  }

  function ago(date) {
    var seconds = Math.floor((Date.now() - date.getTime()) / 1000);
    var units = [["year", 31536000], ["month", 2592000], ["day", 86400], ["hour", 3600], ["minute", 60]];
    for (var i = 0; i < units.length; i += 1) {
      var value = Math.floor(seconds / units[i][1]);
      if (value >= 1) {
        return value + " " + units[i][0] + (value === 1 ? "" : "s") + " ago";
      }
    }
    return "just now";
  }

  function showTime(time) {
    var date = new Date(time.getAttribute("datetime"));
    time.textContent = isNaN(date.getTime()) ? "" : ago(date);
    time.title = isNaN(date.getTime()) ? "" : date.toLocaleString();
  }

  function tick() {
    Array.prototype.forEach.call(list.querySelectorAll("time.inbox-time"), showTime);
  }

  // A link goes to an http(s) address written out in full, or to a relative one that stays on this site.
  function safeUrl(raw) {
    var value = String(raw || "").trim();
    if (!value || /[\u0000-\u001f\u007f]/.test(value)) {
      return null;
    }
    var url;
    try {
      url = new URL(value, window.location.href);
    } catch (e) {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      return null;
    }
    if (!/^https?:\/\//i.test(value) && url.origin !== window.location.origin) {
      return null;
    }
    return url.href;
  }

  function link(href, into) {
    var a = el("a");
    a.href = href;
    a.rel = "noopener noreferrer";
    into.appendChild(a);
    return a;
  }

  // Markdown, the subset templates write: paragraphs, line breaks, "- " and "* " lists, and the inline forms below.
  function markdown(source, into) {
    var paragraph = [], bullets = null, item = null;
    function flush() {
      if (paragraph.length) {
        var p = el("p");
        inline(paragraph.join("\n"), p);
        into.appendChild(p);
        paragraph = [];
      }
    }
    String(source || "").replace(/\r\n?/g, "\n").split("\n").forEach(function (line) {
      var bullet = /^ {0,3}[-*] +(.*)$/.exec(line);
      if (!line.trim()) {
        flush();
        bullets = null;
      } else if (bullet) {
        flush();
        if (!bullets) {
          bullets = into.appendChild(el("ul"));
        }
        item = bullets.appendChild(el("li"));
        inline(bullet[1], item);
      } else if (bullets && /^\s/.test(line)) {
        item.appendChild(el("br"));
        inline(line.trim(), item);
      } else {
        bullets = null;
        paragraph.push(line);
      }
    });
    flush();
  }

  // **bold** and __bold__, *italic* and _italic_, `code`, [text](url); a backslash keeps any ASCII punctuation
  // literal, as in CommonMark (the service escapes every label this way before it goes into a template).
  function inline(text, into) {
    var buffer = "", i = 0, end;
    text = String(text || "");
    function flush() {
      buffer.split("\n").forEach(function (part, index) {
        if (index > 0) {
          into.appendChild(el("br"));
        }
        if (part) {
          into.appendChild(document.createTextNode(part));
        }
      });
      buffer = "";
    }
    function wrap(tag, inner, literal) {
      flush();
      var node = into.appendChild(el(tag));
      if (literal) {
        node.textContent = inner;
      } else {
        inline(inner, node);
      }
    }
    while (i < text.length) {
      var ch = text.charAt(i);
      if (ch === "\\" && /[!-\/:-@\[-`{-~]/.test(text.charAt(i + 1))) {
        buffer += text.charAt(i + 1);
        i += 2;
        continue;
      }
      if (ch === "`" && (end = text.indexOf("`", i + 1)) > i + 1) {
        wrap("code", text.slice(i + 1, end), true);
        i = end + 1;
        continue;
      }
      if ((ch === "*" || ch === "_") && text.charAt(i + 1) === ch && (end = closer(text, i, ch + ch)) > 0) {
        wrap("strong", text.slice(i + 2, end));
        i = end + 2;
        continue;
      }
      if ((ch === "*" || ch === "_") && text.charAt(i + 1) !== ch && (end = closer(text, i, ch)) > 0) {
        wrap("em", text.slice(i + 1, end));
        i = end + 1;
        continue;
      }
      var target = ch === "[" ? linkAt(text, i) : null;
      if (target) {
        flush();
        var href = safeUrl(target.url);
        inline(target.label, href ? link(href, into) : into);
        i = target.end;
        continue;
      }
      buffer += ch;
      i += 1;
    }
    flush();
  }

  // Where the emphasis opened at start by mark ends, or -1: not before a space, not inside a word for "_".
  function closer(text, start, mark) {
    var from = start + mark.length;
    var underscore = mark.charAt(0) === "_";
    if (!text.charAt(from) || /\s/.test(text.charAt(from)) || (underscore && WORD.test(text.charAt(start - 1)))) {
      return -1;
    }
    for (var j = from + 1; j < text.length; j += 1) {
      var c = text.charAt(j);
      if (c === "\\") {
        j += 1;
      } else if (c === "`" && text.indexOf("`", j + 1) > j) {
        j = text.indexOf("`", j + 1);
      } else if (mark.length === 1 && c === mark && text.charAt(j + 1) === mark) {
        j += 1;
      } else if (text.slice(j, j + mark.length) === mark && !/\s/.test(text.charAt(j - 1))
          && !(underscore && WORD.test(text.charAt(j + mark.length)))) {
        return j;
      }
    }
    return -1;
  }

  // [label](url "optional title"): the label, the url and where the link ends, or null.
  function linkAt(text, start) {
    var depth = 0, j, k, open = 0;
    for (j = start; j < text.length; j += 1) {
      if (text.charAt(j) === "\\") {
        j += 1;
      } else if (text.charAt(j) === "[") {
        depth += 1;
      } else if (text.charAt(j) === "]" && --depth === 0) {
        break;
      }
    }
    if (depth !== 0 || text.charAt(j + 1) !== "(") {
      return null;
    }
    for (k = j + 1; k < text.length; k += 1) {
      if (text.charAt(k) === "(") {
        open += 1;
      } else if (text.charAt(k) === ")" && --open === 0) {
        break;
      } else if (text.charAt(k) === "\n") {
        return null;
      }
    }
    if (open !== 0) {
      return null;
    }
    var url = text.slice(j + 2, k).trim().replace(/\s+["'(][\s\S]*$/, "").replace(/^<([\s\S]*)>$/, "$1");
    return { label: text.slice(start + 1, j), url: url, end: k + 1 };
  }

  function icon(name) {
    var glyph = Object.prototype.hasOwnProperty.call(GLYPHS, name) ? GLYPHS[name] : GLYPHS.DEFAULT_ICON_OTHER;
    var box = el("span", "inbox-icon inbox-icon-" + glyph[0]);
    box.setAttribute("aria-hidden", "true");
    var svg = box.appendChild(document.createElementNS(SVG, "svg"));
    [["viewBox", "0 0 24 24"], ["width", "18"], ["height", "18"], ["focusable", "false"], ["fill", "none"],
      ["stroke", "currentColor"], ["stroke-width", "1.8"], ["stroke-linecap", "round"], ["stroke-linejoin", "round"]]
      .forEach(function (pair) { svg.setAttribute(pair[0], pair[1]); });
    glyph[1].forEach(function (d) {
      svg.appendChild(document.createElementNS(SVG, "path")).setAttribute("d", d);
    });
    return box;
  }

  function itemFor(n) {
    var li = el("li", "inbox-item");
    li.setAttribute("data-id", n.id);
    li.setAttribute("data-created", n.created_at || "");
    li.tabIndex = -1;
    li.appendChild(icon(n.icon));
    var body = li.appendChild(el("div", "inbox-body"));
    var title = body.appendChild(el("div", "inbox-title"));
    title.id = "inbox-title-" + n.id;
    inline(n.title, title);
    markdown(n.content, body.appendChild(el("div", "inbox-content")));
    var actions = (n.actions || []).filter(function (action) { return action && safeUrl(action.url); });
    if (actions.length) {
      var row = body.appendChild(el("p", "inbox-actions"));
      actions.forEach(function (action) {
        link(safeUrl(action.url), row).textContent = String(action.label || action.url);
      });
    }
    var meta = body.appendChild(el("div", "inbox-meta"));
    var time = meta.appendChild(el("time", "inbox-time"));
    time.setAttribute("datetime", n.created_at || "");
    showTime(time);
    update(li, n);
    return li;
  }

  // Unread or read, as the answer says: the mark, the words for screen readers and the "Mark as read" button.
  function update(li, n) {
    var unread = !n.read_at;
    var note = li.querySelector(".inbox-unread-note");
    var button = li.querySelector(".inbox-mark-read");
    li.classList.toggle("unread", unread);
    if (unread && !note) {
      note = el("span", "visually-hidden inbox-unread-note");
      note.textContent = "Unread: ";
      li.querySelector(".inbox-body").insertBefore(note, li.querySelector(".inbox-title"));
    } else if (!unread && note) {
      note.parentNode.removeChild(note);
    }
    if (unread && !button) {
      button = li.querySelector(".inbox-meta").appendChild(el("button", "inbox-mark-read"));
      button.type = "button";
      button.textContent = "Mark as read";
      button.setAttribute("aria-describedby", "inbox-title-" + li.getAttribute("data-id"));
    } else if (!unread && button) {
      if (document.activeElement === button) {
        li.focus();
      }
      button.parentNode.removeChild(button);
    }
  }

  function find(id) {
    for (var child = list.firstElementChild; child; child = child.nextElementSibling) {
      if (child.getAttribute("data-id") === id) {
        return child;
      }
    }
    return null;
  }

  function created(li) {
    return Date.parse(li.getAttribute("data-created"));
  }

  // Shows an item in its place, newest first; an item already shown only takes the new read state.
  function place(n) {
    if (!n || !n.id) {
      return null;
    }
    var shown = find(String(n.id));
    if (shown) {
      update(shown, n);
      return null;
    }
    var li = itemFor(n), when = Date.parse(n.created_at), next = null;
    if (list.lastElementChild && !(created(list.lastElementChild) >= when)) {
      next = list.firstElementChild;
      while (next && !(created(next) < when)) {
        next = next.nextElementSibling;
      }
    }
    list.insertBefore(li, next);
    return li;
  }

  function sync() {
    empty.hidden = !listed || list.firstElementChild !== null;
    more.hidden = !hasMore;
  }

  // The first page. A full page whose oldest item is not shown may leave a gap (a long disconnection), so it
  // replaces the list; otherwise it is merged in.
  function refresh() {
    return request("GET", "").then(function (page) {
      var items = page.notifications || [];
      if (items.length >= PAGE) {
        if (!find(String(items[items.length - 1].id))) {
          list.textContent = "";
          hasMore = true;
        }
      } else {
        hasMore = false;
      }
      items.forEach(place);
      listed = true;
      retryDelay = 0;
      setCount(page.unread_count);
      if (statusLine.classList.contains("error") || statusLine.textContent === "Loading…") {
        say("");
      }
      sync();
    });
  }

  function load() {
    clearTimeout(retryTimer);
    refresh().catch(function () {
      if (sessionEnded) {
        stop();
        return;
      }
      say("Could not load the inbox; retrying.", true);
      retryDelay = Math.min(retryDelay ? retryDelay * 2 : 5000, 60000);
      retryTimer = setTimeout(load, retryDelay);
    });
  }

  function loadMore() {
    var last = list.lastElementChild;
    if (!last) {
      load();
      return;
    }
    if (loadingMore) {
      return;
    }
    loadingMore = true;
    request("GET", "?starting_before=" + encodeURIComponent(last.getAttribute("data-id"))).then(function (page) {
      if (!last.parentNode) {
        return;
      }
      var items = page.notifications || [];
      var focused = document.activeElement === more;
      items.forEach(place);
      hasMore = items.length >= PAGE;
      setCount(page.unread_count);
      sync();
      if (focused && more.hidden) {
        // The button went away under the keyboard: go on at the first item the page added.
        (last.nextElementSibling || markAll).focus();
      }
    }).catch(failed("Could not load more notifications; try again.")).finally(function () {
      loadingMore = false;
    });
  }

  function markRead(li, keepalive) {
    if (!li.classList.contains("unread") || li.hasAttribute("data-marking")) {
      return;
    }
    li.setAttribute("data-marking", "");
    var id = li.getAttribute("data-id");
    request("PUT", "/" + encodeURIComponent(id) + "/read-status", { is_read: true }, keepalive).then(function (answer) {
      update(li, answer && answer.notification ? answer.notification : { read_at: new Date().toISOString() });
      setCount(answer && answer.unread_count);
    }).catch(failed("Could not mark the notification as read; try again.")).finally(function () {
      li.removeAttribute("data-marking");
    });
  }

  function markAllRead() {
    request("PUT", "/mark-all-as-read").then(function () {
      Array.prototype.forEach.call(list.children, function (li) {
        update(li, { read_at: new Date().toISOString() });
      });
      setCount(0);
      say("All notifications are marked as read.");
    }).catch(failed("Could not mark all as read; try again."));
  }

  // Live: each new item as it is delivered. The server replays nothing, so every (re)connection lists again.
  function watch() {
    if (!window.EventSource || sessionEnded) {
      return;
    }
    source = new EventSource(API + "/watch");
    source.addEventListener("open", function () {
      watchDelay = 0;
      load();
    });
    source.addEventListener("notification", function (event) {
      var data;
      try {
        data = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      if (data && data.notification) {
        place(data.notification);
        sync();
      }
      if (data && typeof data.unread_count === "number") {
        setCount(data.unread_count);
      }
    });
    source.addEventListener("error", function () {
      if (!source) {
        return;
      }
      say("Live updates are interrupted; reconnecting.", true);
      if (source.readyState === EventSource.CLOSED) {
        // The browser gives up after an answer that is not a stream; try again later, ever more slowly.
        source.close();
        source = null;
        watchDelay = Math.min(watchDelay ? watchDelay * 2 : 5000, 60000);
        setTimeout(watch, watchDelay);
      }
    });
  }

  function open() {
    panel.hidden = false;
    bell.setAttribute("aria-expanded", "true");
    tick();
    if (!listed && !statusLine.textContent) {
      say("Loading…");
    }
  }

  function close(focusBell) {
    if (panel.hidden) {
      return;
    }
    panel.hidden = true;
    bell.setAttribute("aria-expanded", "false");
    if (focusBell) {
      bell.focus();
    }
  }

  bell.addEventListener("click", function () {
    if (panel.hidden) {
      open();
    } else {
      close(false);
    }
  });
  document.addEventListener("keydown", function (event) {
    if ((event.key === "Escape" || event.key === "Esc") && !panel.hidden) {
      close(true);
    }
  });
  document.addEventListener("click", function (event) {
    if (!panel.hidden && event.target.isConnected && !inbox.contains(event.target)) {
      close(false);
    }
  });
  inbox.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !inbox.contains(event.relatedTarget)) {
      close(false);
    }
  });
  list.addEventListener("click", function (event) {
    var li = event.target.closest("li.inbox-item");
    if (li && event.target.closest(".inbox-mark-read")) {
      markRead(li, false);
    } else if (li && (event.target.closest("a") || event.target.closest(".inbox-title"))) {
      // keepalive: a link leaves the page, and the mark must still reach the service.
      markRead(li, true);
    }
  });
  markAll.addEventListener("click", markAllRead);
  more.addEventListener("click", loadMore);

  load();
  watch();
  if (!window.EventSource) {
    setInterval(function () {
      if (!document.hidden && !sessionEnded) {
        load();
      }
    }, 30000);
  }
  setInterval(tick, 60000);
}());
